"""A workshop's results as labelled, anonymised tables: shown on the organiser page and exported.

No participant token and no submission time ever enters these tables; comments are kept as
plain text (the page and the exports escape them). Results by actor profile merge the small
profiles into "Autres profils" (`lib.workshop.privacy`; `min_group_note` says so). On screen,
figures are text ("42 %", missing: "non disponible"); with `numbers=True` (the exports), counts,
shares (in %) and ranks are numbers, missing ones NaN.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib import perception, profile
from lib.formatting import format_number, ordinal
from lib.i18n import t
from lib.settings import MIN_PARTICIPANTS
from lib.workshop import results
from lib.workshop.layer import QUESTION
from lib.workshop.privacy import OTHER


def _share(value: float, lang: str) -> str:
    """'42 %', '41,7 %': as the profile and the reading show a share."""
    return profile.perception_value_text(value, results.MEASURE, lang)


def _shares(values: pd.Series, lang: str, numbers: bool) -> list:
    """Shares in % as read ('42 %'), or as numbers rounded as read (NaN when missing)."""
    return [round(v, 1) if numbers else _share(v, lang) for v in values]


def profile_label(look: profile.Lookups, actor_id: str) -> str:
    """An actor profile's name; "Autres profils" for the merged small profiles."""
    if actor_id == OTHER:
        return t("ws_other_profiles", look.lang)
    return look.actors.get(actor_id, actor_id)


def _profile_order(look: profile.Lookups) -> dict[str, int]:
    """Actor profiles in the vocabulary's order, "Autres profils" last."""
    return {actor: i for i, actor in enumerate([*look.actors, OTHER])}


def min_group_note(lang: str = "fr") -> str:
    """The note under every result by actor profile: small profiles are merged."""
    return t("ws_min_group_note", lang, minimum=MIN_PARTICIPANTS)


def domain_table(look: profile.Lookups, votes: pd.DataFrame, numbers: bool = False) -> pd.DataFrame:
    """Votes per domain, room priority first (vocabulary order among ties)."""
    lang, missing = look.lang, t("not_available", look.lang)
    table = results.domain_votes(votes, list(look.domains))
    table = table.sort_values("priority_rank", kind="stable", na_position="last")
    if numbers:
        mean_rank = [round(v, 1) for v in table["mean_rank"]]
        priority = pd.array(table["priority_rank"], dtype="Int64")
    else:
        mean_rank = [format_number(v, 1, lang) for v in table["mean_rank"]]
        priority = [
            missing if pd.isna(r) else ordinal(int(r), lang) for r in table["priority_rank"]
        ]
    share_column = "ws_col_share_pct" if numbers else "ws_col_share"
    priority_column = "ws_col_priority_rank" if numbers else "ws_col_priority"
    return pd.DataFrame(
        {
            t("profile_domain", lang): [look.domains[d] for d in table["domain_id"]],
            t("ws_col_picked", lang): table["n_picked"].to_list(),
            t(share_column, lang): _shares(table["share"], lang, numbers),
            t("ws_col_mean_rank", lang): mean_rank,
            t(priority_column, lang): priority,
        }
    )


def actor_table(look: profile.Lookups, votes: pd.DataFrame, numbers: bool = False) -> pd.DataFrame:
    """Share of each actor profile's participants who picked each domain (columns: one per
    profile shown, "<profile> (n=…)", then "Autres profils (n=…)" when small profiles were
    merged), domains in the room's priority order."""
    lang = look.lang
    order = results.domain_votes(votes, list(look.domains))
    order = order.sort_values("priority_rank", kind="stable", na_position="last")["domain_id"]
    shares = results.shares_by_actor(results.grouped_votes(votes), list(look.domains))
    columns = {t("profile_domain", lang): [look.domains[d] for d in order]}
    present = set(shares["actor_id"])
    for actor_id in (a for a in _profile_order(look) if a in present):
        rows = shares[shares["actor_id"] == actor_id].set_index("domain_id")
        name = t(
            "ws_actor_n_pct" if numbers else "ws_actor_n",
            lang,
            actor=profile_label(look, actor_id),
            n=rows["n_participants"].iat[0],
        )
        columns[name] = _shares(rows.loc[list(order), "share"], lang, numbers)
    return pd.DataFrame(columns)


