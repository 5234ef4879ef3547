"""The profile's domain indices against the benchmark: bars, radar, and the other comparison
a metropolitan territory is offered."""

import streamlit as st

from lib import profile
from lib.i18n import t
from lib.profile import page as profile_page
from lib.safe_text import literal_markdown
from lib.session import update_filters
from views.sections.profile_figures import sources_caption

# Plotly draws at the screen's width and does not redraw for printing: a printed chart must
# already fit the A4 width once zoomed (880 px × 0.72 < 718 px, the page between its margins).
PRINTED_CHART_WIDTH = 880


def show_domains(page: profile_page.ProfilePage) -> None:
    """The domain indices: overall reading, bars (printed), radar (screen only), notes."""
    domains, lang = page.domains, page.look.lang
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
    show_other_area(page)


def show_other_area(page: profile_page.ProfilePage) -> None:
    """What the other comparison would give, and the button that switches to it."""
    other = page.other_area
    if other is None:
        return
    with st.container(key="profil_screen_other_area"):
        st.info(profile_page.other_area_hint(page))
        st.button(
            t(f"profile_{other.label_key}_button", page.look.lang),
            on_click=update_filters,
            kwargs={"area": other.area},
            key="profil_other_area",
            icon=f":material/{'zoom_out_map' if other.area == 'all' else 'zoom_in_map'}:",
        )
