"""The priorities perceived by actors: the Observatoire's figures one actor at a time, then
those published outside the Observatoire."""

import pyarrow as pa
import streamlit as st

from lib import profile, vocabulary
from lib.i18n import t
from lib.profile import page as profile_page
from lib.safe_text import literal_markdown


def show_perceptions(page: profile_page.ProfilePage) -> None:
    """One actor's groups of perceived figures, the actor picked."""
    lang = page.look.lang
    st.header(t("profile_perceptions_title", lang))
    st.caption(t("profile_perceptions_intro", lang))
    actors = {actor.actor_id: actor for actor in page.perceptions}
    if not actors:
        return
    chosen = st.segmented_control(  # one actor at a time: a short page, quick to draw
        t("profile_perceptions_actor", lang),
        list(actors),
        default=next(iter(actors)),
        required=True,
        format_func=lambda actor_id: literal_markdown(actors[actor_id].name),
        key=f"profil_perceptions_{page.territory_id}_{'-'.join(actors)}",
    )
    actor = actors[chosen]
    if not actor.blocks:
        st.caption(t("profile_no_perception", lang))
    for i, (block, table) in enumerate(actor.blocks):
        show_block(block, table, f"{actor.actor_id}_{i}", lang)


def show_block(block: profile.PerceptionBlock, table: pa.Table, key: str, lang: str) -> None:
    """One group's figures (bars on its scale) beside its question, scope and source."""
    measure = block.group.measure
    bar = st.column_config.ProgressColumn(
        min_value=0, max_value=profile.SCALE.get(measure), format="localized"
    )
    config = {profile.measure_label(measure, lang): bar} if measure in profile.SCALE else None
    figures, about = st.columns([3, 2])
    figures.dataframe(table, column_config=config, key=f"profil_block_{key}")
    about.markdown(profile_page.block_heading(block))
    about.caption(literal_markdown(block.caption))


def show_published(page: profile_page.ProfilePage) -> None:
    """Perceived figures published outside the Observatoire, one survey and place at a time
    (the territory's and its region's open, the national ones closed)."""
    lang = page.look.lang
    st.subheader(t("published_title", lang))
    st.caption(t("published_intro", lang))
    if not page.published:
        st.info(t("published_none", lang))
    for i, block in enumerate(page.published):
        national = block.place_id == vocabulary.NATIONAL
        label = literal_markdown(block.label)
        with st.expander(label, expanded=not national, key=f"profil_published_{i}"):
            st.table(block.table, hide_index=True)  # its text made literal by lib.perceived_more
