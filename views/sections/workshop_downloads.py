"""A workshop's anonymised exports: one table as CSV, every table as an Excel workbook."""

from datetime import UTC, datetime

import streamlit as st

from lib import profile
from lib.i18n import t
from lib.workshop import export_tables, service
from views.sections.workshop_desk import Desk


def show_downloads(
    desk: Desk,
    workshop: service.Workshop,
    domains: profile.DomainProfile,
    refusal: str | None,
) -> None:
    """CSV and Excel exports (the key was checked on this run); while `refusal` holds,
    disabled and saying why."""
    lang = desk.lang
    st.subheader(t("ws_downloads_title", lang))
    st.caption(t("ws_anonymity", lang))
    blocked = {"disabled": refusal is not None, "help": refusal}

    def sheets() -> dict:
        """Built when a download is clicked, with the votes of that moment."""
        votes = service.votes_frame(desk.engine, workshop.workshop_id)
        return export_tables.results_tables(desk.look, workshop, votes, domains, datetime.now(UTC))

    chosen = st.selectbox(
        t("ws_download_table", lang),
        export_tables.TABLES,
        index=1,
        format_func=lambda k: t(k, lang),
        key="ws_csv_table",
    )
    stem = f"atelier_{workshop.code}"
    st.download_button(
        t("ws_download_csv", lang),
        data=lambda: export_tables.csv_bytes(sheets()[chosen], lang),
        file_name=f"{stem}_{chosen.removeprefix('ws_sheet_')}.csv",
        mime="text/csv",
        on_click="ignore",
        key="ws_download_csv",
        **blocked,
    )
    st.download_button(
        t("ws_download_excel", lang),
        data=lambda: export_tables.excel_bytes(sheets(), lang),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        key="ws_download_excel",
        **blocked,
    )
