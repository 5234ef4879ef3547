"""The profile's downloads, each made on click: the CSV of its figures or of every period, the
PDF fact sheet of a region or department, that of an EPCI or a commune."""

from functools import partial

import streamlit as st

from lib import cached
from lib.data import Dataset
from lib.export import csv_built_now, fact_sheet_pdf, local_fact_sheet_pdf
from lib.filters import Filters
from lib.i18n import t
from lib.profile import local as local_profile
from lib.profile import page as profile_page

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
SEPARATOR_KEY = "profil_separator"


def csv_button(
    page: profile_page.ProfilePage, spec: tuple, separator: str, suffix: str, lang: str
) -> None:
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


def brief_csv_button(page: profile_page.ProfilePage, lang: str) -> None:
    """The figures' CSV again at the top, in the separator chosen lower down."""
    separator = st.session_state.get(SEPARATOR_KEY, ";")
    csv_button(page, CSV_DOWNLOADS[0], separator, "_brief", lang)


def _pdf_button(labels: tuple[str, str], make, territory_id: str, key: str, lang: str) -> None:
    """A fact sheet PDF that `make` builds on click (`labels`: its label and help keys)."""
    label_key, help_key = labels
    st.download_button(
        t(label_key, lang),
        make,
        file_name=f"fiche_{territory_id}.pdf",
        mime="application/pdf",
        on_click="ignore",
        help=t(help_key, lang),
        icon=":material/picture_as_pdf:",
        key=key,
    )


def pdf_button(
    dataset: Dataset, page: profile_page.ProfilePage, filters: Filters, key: str
) -> None:
    """The PDF fact sheet of a region or a department, made on click."""
    fact_sheet = partial(
        fact_sheet_pdf,
        dataset,
        page.territory_id,
        area=filters.area,
        method=filters.method,
        lang=filters.lang,
        actors=filters.actors,
    )
    labels = ("exp_download_pdf", "exp_download_pdf_help")
    _pdf_button(labels, fact_sheet, page.territory_id, key, filters.lang)


def show_download(dataset: Dataset, page: profile_page.ProfilePage, filters: Filters) -> None:
    """The separator of the CSV files, the CSV downloads and the PDF fact sheet."""
    lang = filters.lang
    separator = st.radio(
        t("profile_separator", lang),
        [";", ","],
        format_func=lambda s: t(
            "profile_separator_semicolon" if s == ";" else "profile_separator_comma", lang
        ),
        horizontal=True,
        key=SEPARATOR_KEY,
    )
    for spec in CSV_DOWNLOADS:
        csv_button(page, spec, separator, "", lang)
    pdf_button(dataset, page, filters, "profil_download_pdf")


def local_pdf_button(dataset: Dataset, page: local_profile.LocalProfile, filters: Filters) -> None:
    """An EPCI's or a commune's PDF fact sheet, made on click."""
    territory_id = page.territory_id
    fact_sheet = partial(
        local_fact_sheet_pdf,
        cached.local_dataset(dataset, territory_id),
        page,
        method=filters.method,
        lang=filters.lang,
    )
    labels = ("exp_local_download_pdf", "exp_local_download_pdf_help")
    _pdf_button(labels, fact_sheet, territory_id, "profil_local_pdf", filters.lang)
