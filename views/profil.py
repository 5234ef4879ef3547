"""Territory profile: « En bref » (most fragile domains, perceived priorities, the downloads),
what worsens and improves, key figures with their last change, domain
indices against the benchmark, trends over time, perceived priorities by actor and those
published outside the Observatoire, perceived vs objective priorities, known alliance practices;
prints on at most 3 A4 pages (not the trends)."""

from functools import partial

import pyarrow as pa
import streamlit as st

from lib import cached, perception, profile, trends, vocabulary
from lib.export import csv_built_now, fact_sheet_pdf, local_fact_sheet_pdf
from lib.i18n import t
from lib.presentation import presenting
from lib.profile import local as local_profile
from lib.profile import page as profile_page
from lib.safe_text import literal_markdown, literal_table
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
TREND_COLUMNS = 2  # small trend charts side by side (stacked on a narrow screen)

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
st.html(PRINT_CSS)


def sources_caption(look: profile.Lookups, source_ids: list[str]) -> None:
    sources = " ; ".join(look.sources[s] for s in source_ids) or t("not_available", lang)
    st.caption(literal_markdown(t("profile_sources", lang, sources=sources)))


def show_invitation() -> None:
    st.title(t("page_profile", lang))
    st.info(t("profile_invite", lang))
    st.subheader(t("profile_pick_region", lang))
    columns = st.columns(3)
    regions = profile.region_choices(cached.profile_lookups(dataset, lang))
    for i, (region_id, name) in enumerate(regions):
        columns[i % 3].button(
            literal_markdown(name),
            key=f"profil_region_{region_id}",
            on_click=update_filters,
            kwargs={"territory": region_id},
            width="stretch",
        )


def show_key_figures(page: profile_page.ProfilePage) -> None:
    figures = page.figures
    st.header(t("profile_key_figures", lang))
    st.metric(t("profile_population", lang), literal_markdown(figures.population))
    st.caption(literal_markdown(figures.population_note))
    st.table(page.figures_table, hide_index=True)
    st.caption(t("profile_key_figures_note", lang))
    sources_caption(page.look, figures.source_ids)


def show_summary(page: profile_page.ProfilePage) -> None:
    """What worsens and what improves: the indicators' last changes, most marked first."""
    model = page.trends
    worse, better = st.columns(2)
    for column, side, items in ((worse, "worse", model.worse), (better, "better", model.better)):
        column.subheader(t(f"trend_summary_{side}", lang))
        if items:
            column.markdown("\n".join(f"- {literal_markdown(text)}" for _, text in items))
        else:
            column.caption(t(f"trend_summary_none_{side}", lang))
    st.caption(t("trend_summary_note", lang, n=trends.SUMMARY_SIZE))


def literal_line(key: str, **values: str) -> str:
    """The label `key` (its own markdown kept) with `values` shown as written."""
    return t(key, lang, **{name: literal_markdown(value) for name, value in values.items()})


def show_brief(page: profile_page.ProfilePage) -> None:
    """« En bref »: the download buttons, the most fragile domains, what the actors perceive."""
    brief = page.brief
    st.header(t("brief_title", lang))
    with st.container(horizontal=True):  # each button as wide as its label
        pdf_button(page, "profil_brief_pdf")
        csv_button(page, CSV_DOWNLOADS[0], st.session_state.get("profil_separator", ";"), "_brief")
    st.subheader(t("brief_domains_title", lang))
    if not brief.domains:
        st.info(t("profile_no_index", lang))
    for domain in brief.domains:
        line = literal_line(
            "brief_domain_line", label=domain.label, value=domain.value, rank=domain.rank
        )
        st.markdown(f"{line}  \n{literal_markdown(domain.trend)}")
    st.caption(" ".join(filter(None, (t("brief_domains_note", lang), brief.ties_note))))
    st.subheader(t("brief_perceived_title", lang))
    if not brief.perceptions:
        st.info(t("brief_no_perception", lang))
    for perceived in brief.perceptions:
        line = literal_line(
            "brief_perceived_line",
            actor=perceived.actor,
            scope=perceived.scope,
            priorities=perceived.priorities,
        )
        st.markdown(line)
        st.caption(literal_markdown(perceived.caption))
    if brief.perceptions:
        st.caption(t("brief_perceived_note", lang))


