"""The profile's « En bref » block, without Streamlit: the territory's most fragile domains (the
same top 3 as the slides and the perceived vs objective reading, ties included) with their index,
their rank among the territories compared (the profile's own rank texts) and the last changes of
their indicators, then the top priorities each actor perceives (its first group, as the page
shows lower down) with their source line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lib import perception, profile, trends
from lib.formatting import format_number, join_items
from lib.i18n import t
from lib.safe_text import literal_markdown

FRAGILITY_SIDES = ("worse", "better", "stable")  # the order the counts are read in


@dataclass(frozen=True)
class BriefDomain:
    """One of the most fragile domains."""

    domain_id: str
    label: str
    value: str  # the index at one decimal: "58,2"
    rank: str  # "3e sur 13 régions métropolitaines" (DomainProfile.frame's rank_text)
    trend: str  # its indicators' last changes in words, or "non disponible"


@dataclass(frozen=True)
class BriefPerception:
    """One actor's top perceived priorities (its first group of figures)."""

    actor: str
    scope: str  # "chiffres nationaux", "chiffres régionaux (Bretagne)"
    priorities: str  # "Emploi (7,1 /10), Niveau de vie (6,6 /10), Sécurité (6,6 /10)"
    caption: str  # study, measure, year, base and source (the page's block caption)


@dataclass(frozen=True)
class Brief:
    domains: tuple[BriefDomain, ...]  # most fragile first; empty without any domain index
    ties_note: str  # '' unless ties make the top 3 longer than 3
    perceptions: tuple[BriefPerception, ...]


def domain_trend(look: profile.Lookups, model: trends.TerritoryTrends, domain_id: str) -> str:
    """'Dernière évolution de ses indicateurs : 2 vers plus de fragilité, 1 stable' over the
    domain's indicators with a last change judged by their direction ('non disponible' when
    none has one)."""
    lang = look.lang
    counts = dict.fromkeys(FRAGILITY_SIDES, 0)
    for trend in model.trends:
        change = trend.change
        if change is None or look.meta[trend.indicator_id]["domain_id"] != domain_id:
            continue
        side = "stable" if change.direction == "stable" else change.fragility
        if side is not None:  # a change without orientation is not judged
            counts[side] += 1
    parts = [t(f"brief_trend_{side}", lang, n=n) for side, n in counts.items() if n]
    if not parts:
        return t("brief_trend_missing", lang)
    return t("brief_trend", lang, parts=join_items(parts, lang))


def top_perceived(block: profile.PerceptionBlock, lang: str) -> str:
    """The group's domains ranked in its top 3 (ties included), top priority first; separated
    'a ; b' since domain labels hold commas."""
    group, frame = block.group, block.frame
    ranks = perception.perceived_ranks(group.values(), group.measure).to_dict()
    return join_items(
        (
            f"{label} ({value})"
            for domain_id, label, value in zip(
                *(frame[c].tolist() for c in ("domain_id", "label", "value_text")), strict=True
            )
            if ranks.get(domain_id, perception.TOP + 1) <= perception.TOP  # missing: not ranked
        ),
        lang,
        long_items=True,
    )


def brief(
    look: profile.Lookups,
    domains: profile.DomainProfile,
    model: trends.TerritoryTrends,
    first_blocks: Sequence[tuple[str, profile.PerceptionBlock]],
) -> Brief:
    """The « En bref » of one profile: `first_blocks`, each actor's name and the block of its
    first group (the one the page and the reading open with)."""
    lang = look.lang
    top = profile.top_domain_frame(domains)
    shown = tuple(
        BriefDomain(
            domain_id=row.domain_id,
            label=row.label,
            value=format_number(row.index, 1, lang),
            rank=row.rank_text,
            trend=domain_trend(look, model, row.domain_id),
        )
        for row in top.itertuples()
    )
    ties = t("brief_ties", lang, n=len(shown)) if len(shown) > perception.TOP else ""
    return Brief(
        domains=shown,
        ties_note=ties,
        perceptions=tuple(
            BriefPerception(actor, block.scope, top_perceived(block, lang), block.caption)
            for actor, block in first_blocks
        ),
    )


def _literal_line(key: str, lang: str, **values: str) -> str:
    """The label `key` (its own markdown kept) with `values` shown as written."""
    return t(key, lang, **{name: literal_markdown(value) for name, value in values.items()})


def domain_line(domain: BriefDomain, lang: str) -> str:
    """A most fragile domain in markdown: its label, index and rank, then its last changes."""
    line = _literal_line(
        "brief_domain_line", lang, label=domain.label, value=domain.value, rank=domain.rank
    )
    return f"{line}  \n{literal_markdown(domain.trend)}"


def perceived_line(perceived: BriefPerception, lang: str) -> str:
    """An actor's top perceived priorities in markdown."""
    return _literal_line(
        "brief_perceived_line",
        lang,
        actor=perceived.actor,
        scope=perceived.scope,
        priorities=perceived.priorities,
    )


def domains_note(shown: Brief, lang: str) -> str:
    """The note under the most fragile domains, with the ties' note when there are ties."""
    return " ".join(filter(None, (t("brief_domains_note", lang), shown.ties_note)))