@dataclass(frozen=True)
class RoomReading:
    """The room's priorities vs the territory's domain indices, with national perceptions."""

    table: pd.DataFrame  # profile.reading's columns, then one column per actor's national figures
    notes: list[str]  # method notes, then one caption per national column


def room_reading(
    look: profile.Lookups,
    votes: pd.DataFrame,
    domains: profile.DomainProfile,
    territory_id: str,
    actor_ids: list[str],
    numbers: bool = False,
) -> RoomReading:
    """The profile's perceived-vs-objective reading with the room as the perceived side, beside
    the national figures (territory FR) of each of `actor_ids` that has some (with `numbers`,
    the room's share is a number; the national figures, of varied measures, stay text)."""
    lang = look.lang
    domain_ids = list(look.domains)
    group = results.room_group(votes, domain_ids, territory_id, t("ws_room", lang), QUESTION)
    reading = profile.reading(look, domains, group)
    room_share = t("ws_col_room_share_pct" if numbers else "ws_col_room_share", lang)
    table = reading.table.rename(
        columns={
            t("profile_perceived", lang): room_share,
            t("profile_perceived_rank", lang): t("ws_col_room_rank", lang),
        }
    )
    if numbers:  # the reading's rows follow the vocabulary, as domain_votes' do
        table[room_share] = _shares(results.domain_votes(votes, domain_ids)["share"], lang, True)
    notes = [*reading.notes, t("ws_reading_rule", lang)]
    national = results.national_groups(look.dataset.perceptions, actor_ids)
    for actor_id, national_group in national.items():
        column = t("ws_col_national", lang, actor=look.actors[actor_id])
        table[column] = _national_texts(look, national_group)
        block = profile.perception_block(look, national_group)
        about = f"{national_group.question} — {block.caption}"
        notes.append(t("label_value", lang, label=column, value=about))
    return RoomReading(table, notes)


def _national_texts(look: profile.Lookups, group: perception.Group) -> list[str]:
    values = group.values()
    return [
        profile.perception_value_text(values.get(d, float("nan")), group.measure, look.lang)
        for d in look.domains
    ]


def comments_table(look: profile.Lookups, votes: pd.DataFrame) -> pd.DataFrame:
    """Non-empty comments with the participant's actor profile only ("Autres profils" for a
    merged small profile; profile order, then text), so a comment cannot be tied to a vote's
    choices or time."""
    lang = look.lang
    per_vote = results.grouped_votes(votes).drop_duplicates("vote_no")
    per_vote = per_vote[per_vote["comment"].fillna("").str.strip() != ""]
    order = _profile_order(look)
    rows = sorted(
        zip(per_vote["actor_id"], per_vote["comment"], strict=True),
        key=lambda pair: (order.get(pair[0], len(order)), pair[1]),
    )
    return pd.DataFrame(
        {
            t("profile_actor", lang): [profile_label(look, a) for a, _ in rows],
            t("ws_col_comment", lang): [c for _, c in rows],
        }
    )


def anonymised_votes(look: profile.Lookups, votes: pd.DataFrame) -> pd.DataFrame:
    """One row per participant's choice: participant number (1…n in order of first vote),
    actor profile ("Autres profils" for a merged small profile), rank of the choice, domain.
    No token, no time, no comment."""
    lang = look.lang
    numbers = {v: i + 1 for i, v in enumerate(sorted(votes["vote_no"].unique()))}
    rows = results.grouped_votes(votes).sort_values(["vote_no", "rank"])
    return pd.DataFrame(
        {
            t("ws_col_participant", lang): [numbers[v] for v in rows["vote_no"]],
            t("profile_actor", lang): [profile_label(look, a) for a in rows["actor_id"]],
            t("ws_col_choice", lang): rows["rank"].astype(int).to_list(),
            t("profile_domain", lang): [look.domains.get(d, d) for d in rows["domain_id"]],
        }
    )
