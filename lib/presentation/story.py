"""Step-through stories of the presentation mode (views/presentation.py), without Streamlit.

A *story* is an ordered list of *steps*; a step names a kind of view, the filters it is shown
with (a URL query dict in the project's scheme, `lib.filters`) and the presenter's caption.
Stories are saved as a small versioned JSON file (`story_to_json` / `story_from_json`, with a
keyed message, French or English, for a malformed file). What a step shows is computed by
`lib.presentation.slides`; a workshop step without published results is skipped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from lib import bounded_json, profile, vocabulary
from lib.data import Dataset
from lib.explore import HOME_INDICATOR, OVERALL
from lib.filters import Allowed, Filters, parse_query, to_query
from lib.i18n import KeyedError, t
from lib.profile import local as local_profile
from lib.settings import (
    STORY_BYTES,
    STORY_CAPTION_CHARS,
    STORY_DEPTH,
    STORY_INTEGER_DIGITS,
    STORY_STEPS,
    STORY_TITLE_CHARS,
)
from lib.workshop.privacy import WORKSHOP_ORIGINS

KINDS = ("national", "map", "top_domains", "trends", "perceptions", "alliances", "workshop")
NEEDS_TERRITORY = ("top_domains", "trends", "workshop")
FORMAT = "territoires-fragiles-histoire"
VERSION = 1
STEP_FIELDS = ("kind", "filters", "caption")
STEP_FILTERS = ("level", "territory", "indicator", "year", "method", "area", "actor", "domain")
SHOWN_CHARACTERS = 40  # of a wrong value quoted in an error message


@dataclass(frozen=True)
class Step:
    """One view of a story."""

    kind: str  # one of KINDS
    filters: Mapping[str, str] = field(default_factory=dict)  # URL query, canonical (to_query)
    caption: str = ""


@dataclass(frozen=True)
class Story:
    title: str
    steps: tuple[Step, ...]


class StoryError(KeyedError, ValueError):
    """A story file that cannot be used; the message is for the presenter (`str()` French,
    `.text(lang)` in `lang`)."""


# --- the default story --------------------------------------------------------------------------


def _query(**filters: object) -> dict[str, str]:
    """Filters as the canonical URL query of a step (defaults left out)."""
    return to_query(Filters().with_(**filters))


def workshop_rows(dataset: Dataset, territory_id: str | None) -> pd.DataFrame:
    """The published workshop results of a territory (perception rows of a workshop layer)."""
    perceptions = dataset.perceptions
    if territory_id is None or "origin" not in perceptions:
        return perceptions.iloc[0:0]
    origin = perceptions["origin"].astype(str)
    mask = origin.str.startswith(WORKSHOP_ORIGINS) & perceptions["territory_id"].eq(territory_id)
    return perceptions[mask]


def default_story(dataset: Dataset, territory_id: str | None, lang: str = "fr") -> Story:
    """National picture → map → most fragile domains → what worsens and what improves →
    perceived vs indices → alliances → the room's results (only when a workshop was published
    for the territory). For France: national picture, regions map (metropolitan, every
    domain), national perceptions and alliances."""
    if territory_id is None:
        steps = (
            Step("national", _query(indicator=HOME_INDICATOR), t("pres_caption_national", lang)),
            Step("map", _query(indicator=OVERALL), t("pres_caption_map_france", lang)),
            Step("perceptions", {}, t("pres_caption_perceptions", lang)),
            Step("alliances", {}, t("pres_caption_alliances", lang)),
        )
        return Story(t("pres_story_title", lang, name=t("pres_france", lang)), steps)
    if local_profile.has_local_profile(territory_id):
        return _local_story(dataset, territory_id, lang)
    profile.territory_level(territory_id)  # a region or a department
    name = vocabulary.territory_name(dataset, territory_id)
    here = {"territory": territory_id}  # compared in the area it resolves to (lib.filters)
    steps = [
        Step(
            "national",
            _query(territory=territory_id, indicator=HOME_INDICATOR),
            t("pres_caption_national", lang),
        ),
        Step(
            "map",
            _query(level="department", territory=territory_id, indicator=OVERALL),
            t("pres_caption_map", lang, name=name),
        ),
        Step("top_domains", _query(**here), t("pres_caption_top_domains", lang, name=name)),
        Step("trends", _query(**here), t("pres_caption_trends", lang)),
        Step("perceptions", _query(**here), t("pres_caption_perceptions", lang)),
        Step("alliances", _query(territory=territory_id), t("pres_caption_alliances", lang)),
    ]
    if len(workshop_rows(dataset, territory_id)):
        steps.append(Step("workshop", _query(**here), t("pres_caption_workshop", lang)))
    return Story(t("pres_story_title", lang, name=name), tuple(steps))


def _local_story(dataset: Dataset, territory_id: str, lang: str) -> Story:
    """An EPCI's or a commune's story: the national picture (its region shown), its most
    fragile domains among its peers, what worsens and improves, the alliances of its region,
    the room's results when a workshop on it was published. No map step (the slides draw
    regions and departments) and, for a commune, no trends (its files hold one period)."""
    name = vocabulary.territory_name(dataset, territory_id)
    commune = vocabulary.is_level(territory_id, "commune")
    here = _query(territory=territory_id)
    steps = [
        Step(
            "national",
            _query(territory=territory_id, indicator=HOME_INDICATOR),
            t("pres_caption_national", lang),
        ),
        Step("top_domains", here, t("pres_caption_top_domains", lang, name=name)),
        *([] if commune else [Step("trends", here, t("pres_caption_trends", lang))]),
        Step("alliances", here, t("pres_caption_alliances", lang)),
    ]
    if len(workshop_rows(dataset, territory_id)):
        steps.append(Step("workshop", here, t("pres_caption_workshop", lang)))
    return Story(t("pres_story_title", lang, name=name), tuple(steps))


def shown_steps(dataset: Dataset, story: Story) -> list[Step]:
    """The steps shown: a workshop step without published results is skipped."""
    return [
        step
        for step in story.steps
        if step.kind != "workshop" or len(workshop_rows(dataset, step.filters.get("territory")))
    ]


# --- the story file -----------------------------------------------------------------------------


def story_to_json(story: Story) -> str:
    """The story as a small, versioned, human-readable JSON file."""
    content = {
        "format": FORMAT,
        "version": VERSION,
        "title": story.title,
        "steps": [
            {"kind": step.kind, "filters": dict(step.filters), "caption": step.caption}
            for step in story.steps
        ],
    }
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def _shown(value: object) -> str:
    """A wrong value quoted in a message: short, letters, digits and `-_.` only."""
    text = str(value)[:SHOWN_CHARACTERS]
    return "".join(c if c.isalnum() or c in " -_." else "?" for c in text)


def story_from_json(data: bytes | str, allowed: Allowed) -> Story:
    """A story read from its file; StoryError (one keyed message) when the file is not
    a story (size, encoding, JSON, nesting depth, integer digits, format, version) or a step
    cannot be shown (kind, filters, territory, caption). Limits: lib.settings, STORY_*."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > STORY_BYTES:
        size = -(-len(raw) // 1024)
        raise StoryError("pres_error_too_big", size=size, limit=STORY_BYTES // 1024)
    try:
        content = bounded_json.loads(raw.decode("utf-8-sig"), STORY_DEPTH, STORY_INTEGER_DIGITS)
    except UnicodeDecodeError:
        raise StoryError("pres_error_encoding") from None
    except bounded_json.TooDeepError as error:
        raise StoryError("pres_error_depth", depth=error.depth, limit=STORY_DEPTH) from None
    except bounded_json.TooManyDigitsError:
        raise StoryError("pres_error_digits", limit=STORY_INTEGER_DIGITS) from None
    except json.JSONDecodeError as error:
        raise StoryError("pres_error_json", line=error.lineno) from None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise StoryError("pres_error_format", format=FORMAT)
    version = content.get("version")
    if type(version) is not int or version != VERSION:
        shown = _shown(json.dumps(version, ensure_ascii=False))
        raise StoryError("pres_error_version", version=shown, expected=VERSION)
    title = content.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > STORY_TITLE_CHARS:
        raise StoryError("pres_error_title", limit=STORY_TITLE_CHARS)
    steps = content.get("steps")
    if not isinstance(steps, list) or not steps:
        raise StoryError("pres_error_no_steps")
    if len(steps) > STORY_STEPS:
        raise StoryError("pres_error_too_many", n=len(steps), limit=STORY_STEPS)
    return Story(
        title.strip(),
        tuple(_read_step(n, step, allowed) for n, step in enumerate(steps, start=1)),
    )


def _read_step(n: int, raw: object, allowed: Allowed) -> Step:
    if not isinstance(raw, dict):
        raise StoryError("pres_error_step_object", n=n)
    for name in raw:
        if name not in STEP_FIELDS:
            raise StoryError("pres_error_step_field", n=n, name=_shown(name))
    kind = raw.get("kind")
    if kind not in KINDS:
        raise StoryError("pres_error_kind", n=n, kind=_shown(kind), kinds=", ".join(KINDS))
    filters = raw.get("filters", {})
    if not isinstance(filters, dict) or not all(isinstance(v, str) for v in filters.values()):
        raise StoryError("pres_error_filters", n=n)
    for name in filters:
        if name not in STEP_FILTERS:
            raise StoryError("pres_error_filter_name", n=n, name=_shown(name))
    parsed = parse_query(filters, allowed)
    for name, value in parsed.dropped:
        key = "pres_error_territory" if name == "territory" else "pres_error_value"
        raise StoryError(key, n=n, name=name, value=_shown(value))
    if parsed.filters.level == "commune":
        raise StoryError("pres_error_commune", n=n)
    if kind in NEEDS_TERRITORY and parsed.filters.territory is None:
        raise StoryError("pres_error_needs_territory", n=n)
    caption = raw.get("caption", "")
    if not isinstance(caption, str) or len(caption) > STORY_CAPTION_CHARS:
        raise StoryError("pres_error_caption", n=n, limit=STORY_CAPTION_CHARS)
    return Step(kind, to_query(parsed.filters), caption.strip())


def edited_story(story: Story, title: str, rows: Sequence[tuple[object, str, bool]]) -> Story:
    """The story as the editor changed it: `rows` align with its steps as (order, caption,
    keep); steps are sorted by order (a missing order keeps the step's place), unticked ones
    removed. StoryError (nothing changes) for an empty title or story, or a long caption."""
    title = title.strip()
    if not title or len(title) > STORY_TITLE_CHARS:
        raise StoryError("pres_error_title", limit=STORY_TITLE_CHARS)
    kept = []
    for i, (step, (order, caption, keep)) in enumerate(zip(story.steps, rows, strict=True)):
        caption = (caption or "").strip()
        if len(caption) > STORY_CAPTION_CHARS:
            raise StoryError("pres_error_caption", n=i + 1, limit=STORY_CAPTION_CHARS)
        if keep:
            place = i + 1 if order is None or pd.isna(order) else float(order)
            kept.append((place, i, replace(step, caption=caption)))
    if not kept:
        raise StoryError("pres_error_no_steps")
    return Story(title, tuple(step for _, _, step in sorted(kept, key=lambda k: k[:2])))


def step_filters(step: Step, allowed: Allowed, lang: str = "fr") -> Filters:
    """The filters a step is shown with, in the presenter's language."""
    return parse_query({**step.filters, "lang": lang}, allowed).filters
