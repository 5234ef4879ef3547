"""Perceived figures published outside the Observatoire, as the territory profile shows them.

`data/perceived_more.csv` holds shares of people (or mayors) citing an item in other surveys
(Baromètre des Territoires, victimisation surveys, regional polls…): never merged with the
Observatoire's figures (scores out of 10), never ranked together, never turned into a score or
an index. A profile shows its territory's rows, its region's and the national ones, one block
per survey and place, each row with its wording, value as published, actor, year, base, source
(with its verification status) and caveats; an inverse item ("se sentent en sécurité") says so.

`blocks_by_place` builds every block once per dataset version and language; a profile then
only looks its places and actors up (`blocks_for`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pyarrow as pa

from lib import profile, vocabulary
from lib.data import in_language
from lib.datasets import EMBEDDED_ORIGIN, VERIFICATION_LABELS
from lib.formatting import format_value, is_missing, ordinal
from lib.i18n import t
from lib.rows import records
from lib.safe_text import literal_markdown, markdown_link

COLUMNS = (
    "published_col_item",
    "published_col_value",
    "published_col_actor",
    "published_col_year",
    "published_col_base",
    "published_col_source",
    "published_col_note",
)
QUALIFIER_KEYS = {"plus de": "published_more_than", "près de": "published_nearly"}


@dataclass(frozen=True)
class SurveyBlock:
    """One survey's figures for one place, ready to show."""

    place_id: str
    actor_id: str  # the actor who answered (a survey answered by two actors makes two blocks)
    label: str  # "Baromètre des Territoires — Elabe / Institut Montaigne · France (…) (4 chiffres)"
    table: pa.Table  # for st.table: text of the file made literal, the source a link


def value_text(row: Mapping, lang: str = "fr") -> str:
    """A figure as published: '36 %', 'plus de 30 %', '1er rang', or the published words."""
    if row["unit"] == "text":
        return str(in_language(row, "value_text", lang))
    value = row["value"]
    if is_missing(value):
        return t("not_available", lang)
    if row["unit"] == "rank":
        return t("published_rank", lang, rank=ordinal(int(value), lang))
    text = format_value(value, "%", 0 if float(value).is_integer() else 1, lang)
    qualifier = row["value_qualifier"]
    return t(QUALIFIER_KEYS[qualifier], lang, value=text) if qualifier in QUALIFIER_KEYS else text


def actor_text(row: Mapping, labels: Mapping[str, str], labels_fr: Mapping[str, str]) -> str:
    """The actor's label, followed by the published group when the label does not name it
    ('… (maires) — maires (communes de plus de 10 000 habitants)')."""
    label, published = labels[row["actor_id"]], str(row["actor_label"])
    if published.lower() in labels_fr[row["actor_id"]].lower():
        return label
    return f"{label} — {published}"


def note_text(row: Mapping, lang: str = "fr") -> str:
    """The inverse-item flag and the row's caveats from the research notes ('' when none)."""
    notes = [t("published_inverse", lang)] if row["inverse"] else []
    if not is_missing(row["note"]):
        notes.append(str(in_language(row, "note", lang)))
    return " · ".join(notes)


def source_cell(row: Mapping, sources: Mapping[str, tuple[str, object]], lang: str) -> str:
    """'[Producer, study](address) — non vérifié' (markdown, the text literal)."""
    url, status = sources[row["source_id"]]
    link = markdown_link(f"{row['producer']}, {row['study']}", url)
    if status not in VERIFICATION_LABELS:
        return link
    return f"{link} {literal_markdown(t(VERIFICATION_LABELS[status], lang))}"


def survey_table(
    rows: Sequence[Mapping],
    look: profile.Lookups,
    sources: Mapping[str, tuple[str, object]],
    labels_fr: Mapping[str, str],
) -> pa.Table:
    """One survey's rows as st.table cells (markdown: every text literal), straight to Arrow
    (through pandas, the 39 tables of the file took ~0.1 s)."""
    lang = look.lang
    texts = {
        "published_col_item": [r["item"] for r in rows],
        "published_col_value": [value_text(r, lang) for r in rows],
        "published_col_actor": [actor_text(r, look.actors, labels_fr) for r in rows],
        "published_col_year": [in_language(r, "year_text", lang) for r in rows],
        "published_col_base": [in_language(r, "base", lang) for r in rows],
        "published_col_note": [note_text(r, lang) for r in rows],
    }
    cells = {key: [literal_markdown(text) for text in column] for key, column in texts.items()}
    cells["published_col_source"] = [source_cell(r, sources, lang) for r in rows]
    return pa.table({literal_markdown(t(key, lang)): cells[key] for key in COLUMNS})


def _embedded(source: Mapping) -> bool:
    origin = source.get("origin")
    return is_missing(origin) or origin == EMBEDDED_ORIGIN


def place_scope(look: profile.Lookups, place_id: str) -> str:
    """'France (chiffres nationaux)', 'chiffres régionaux (Hauts-de-France)'."""
    if place_id == vocabulary.NATIONAL:
        return t("published_national", look.lang)
    return profile.scope_label(look, place_id)


def blocks_by_place(look: profile.Lookups) -> dict[str, tuple[SurveyBlock, ...]]:
    """Every place's blocks, one per survey and actor, in the file's order."""
    dataset, lang = look.dataset, look.lang
    sources = {  # an address is linked only for an embedded source (never a layer's)
        s["source_id"]: (s["url_or_package"] if _embedded(s) else "", s.get("verification"))
        for s in records(dataset.sources)
    }
    labels_fr = vocabulary.labels(dataset, "actor", "fr")
    grouped: dict[tuple[str, str, str, str], list[dict]] = {}
    for row in records(dataset.perceived_more):
        key = (row["territory_id"], row["survey"], row["producer"], row["actor_id"])
        grouped.setdefault(key, []).append(row)
    blocks: dict[str, list[SurveyBlock]] = {}
    for (place_id, survey, producer, actor_id), rows in grouped.items():
        label = t(
            "published_block",
            lang,
            survey=survey,
            producer=producer,
            scope=place_scope(look, place_id),
            n=len(rows),
        )
        table = survey_table(rows, look, sources, labels_fr)
        blocks.setdefault(place_id, []).append(SurveyBlock(place_id, actor_id, label, table))
    return {place_id: tuple(place_blocks) for place_id, place_blocks in blocks.items()}


def blocks_for(
    by_place: Mapping[str, tuple[SurveyBlock, ...]], places: Iterable[str], actors: Sequence[str]
) -> list[SurveyBlock]:
    """The blocks of these places (the territory, its region, France), in that order, for the
    chosen actors (all when none)."""
    return [
        block
        for place_id in places
        for block in by_place.get(place_id, ())
        if not actors or block.actor_id in actors
    ]