def show_trends(page: profile_page.ProfilePage) -> None:
    """One small chart per indicator with two periods or more, its last change under it: made
    only when the reader opens them."""
    st.header(t("trend_title", lang))
    st.caption(t("trend_intro", lang))
    charted = page.trends.charted
    if not charted:
        st.info(t("trend_none", lang))
        return
    shown = st.expander(
        t("trend_charts_open", lang, n=len(charted)), key="profil_trend_charts", on_change="rerun"
    )
    if shown.open:
        with shown:
            charts = cached.profile_trend_charts(dataset, page.territory_id, lang, page)
            draw_trends(charts, page.look.name(page.territory_id))


def draw_trends(
    charts: list[tuple[trends.Trend, object]], name: str, none_key: str = "trend_none"
) -> None:
    """One small chart per indicator with two periods or more, its last change under it (the
    `none_key` sentence when there is none)."""
    if not charts:
        st.info(t(none_key, lang))
        return
    columns = st.columns(TREND_COLUMNS)
    for i, (trend, figure) in enumerate(charts):
        column = columns[i % TREND_COLUMNS]
        column.markdown(f"##### {literal_markdown(trend.label)}")  # its unit: the chart's title
        column.plotly_chart(
            figure,
            width="stretch",
            config={"displayModeBar": False},
            key=f"profil_trend_{trend.indicator_id}",
            alt=t("trend_chart_alt", lang, label=trend.label, territory=name),
        )
        words = [
            trend.sentence + ".",
            trend.since_first,
            t("trend_sources", lang, sources=trend.sources),
        ]
        column.caption(literal_markdown(" ".join(w for w in words if w)))


def show_domains(page: profile_page.ProfilePage) -> None:
    domains = page.domains
    st.header(t("profile_domains_title", lang))
    if not domains.n_with_index:
        st.info(t("profile_no_index", lang))
    else:
        st.markdown(literal_markdown(profile.overall_text(domains, lang)))
    with st.container(width=PRINTED_CHART_WIDTH):
        st.plotly_chart(
            page.bars, width="stretch", config={"displaylogo": False}, key="profil_bars"
        )
    with st.container(key="profil_screen_radar"):
        st.subheader(t("profile_radar_title", lang))
        if page.radar is not None:
            st.plotly_chart(
                page.radar, width="stretch", config={"displaylogo": False}, key="profil_radar"
            )
        else:
            st.caption(t("profile_radar_too_few", lang, n=domains.n_with_index))
    st.caption(literal_markdown(" ".join(domains.notes)))
    sources_caption(page.look, domains.source_ids)
    other = page.other_area
    if other is not None:
        with st.container(key="profil_screen_other_area"):
            st.info(
                t(
                    f"profile_{other.label_key}_hint",
                    lang,
                    n=domains.n_with_index,
                    m=other.n_domains,
                    total=len(domains.frame),
                    members=other.members,
                )
            )
            st.button(
                t(f"profile_{other.label_key}_button", lang),
                on_click=update_filters,
                kwargs={"area": other.area},
                key="profil_other_area",
                icon=f":material/{'zoom_out_map' if other.area == 'all' else 'zoom_in_map'}:",
            )


def show_perceptions(page: profile_page.ProfilePage) -> None:
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
        show_block(block, table, f"{actor.actor_id}_{i}")


def show_block(block: profile.PerceptionBlock, table: pa.Table, key: str) -> None:
    measure = block.group.measure
    bar = st.column_config.ProgressColumn(
        min_value=0, max_value=profile.SCALE.get(measure), format="localized"
    )
    config = {profile.measure_label(measure, lang): bar} if measure in profile.SCALE else None
    figures, about = st.columns([3, 2])
    figures.dataframe(table, column_config=config, key=f"profil_block_{key}")
    about.markdown(
        f"**{literal_markdown(block.group.question)}** — {literal_markdown(block.scope)}"
    )
    about.caption(literal_markdown(block.caption))


