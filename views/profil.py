"""Territory profile: key figures, domain indices against the benchmark, perceived priorities by
actor, perceived vs objective priorities, known alliance practices; prints on 2 A4 pages."""

import streamlit as st

from lib import cached, initiatives, perception, profile
from lib.charts import profil as charts
from lib.export import safe_csv
from lib.i18n import t
from lib.session import current_dataset, current_filters, update_filters

# Fixed print style (no user data): the browser's print gives the title, key figures, domain
# indices and the perceived vs objective reading; widgets and screen-only blocks are hidden.
PRINT_CSS = """<style>
@page { size: A4 portrait; margin: 10mm; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stAppHeader"],
  [data-testid="stToolbar"], [data-testid="stStatusWidget"], [data-testid="stBottom"],
  [data-testid="stExpandSidebarButton"], [data-testid="stElementToolbar"],
  .stButton, .stDownloadButton, .stSelectbox, .stRadio, .modebar-container,
  [class*="st-key-profil_screen"] { display: none !important; }
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    height: auto !important; min-height: 0 !important; overflow: visible !important;
    position: static !important; }
  [data-testid="stMainBlockContainer"] {
    padding: 0 !important; max-width: none !important; zoom: 0.72; }
  h1 { font-size: 1.8rem !important; padding: 0 0 0.3rem 0 !important; }
  h2 { font-size: 1.3rem !important; padding: 0.4rem 0 0.2rem 0 !important; }
  [data-testid="stTable"] th, [data-testid="stTable"] td {
    font-size: 12px !important; padding: 1px 6px !important; line-height: 1.25 !important; }
  .stPlotlyChart { break-inside: avoid; }
  [data-testid="stCaptionContainer"] { font-size: 11px !important; }
}
</style>"""

# Plotly draws at the screen's width and does not redraw for printing: a printed chart must
# already fit the A4 width once zoomed (880 px × 0.72 < 718 px, the page between its margins).
PRINTED_CHART_WIDTH = 880

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
look = profile.lookups(dataset, lang)
st.html(PRINT_CSS)


def sources_caption(source_ids: list[str]) -> None:
    sources = " ; ".join(look.sources[s] for s in source_ids) or t("not_available", lang)
    st.caption(t("profile_sources", lang, sources=sources))


def show_invitation() -> None:
    st.title(t("page_profile", lang))
    st.info(t("profile_invite", lang))
    st.subheader(t("profile_pick_region", lang))
    columns = st.columns(3)
    for i, (region_id, name) in enumerate(profile.region_choices(look)):
        columns[i % 3].button(
            name,
            key=f"profil_region_{region_id}",
            on_click=update_filters,
            kwargs={"territory": region_id},
            width="stretch",
        )


def show_key_figures(territory_id: str) -> profile.KeyFigures:
    figures = profile.key_figures(look, territory_id)
    st.header(t("profile_key_figures", lang))
    st.metric(t("profile_population", lang), figures.population)
    st.caption(figures.population_note)
    st.table(figures.table, hide_index=True)
    st.caption(t("profile_key_figures_note", lang))
    sources_caption(figures.source_ids)
    return figures


def show_domains(territory_id: str) -> profile.DomainProfile:
    scope = profile.comparison_scope(look, territory_id, filters.area)
    table = cached.index_table(dataset, tuple(scope.territory_ids), filters.method)
    domains = profile.domain_profile(look, territory_id, filters.area, filters.method, table)
    frame, level = domains.frame, domains.scope.level
    st.header(t("profile_domains_title", lang))
    if not domains.n_with_index:
        st.info(t("profile_no_index", lang))
    figure = charts.domain_bars(frame, domains.method, level, lang)
    with st.container(width=PRINTED_CHART_WIDTH):
        st.plotly_chart(figure, width="stretch", config={"displaylogo": False}, key="profil_bars")
    with st.container(key="profil_screen_radar"):
        st.subheader(t("profile_radar_title", lang))
        if domains.n_with_index >= perception.TOP:
            figure = charts.domain_radar(frame, domains.method, level, lang)
            st.plotly_chart(
                figure, width="stretch", config={"displaylogo": False}, key="profil_radar"
            )
        else:
            st.caption(t("profile_radar_too_few", lang, n=domains.n_with_index))
    st.caption(" ".join(domains.notes))
    sources_caption(domains.source_ids)
    return domains


