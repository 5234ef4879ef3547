"""A published workshop as a layer of the dataset interface (`lib.datasets.Layer`).

Rows added to `perceptions`, for the workshop's territory: one per (actor profile shown on its
own, domain of the vocabulary) — the share of that profile's participants who picked
the domain (measure "share", 0 when none did: every domain was offered, so 0 % is an observed
value and an objective top-3 domain nobody picked reads as a blind spot), base_n = the profile's
participants, study "atelier <title>" ("atelier <title> (n° <id>)" when several published
workshops share a title and a territory: figures of one study are ranked together, so two
workshops must never share one). A generated `sources` row says who published it. The layer is
labelled "atelier <title>, <date>, n=<participants>".

No one singled out (`lib.workshop.privacy`): a profile with fewer than MIN_PARTICIPANTS
participants is merged into "Autres profils", which is not an actor profile and is left out of
the layer; the rows' note says so (in French in `note`, in English in `note_en`, read by
`lib.data.in_language`). A workshop where no profile is shown on its own has no layer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import pandas as pd

from lib.datasets import Layer
from lib.i18n import DEFAULT_LANGUAGE, LANGUAGES, Message, message
from lib.settings import MIN_PARTICIPANTS
from lib.workshop.privacy import OTHER
from lib.workshop.results import MEASURE, grouped_votes, n_participants, shares_by_actor
from lib.workshop.service import published_workshops, votes_frame
from lib.workshop.stamps import Stamp

STUDY_PREFIX = "atelier "
QUESTION = "Domaines choisis comme prioritaires en atelier (part des participants du profil)"
PUBLISHER = "Atelier (organisateur)"
LICENCE = (
    "résultats anonymisés publiés par l'organisateur de l'atelier ; aucune licence déclarée "
    "(citer l'atelier et sa date)"
)


def study(title: str) -> str:
    """'atelier <title>'."""
    return STUDY_PREFIX + title


def layer_label(title: str, created_at, n: int) -> str:
    """'atelier <title>, 23/11/2026, n=12'."""
    return f"{study(title)}, {created_at:%d/%m/%Y}, n={n}"


def _in_every_language(column: str, text: Message) -> dict[str, str]:
    """`column` in French and `column_<code>` in each other language (`note_en`: how the
    dataset's notes are read, `lib.data.in_language`)."""
    others = {f"{column}_{code}": text.text(code) for code in LANGUAGES if code != DEFAULT_LANGUAGE}
    return {column: text.text(DEFAULT_LANGUAGE), **others}


def workshop_layer(
    workshop,
    votes: pd.DataFrame,
    actor_labels: Mapping[str, str],
    domain_ids: Sequence[str],
    study_name: str | None = None,
) -> Layer | None:
    """The workshop's results as a layer (study `study_name`, by default "atelier <title>"), or
    None when no profile is shown on its own (before the first vote among others)."""
    shares = shares_by_actor(grouped_votes(votes), domain_ids)
    shares = shares[shares["actor_id"] != OTHER].reset_index(drop=True)
    if shares.empty:
        return None
    n = n_participants(votes)
    source_id = f"atelier-{workshop.workshop_id}"
    label = layer_label(workshop.title, workshop.created_at, n)
    min_group = message("ws_min_group_published", minimum=MIN_PARTICIPANTS)
    year = workshop.created_at.year
    perceptions = pd.DataFrame(
        {
            "perception_id": source_id + "-" + shares["actor_id"] + "-" + shares["domain_id"],
            "figure_id": source_id,
            "territory_id": workshop.territory_id,
            "actor_id": shares["actor_id"],
            "actor_label": shares["actor_id"].map(actor_labels),
            "domain_id": shares["domain_id"],
            "study": study_name or study(workshop.title),
            "question": QUESTION,
            "measure": MEASURE,
            "value": shares["share"].astype(float),
            "base_n": shares["n_participants"].astype("Int64"),
            "year": pd.array([year] * len(shares), dtype="Int64"),
            "year_note": "",
            "source_id": source_id,
            **_in_every_language(
                "note", message("ws_layer_note", n=workshop.n_choices, min_group=min_group)
            ),
        }
    )
    sources = pd.DataFrame(
        [
            {
                "source_id": source_id,
                "title": label,
                "publisher": PUBLISHER,
                "year": str(year),
                "url_or_package": "",
                "licence": LICENCE,
                **_in_every_language("note", message("ws_layer_source_note", min_group=min_group)),
            }
        ]
    )
    return Layer(source_id, label, {"perceptions": perceptions, "sources": sources})


def published_layers(
    engine, stamp: Stamp, actor_labels: Mapping[str, str], domain_ids: Sequence[str]
) -> list[Layer]:
    """The layers of the published workshops named in `stamp` (see `lib.workshop.stamps`)."""
    wanted = {workshop_id for workshop_id, _, _ in stamp}
    workshops = [w for w in published_workshops(engine) if w.workshop_id in wanted]
    homonyms = Counter((w.territory_id, w.title) for w in workshops)
    built = (
        workshop_layer(
            w,
            votes_frame(engine, w.workshop_id),
            actor_labels,
            domain_ids,
            f"{study(w.title)} (n° {w.workshop_id})"
            if homonyms[w.territory_id, w.title] > 1
            else None,
        )
        for w in workshops
    )
    return [layer for layer in built if layer is not None]