def show_published(page: profile_page.ProfilePage) -> None:
    """Perceived figures published outside the Observatoire, one survey and place at a time
    (the territory's and its region's open, the national ones closed)."""
    st.subheader(t("published_title", lang))
    st.caption(t("published_intro", lang))
    if not page.published:
        st.info(t("published_none", lang))
    for block in page.published:
        national = block.place_id == vocabulary.NATIONAL
        with st.expander(literal_markdown(block.label), expanded=not national):
            st.table(block.table, hide_index=True)  # its text made literal by lib.perceived_more


def show_reading(page: profile_page.ProfilePage) -> None:
    st.header(t("profile_reading_title", lang))
    actors = profile_page.reading_actors(page)
    if not actors:
        st.info(t("profile_no_groups", lang))
        return
    territory_id, look = page.territory_id, page.look
    left, right = st.columns([1, 3])
    actor_id = left.selectbox(
        t("profile_reading_actor", lang),
        actors,
        format_func=look.actors.get,
        key=f"profil_reading_actor_{territory_id}",
    )
    groups = page.groups[actor_id]
    labels = [profile.group_label(look, g) for g in groups]
    chosen = right.selectbox(
        t("profile_reading_group", lang),
        range(len(labels)),
        index=perception.default_group(groups),
        format_func=labels.__getitem__,
        key=f"profil_reading_group_{territory_id}_{actor_id}",
    )
    result = cached.profile_reading(
        dataset, territory_id, filters.area, filters.method, filters.actors, lang, actor_id, chosen
    )
    reading_for = t("profile_reading_for", lang, actor=look.actors[actor_id], group=labels[chosen])
    st.caption(literal_markdown(reading_for))
    st.table(result.table, hide_index=True)  # its text made literal by lib.profile.page
    st.caption(literal_markdown(result.notes))
    st.caption(literal_markdown(result.caption))


def show_alliances(page: profile_page.ProfilePage) -> None:
    st.header(t("profile_alliances_title", lang))
    st.caption(t("profile_alliances_intro", lang))
    if page.alliances.num_rows == 0:
        st.info(t("profile_no_alliances", lang))
    else:  # a long table: closed at first
        with st.expander(t("profile_alliances_open", lang, n=page.alliances.num_rows)):
            st.table(page.alliances, hide_index=True)


def show_white_spots(page: profile_page.ProfilePage) -> None:
    st.header(t("ini_white_spots_title", lang))
    st.table(page.white_spots, hide_index=True)  # long findings wrap, never cut
    st.caption(t("ini_white_spots_note", lang))


# Each CSV download: label key, help key, the page's table builder, file name and widget key.
CSV_DOWNLOADS = (  # the profile's figures; every period of its indicators (long format)
    ("profile_download", None, "download", "profil", "profil_download"),
    (
        "trend_download",
        "trend_download_help",
        "download_series",
        "series",
        "profil_download_series",
    ),
)


def csv_button(page: profile_page.ProfilePage, spec: tuple, separator: str, suffix: str) -> None:
    """One CSV download of the profile, made on click (`suffix` keeps a second button's key
    unique)."""
    label, help_key, build, name, key = spec
    st.download_button(
        t(label, lang),
        partial(csv_built_now, getattr(page, build), separator),  # made on click
        file_name=f"{name}_{page.territory_id}.csv",
        mime="text/csv",
        on_click="ignore",
        help=t(help_key, lang) if help_key else None,
        key=key + suffix,
    )


def pdf_button(page: profile_page.ProfilePage, key: str) -> None:
    """The PDF fact sheet, made on click."""
    fact_sheet = partial(
        fact_sheet_pdf,
        dataset,
        page.territory_id,
        area=filters.area,
        method=filters.method,
        lang=lang,
        actors=filters.actors,
    )
    st.download_button(
        t("exp_download_pdf", lang),
        fact_sheet,
        file_name=f"fiche_{page.territory_id}.pdf",
        mime="application/pdf",
        on_click="ignore",
        help=t("exp_download_pdf_help", lang),
        icon=":material/picture_as_pdf:",
        key=key,
    )


