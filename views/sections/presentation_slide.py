"""One slide on screen: its controls, title, caption, chart (a map beside its figures, bars
above them), table, source line and the notes that did not fit; stepping reruns only it."""

import streamlit as st

from lib import cached
from lib.charts.alliances import group_chart
from lib.i18n import t
from lib.presentation import presenting, slides
from lib.presentation.charts import for_slide, perception_bars, trend_chart
from lib.profile.charts import domain_bars
from lib.safe_text import literal_markdown, literal_table
from lib.session import write_url
from views.sections.presentation_controls import show_controls
from views.sections.presentation_stage import Stage

MAPS = ("national", "map")


def show_chart(stage: Stage, shown: slides.Slide) -> None:
    """The slide's map (SVG) or chart (plotly), if any."""
    chart, config = shown.chart, {"displaylogo": False, "displayModeBar": False}
    lang = stage.lang
    if chart is None:
        return
    if shown.kind in MAPS:
        # SVG built by lib/svgmap, every text escaped (lib.safe_text.html_text, as on the home page)
        st.markdown(cached.slide_map_html(stage.dataset, chart.filters), unsafe_allow_html=True)
        return
    if shown.kind == "top_domains":
        bars = domain_bars(chart.frame, chart.method, chart.level, lang)
        figure = for_slide(bars, rows=len(chart.frame))
    elif shown.kind == "trends":
        figure = trend_chart(chart, lang)
    elif shown.kind == "alliances":
        figure = for_slide(group_chart(chart.group, lang))
    else:
        figure = perception_bars(chart, lang)
    st.plotly_chart(figure, width="stretch", config=config, theme=None, key="pres_chart")


@st.fragment
def show_slide(stage: Stage) -> None:
    """One slide and the buttons to step; a click (or a key of a clicker) reruns only this
    function."""
    index = presenting.current_index(len(stage.steps))
    shown = stage.slide(stage.steps[index])
    show_controls(stage, index)
    st.title(literal_markdown(shown.title), anchor=False)
    if shown.caption:
        st.subheader(literal_markdown(shown.caption), anchor=False)
    screen = slides.on_screen(shown, stage.lang)  # what does not fit goes to the notes
    lines = "\n".join(f"- {literal_markdown(line)}" for line in screen.lines)
    if shown.kind in MAPS:  # a map beside its figures
        figure_column, lines_column = st.columns([3, 2])
        with figure_column:
            show_chart(stage, shown)
        lines_column.markdown(lines)
    else:  # bars are wide: full width, figures below
        show_chart(stage, shown)
        st.markdown(lines)
    if screen.table is not None:
        st.table(literal_table(screen.table), hide_index=True)
    st.caption(literal_markdown(shown.source_line))
    if screen.notes:
        with st.expander(t("pres_notes", stage.lang)):
            st.markdown("\n".join(f"- {literal_markdown(note)}" for note in screen.notes))
    write_url()  # the step in the URL: a reload stays on this slide
