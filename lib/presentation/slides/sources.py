"""A slide's source line: every source in full, or their publishers when there are too many."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib import explore
from lib.data import Dataset
from lib.datasets import EMBEDDED_ORIGIN, VERIFICATION_LABELS
from lib.formatting import join_items
from lib.i18n import t

SCREEN_SOURCES = 3  # sources cited in full on a slide; with more, their publishers


def sourced(dataset: Dataset, source_ids: Sequence[object], lang: str = "fr") -> dict[str, str]:
    """A slide's `source_line` and, with more than SCREEN_SOURCES sources, a line naming their
    publishers instead, saying how many are not (fully) verified; every source is then in
    `source_detail` (the notes and the PPTX notes), each with its status."""
    ids = list(dict.fromkeys(s for s in source_ids if isinstance(s, str)))
    full = source_line(dataset, ids, lang)
    if len(ids) <= SCREEN_SOURCES:
        return {"source_line": full}
    sources = dataset.sources.set_index("source_id").reindex(ids)
    origins = sources["origin"] if "origin" in sources else pd.Series(EMBEDDED_ORIGIN, ids)
    own = [i for i in ids if isinstance(origins[i], str) and origins[i] != EMBEDDED_ORIGIN]
    embedded = sources.loc[[i for i in ids if i not in own], "publisher"].dropna().astype(str)
    # a layer's own source (a workshop, a user's file) in full first, then the publishers
    publishers = join_items(
        [*(explore.source_label(dataset, i, lang) for i in own), *sorted(set(embedded))], lang
    )
    checks = sources["verification"] if "verification" in sources else pd.Series(dtype=object)
    unchecked = int(checks.isin(list(VERIFICATION_LABELS)).sum())
    key = "pres_sources_short_unchecked" if unchecked else "pres_sources_short"
    short = t(key, lang, publishers=publishers, n=len(ids), unchecked=unchecked)
    return {"source_line": short, "source_detail": full}


def source_line(dataset: Dataset, source_ids: Sequence[object], lang: str = "fr") -> str:
    """'Source : INSEE, Taux de chômage localisés (2024)'; several joined by ' ; '."""
    ids = list(dict.fromkeys(s for s in source_ids if isinstance(s, str)))
    if not ids:
        return t("pres_source", lang, sources=t("not_available", lang))
    labels = join_items(
        (explore.source_label(dataset, s, lang) for s in ids), lang, long_items=True
    )
    return t("pres_sources" if len(ids) > 1 else "pres_source", lang, sources=labels)
