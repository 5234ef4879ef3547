"""Presentation mode: a step-through story for a territory or for France, full screen, large
type, each slide with its source line; stepping reruns only the slide (a fragment). Below: the
story to prepare, save, load, and the PPTX deck."""

import hashlib
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from lib import cached, profile
from lib.charts.alliances import group_chart
from lib.export import fact_sheet_pdf, local_fact_sheet_pdf
from lib.i18n import t
from lib.presentation import presenting, slides, story
from lib.presentation.charts import for_slide, perception_bars, trend_chart
from lib.profile import local as local_profile
from lib.profile.charts import domain_bars
from lib.safe_text import literal_markdown, literal_table
from lib.session import current_dataset, current_filters, update_filters, write_url
from lib.vocabulary import is_level

if not presenting.presenting():
    presenting.start()  # opened from the menu: the mode hides the app's chrome

dataset = current_dataset()
filters = current_filters(dataset)
lang = filters.lang
allowed = cached.allowed_values(dataset)
current = presenting.current_story(dataset, filters.territory, lang)
steps = story.shown_steps(dataset, current)
text = literal_markdown


def step_slide(step: story.Step) -> slides.Slide:
    filters_shown = story.step_filters(step, allowed, lang)
    commune = is_level(filters_shown.territory, "commune")  # its indices need the commune rows
    scoped = cached.with_communes(dataset) if commune else dataset
    return cached.slide(scoped, step.kind, filters_shown, step.caption)


def show_chart(shown: slides.Slide) -> None:
    chart, config = shown.chart, {"displaylogo": False, "displayModeBar": False}
    if chart is None:
        return
    if shown.kind in ("national", "map"):
        # SVG built by lib/svgmap, every text escaped (lib.safe_text.html_text, as on the home page)
        st.markdown(cached.slide_map_html(dataset, chart.filters), unsafe_allow_html=True)
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


def step_button(column, label: str, target: int, disabled: bool, shortcut: str) -> None:
    """Previous or next slide: a click, or the key of a presenter's clicker."""
    column.button(
        t(label, lang),
        on_click=presenting.go_to,
        args=(target,),
        disabled=disabled,
        width="stretch",
        key=label,
        shortcut=shortcut,
    )


@st.fragment
def show_slide() -> None:
    """One slide and the buttons to step; a click (or a key of a clicker) reruns only this
    function."""
    index = presenting.current_index(len(steps))
    shown = step_slide(steps[index])
    previous, number, following, leave = st.columns([2, 2, 2, 2], vertical_alignment="center")
    step_button(previous, "pres_previous", index - 1, index == 0, "Left")
    number.markdown(t("pres_slide_number", lang, n=index + 1, total=len(steps)))
    step_button(following, "pres_next", index + 1, index == len(steps) - 1, "Right")
    if leave.button(t("pres_quit", lang), key="pres_quit", width="stretch"):
        presenting.leave(filters.territory)
    with st.container(key=presenting.KEYS_CONTAINER):  # hidden: a clicker's other keys
        for key, target, shortcut in presenting.clicker_keys(index, len(steps)):
            st.button(
                shortcut,
                on_click=presenting.go_to,
                args=(target,),
                key=key,
                shortcut=shortcut,
            )
    st.title(text(shown.title), anchor=False)
    if shown.caption:
        st.subheader(text(shown.caption), anchor=False)
    screen = slides.on_screen(shown, lang)  # what does not fit goes to the notes
    lines = "\n".join(f"- {text(line)}" for line in screen.lines)
    if shown.kind in ("national", "map"):  # a map beside its figures
        figure_column, lines_column = st.columns([3, 2])
        with figure_column:
            show_chart(shown)
        lines_column.markdown(lines)
    else:  # bars are wide: full width, figures below
        show_chart(shown)
        st.markdown(lines)
    if screen.table is not None:
        st.table(literal_table(screen.table), hide_index=True)
    st.caption(text(shown.source_line))
    if screen.notes:
        with st.expander(t("pres_notes", lang)):
            st.markdown("\n".join(f"- {text(note)}" for note in screen.notes))
    write_url()  # the step in the URL: a reload stays on this slide