def show_perceptions(groups: dict[str, list[perception.Group]]) -> None:
    st.header(t("profile_perceptions_title", lang))
    st.caption(t("profile_perceptions_intro", lang))
    for actor_id, actor_groups in groups.items():
        st.subheader(look.actors[actor_id])
        if not actor_groups:
            st.caption(t("profile_no_perception", lang))
        for i, group in enumerate(actor_groups):
            show_block(profile.perception_block(look, group), f"{actor_id}_{i}")


def show_block(block: profile.PerceptionBlock, key: str) -> None:
    measure = block.group.measure
    bar = st.column_config.ProgressColumn(
        min_value=0, max_value=profile.SCALE.get(measure), format="localized"
    )
    config = {profile.measure_label(measure, lang): bar} if measure in profile.SCALE else None
    figures, about = st.columns([3, 2])
    figures.dataframe(
        profile.block_table(block, lang),
        hide_index=True,
        column_config=config,
        key=f"profil_block_{key}",
    )
    about.markdown(f"**{block.group.question}** — {block.scope}")
    about.caption(block.caption)


def show_reading(domains: profile.DomainProfile, groups: dict[str, list[perception.Group]]) -> None:
    st.header(t("profile_reading_title", lang))
    actors = [a for a, actor_groups in groups.items() if actor_groups]
    if not actors:
        st.info(t("profile_no_groups", lang))
        return
    territory_id = filters.territory
    left, right = st.columns([1, 3])
    actor_id = left.selectbox(
        t("profile_reading_actor", lang),
        actors,
        format_func=look.actors.get,
        key=f"profil_reading_actor_{territory_id}",
    )
    labels = [profile.group_label(look, g) for g in groups[actor_id]]
    chosen = right.selectbox(
        t("profile_reading_group", lang),
        range(len(labels)),
        index=perception.default_group(groups[actor_id]),
        format_func=labels.__getitem__,
        key=f"profil_reading_group_{territory_id}_{actor_id}",
    )
    group = groups[actor_id][chosen]
    result = profile.reading(look, domains, group)
    st.caption(t("profile_reading_for", lang, actor=look.actors[actor_id], group=labels[chosen]))
    st.table(result.table, hide_index=True)
    st.caption(" ".join(result.notes))
    st.caption(profile.perception_block(look, group).caption)


def show_alliances(territory_id: str) -> None:
    st.header(t("profile_alliances_title", lang))
    st.caption(t("profile_alliances_intro", lang))
    table = profile.alliance_table(look, territory_id, filters.actors)
    if table.empty:
        st.info(t("profile_no_alliances", lang))
    else:
        st.table(table, hide_index=True)


def show_white_spots(territory_id: str) -> None:
    st.header(t("ini_white_spots_title", lang))
    spots = cached.white_spots(dataset, territory_id, filters.area, filters.method)
    st.dataframe(initiatives.white_spots_table(dataset, spots, lang), hide_index=True)
    st.caption(t("ini_white_spots_note", lang))


def show_download(
    territory_id: str, figures: profile.KeyFigures, domains: profile.DomainProfile
) -> None:
    separator = st.radio(
        t("profile_separator", lang),
        [";", ","],
        format_func=lambda s: t(
            "profile_separator_semicolon" if s == ";" else "profile_separator_comma", lang
        ),
        horizontal=True,
        key="profil_separator",
    )
    st.download_button(
        t("profile_download", lang),
        safe_csv(profile.download_table(look, figures, domains), separator=separator),
        file_name=f"profil_{territory_id}.csv",
        mime="text/csv",
        on_click="ignore",
        key="profil_download",
    )


def show_profile(territory_id: str) -> None:
    st.title(profile.profile_title(look, territory_id))
    with st.container(key="profil_screen_hint"):
        st.caption(t("profile_print_hint", lang))
    figures = show_key_figures(territory_id)
    domains = show_domains(territory_id)
    actors = profile.actors_shown(look, territory_id, filters.actors)
    groups = profile.groups_by_actor(look, territory_id, actors)
    with st.container(key="profil_screen_perceptions"):
        show_perceptions(groups)
    show_reading(domains, groups)
    with st.container(key="profil_screen_alliances"):
        show_alliances(territory_id)
        show_white_spots(territory_id)
        show_download(territory_id, figures, domains)


if filters.territory:
    show_profile(filters.territory)
else:
    show_invitation()
