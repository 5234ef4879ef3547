"""Territory profile: « En bref » (most fragile domains, perceived priorities, the downloads),
what worsens and improves, key figures with their last change, domain
indices against the benchmark, trends over time, perceived priorities by actor and those
published outside the Observatoire, perceived vs objective priorities, known alliance practices;
prints on at most 3 A4 pages (not the trends)."""

import streamlit as st

from lib import cached, profile
from lib.i18n import t
from lib.presentation import presenting
from lib.profile import local as local_profile
from lib.safe_text import literal_markdown
from lib.session import current_dataset, current_filters, update_filters
from views.sections.profile_alliances import show_alliances, show_white_spots
from views.sections.profile_brief import show_brief
from views.sections.profile_domains import show_domains
from views.sections.profile_downloads import show_download
from views.sections.profile_figures import show_key_figures
from views.sections.profile_local import show_local_profile
from views.sections.profile_perceptions import show_perceptions, show_published
from views.sections.profile_reading import show_reading
from views.sections.profile_trends import show_summary, show_trends

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

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
st.html(PRINT_CSS)


def show_invitation() -> None:
    """No territory chosen: the invitation, and one button per region."""
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


def show_profile(territory_id: str) -> None:
    """A region's or a department's profile, section by section (views/sections/profile_*)."""
    page = cached.profile_page(
        dataset, territory_id, filters.area, filters.method, filters.actors, lang
    )
    st.title(literal_markdown(page.title))
    with st.container(key="profil_screen_hint"):
        st.caption(t("profile_print_hint", lang))
        presenting.open_button(lang, key="profil_presentation")
    with st.container(key="profil_screen_brief"):
        show_brief(dataset, page, filters)
    show_summary(page)
    show_key_figures(page)
    show_domains(page)
    with st.container(key="profil_screen_trends"):
        show_trends(dataset, page)
    with st.container(key="profil_screen_perceptions"):
        show_perceptions(page)
        show_published(page)
    show_reading(dataset, page, filters)
    with st.container(key="profil_screen_alliances"):
        show_alliances(page)
        show_white_spots(page)
        show_download(dataset, page, filters)


if local_profile.has_local_profile(filters.territory):
    show_local_profile(dataset, filters.territory, filters)
elif filters.territory:
    show_profile(filters.territory)
else:
    show_invitation()