def show_download(page: profile_page.ProfilePage) -> None:
    separator = st.radio(
        t("profile_separator", lang),
        [";", ","],
        format_func=lambda s: t(
            "profile_separator_semicolon" if s == ";" else "profile_separator_comma", lang
        ),
        horizontal=True,
        key="profil_separator",
    )
    for spec in CSV_DOWNLOADS:
        csv_button(page, spec, separator, "")
    pdf_button(page, "profil_download_pdf")


def show_profile(territory_id: str) -> None:
    page = cached.profile_page(
        dataset, territory_id, filters.area, filters.method, filters.actors, lang
    )
    st.title(literal_markdown(page.title))
    with st.container(key="profil_screen_hint"):
        st.caption(t("profile_print_hint", lang))
        presenting.open_button(lang, key="profil_presentation")
    with st.container(key="profil_screen_brief"):
        show_brief(page)
    show_summary(page)
    show_key_figures(page)
    show_domains(page)
    with st.container(key="profil_screen_trends"):
        show_trends(page)
    with st.container(key="profil_screen_perceptions"):
        show_perceptions(page)
        show_published(page)
    show_reading(page)
    with st.container(key="profil_screen_alliances"):
        show_alliances(page)
        show_white_spots(page)
        show_download(page)


def show_local_profile(territory_id: str) -> None:
    """An EPCI's or a commune's profile: key figures, domain indices among its peers, nesting."""
    page = cached.local_profile_page(dataset, territory_id, filters.method, lang)
    st.title(literal_markdown(page.title))
    st.download_button(
        t("exp_local_download_pdf", lang),
        partial(
            local_fact_sheet_pdf,
            cached.local_dataset(dataset, territory_id),
            page,
            method=filters.method,
            lang=lang,
        ),
        file_name=f"fiche_{territory_id}.pdf",
        mime="application/pdf",
        on_click="ignore",
        help=t("exp_local_download_pdf_help", lang),
        icon=":material/picture_as_pdf:",
        key="profil_local_pdf",
    )
    name = vocabulary.territory_name(dataset, territory_id, lang)
    if vocabulary.is_level(territory_id, "epci") and st.button(
        literal_markdown(t("show_communes", lang, name=name)), key="profil_epci_communes"
    ):
        update_filters(level="commune", territory=territory_id)
        st.switch_page("views/carte.py")
    st.header(t("profile_key_figures", lang))
    st.metric(t("profile_population", lang), literal_markdown(page.population))
    st.caption(literal_markdown(page.population_note))
    st.table(literal_table(page.figures), hide_index=True)
    st.header(t("profile_domains_title", lang))
    if page.n_domains:
        st.table(literal_table(page.domains), hide_index=True)
    else:
        st.info(t("local_no_index", lang))
    note = t("local_domains_note", lang, members=page.compared, indicators=page.indicators_used)
    st.caption(literal_markdown(f"{note} {t('method_' + filters.method, lang)}"))
    st.header(t("local_nesting_title", lang))
    st.table(literal_table(page.nesting), hide_index=True)
    st.caption(t("local_nesting_note", lang))
    st.header(t("trend_title", lang))
    st.caption(t("trend_intro_local", lang))
    draw_trends(
        cached.local_trends(dataset, territory_id, lang),
        vocabulary.territory_name(dataset, territory_id),
        f"trend_none_{vocabulary.level_of(territory_id)}",
    )
    st.header(t("local_initiatives_title", lang))
    if page.initiatives.empty:
        st.info(t("local_initiatives_none", lang))
    else:
        st.table(literal_table(page.initiatives), hide_index=True)
    st.caption(t("local_initiatives_note", lang))
    st.header(t("ini_white_spots_title", lang))
    st.table(literal_table(page.white_spots), hide_index=True)
    st.caption(literal_markdown(t("local_white_spots_note", lang, members=page.compared)))
    sources_caption(cached.profile_lookups(dataset, lang), page.source_ids)


if local_profile.has_local_profile(filters.territory):
    show_local_profile(filters.territory)
elif filters.territory:
    show_profile(filters.territory)
else:
    show_invitation()