def show_editor() -> None:
    """Title, order, captions and kept steps of the current story."""
    version = hashlib.sha256(story.story_to_json(current).encode()).hexdigest()[:12]
    title = st.text_input(t("pres_story_name", lang), current.title, key=f"pres_title_{version}")
    rows = pd.DataFrame(
        {
            t("pres_col_order", lang): range(1, len(current.steps) + 1),
            t("pres_col_kind", lang): [t("pres_kind_" + s.kind, lang) for s in current.steps],
            t("pres_col_caption", lang): [s.caption for s in current.steps],
            t("pres_col_keep", lang): True,
        }
    )
    edited = st.data_editor(
        rows,
        hide_index=True,
        disabled=[t("pres_col_kind", lang)],
        key=f"pres_editor_{version}",
        width="stretch",
    )
    st.caption(t("pres_edit_help", lang))
    if st.button(t("pres_apply", lang), key="pres_apply"):
        try:
            columns = [t(f"pres_col_{c}", lang) for c in ("order", "caption", "keep")]
            changed = story.edited_story(current, title, edited[columns].to_numpy().tolist())
        except story.StoryError as error:
            st.error(text(error.text(lang)))
        else:
            presenting.use_story(changed)
            st.rerun()


def show_new_story() -> None:
    names = cached.territory_options(dataset, lang, filters.territory)  # an EPCI searched for
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        t("pres_territory", lang),
        [None, *names],
        index=([None, *names].index(filters.territory) if filters.territory in names else 0),
        format_func=lambda i: t("all_france", lang) if i is None else names[i],
        key="pres_territory",
    )
    if right.button(t("pres_new_story", lang), key="pres_new", width="stretch"):
        update_filters(territory=chosen)
        presenting.use_story(None)
        st.rerun()


def show_file() -> None:
    """Download the story; load one (a malformed file gives a message in the chosen language)."""
    st.download_button(
        t("pres_download_story", lang),
        story.story_to_json(current),
        file_name="histoire.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/download:",
        key="pres_download_story",
    )
    uploaded = st.file_uploader(t("pres_upload_story", lang), type=["json"], key="pres_upload")
    if uploaded is None:
        return
    try:
        loaded = story.story_from_json(uploaded.getvalue(), allowed)
    except story.StoryError as error:
        st.error(text(error.text(lang)))
        return
    if st.session_state.get("pres_loaded_file") != uploaded.file_id:
        st.session_state["pres_loaded_file"] = uploaded.file_id
        presenting.use_story(loaded)
        st.rerun()
    st.success(t("pres_story_loaded", lang, title=text(loaded.title), n=len(loaded.steps)))


def sheet_builder(chosen) -> partial | None:
    """What makes the fact sheet of a story's territory: a region's or a department's
    (lib/onepager.py), an EPCI's or a commune's (lib/local_sheet.py); None for France."""
    territory = chosen.territory
    if local_profile.has_local_profile(territory):
        page = cached.local_profile_page(dataset, territory, chosen.method, lang)
        scoped = cached.local_dataset(dataset, territory)
        return partial(local_fact_sheet_pdf, scoped, page, method=chosen.method, lang=lang)
    if profile.has_profile(territory):
        return partial(
            fact_sheet_pdf, dataset, territory, area=chosen.area, method=chosen.method, lang=lang
        )
    return None


def show_exports() -> None:
    """The PPTX deck (and a territory's PDF fact sheet), made on click, not on every rerun."""
    shown = [step_slide(step) for step in steps]  # cached: stepping to them stays fast
    for slide in shown:
        if slide.kind in ("national", "map") and slide.chart is not None:
            cached.slide_map_html(dataset, slide.chart.filters)

    def deck() -> bytes:  # matplotlib and python-pptx load on click, not with the page
        from lib.presentation.story_deck import story_deck

        return story_deck(current.title, shown, date.today().strftime("%d/%m/%Y"), lang)

    domains_step = next((s for s in current.steps if s.kind == "top_domains"), None)
    chosen = None if domains_step is None else story.step_filters(domains_step, allowed, lang)
    fact_sheet = None if chosen is None else sheet_builder(chosen)
    if fact_sheet is not None:  # made on click, as on the profile page
        st.download_button(
            t("exp_download_pdf", lang),
            fact_sheet,
            file_name=f"fiche_{chosen.territory}.pdf",
            mime="application/pdf",
            on_click="ignore",
            icon=":material/picture_as_pdf:",
            key="pres_download_pdf",
        )
    st.download_button(
        t("pres_download_deck", lang),
        deck,
        file_name="presentation.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        on_click="ignore",
        icon=":material/slideshow:",
        key="pres_download_deck",
    )


if steps:
    show_slide()
else:
    st.info(t("pres_no_slide", lang))
    if st.button(t("pres_quit", lang), key="pres_quit"):
        presenting.leave(filters.territory)
with st.expander(t("pres_prepare", lang)):
    show_new_story()
    show_editor()
    if len(steps) < len(current.steps):
        st.caption(t("pres_workshop_skipped", lang))
    show_file()
    show_exports()
    st.caption(t("pres_story_session_note", lang))
