"""The indicators of an upload: an embedded indicator named by its id or its label (French or
English, accents and case ignored) takes the embedded metadata its file omits; a new indicator
must give its name, unit, domain and orientation (all missing ones said at once); a new one
sharing an embedded label is told apart with " (données importées)". Pure (no Streamlit)."""

from __future__ import annotations

import pandas as pd

from lib.data import Dataset
from lib.i18n import LANGUAGES, message, t
from lib.schema import Problem
from lib.upload.mapping import header_key, name_keys

META_COLUMNS = ("label_fr", "label_en", "domain_id", "role", "unit", "decimals")
META_COLUMNS += ("higher_is_worse", "definition_fr")
# the French column names of the metadata a new indicator needs (as in lib.upload.fields.FIELDS)
_FRENCH = {
    "label_fr": "libelle",
    "unit": "unite",
    "domain_id": "domaine",
    "higher_is_worse": "plus_est_fragile",
}


def _embedded_meta(dataset: Dataset) -> pd.DataFrame:
    """The embedded indicators' metadata as the strings a file would hold, by indicator_id."""
    meta = dataset.indicator_meta.set_index("indicator_id")[list(META_COLUMNS)]
    worse = meta["higher_is_worse"].map({True: "true", False: "false"})
    return meta.assign(higher_is_worse=worse).astype(object).fillna("").astype(str)


def known_indicators(ids: pd.Series, dataset: Dataset) -> pd.Series:
    """Each cell as an embedded indicator id when it names one by its id or by its French or
    English label (accents and case ignored); other cells unchanged."""
    meta = dataset.indicator_meta
    by_label = {
        key: iid
        for column in ("label_en", "label_fr")
        for key, iid in zip(name_keys(meta[column].fillna("")), meta["indicator_id"], strict=True)
    }
    embedded = set(meta["indicator_id"])
    named = {v: v if v in embedded else by_label.get(header_key(v), v) for v in ids.unique()}
    return ids.map(named)


def _new_indicator_gaps(rows: pd.DataFrame, embedded: set[str], file: str) -> list[Problem]:
    """For each new indicator, every metadata its rows lack, in one message at its first row."""
    problems = []
    new = rows[~rows["indicator_id"].isin(embedded) & (rows["indicator_id"] != "")]
    for indicator, first in new.groupby("indicator_id", sort=False).head(1).iterrows():
        fragility = first["role"] in ("", "fragility")
        gaps = [
            message(f"upload_gap_{field}", column=column)
            for field, column in _FRENCH.items()
            if first[field] == "" and (fragility or field in ("label_fr", "unit"))
        ]
        if gaps:
            problems.append(
                Problem(
                    file,
                    int(indicator) + 2,
                    "indicator_id",
                    message("upload_new_indicator", indicator=first["indicator_id"], gaps=gaps),
                )
            )
    return problems


def indicator_meta(
    rows: pd.DataFrame, dataset: Dataset, file: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """One metadata row per uploaded indicator (from its first row), checked for consistency.

    An embedded indicator's empty cells take its embedded metadata; a new indicator whose label
    is an embedded one's gets " (données importées)" so that both can be told apart."""
    embedded = _embedded_meta(dataset)
    known = rows["indicator_id"].isin(embedded.index)
    for column in META_COLUMNS:
        fill = rows["indicator_id"].map(embedded[column]).where(known, "")
        rows[column] = rows[column].where(rows[column] != "", fill)
    problems = _new_indicator_gaps(rows, set(embedded.index), file)
    rows = rows.assign(
        label_en=rows["label_en"].where(rows["label_en"] != "", rows["label_fr"]),
        definition_fr=rows["definition_fr"].where(rows["definition_fr"] != "", rows["label_fr"]),
        role=rows["role"].replace("", "fragility"),
        decimals=rows["decimals"].replace("", "1"),
    )
    first = rows.groupby("indicator_id", sort=False).head(1)
    aligned = first.set_index("indicator_id").loc[rows["indicator_id"], list(META_COLUMNS)]
    aligned.index = rows.index
    first_line = rows["indicator_id"].map(
        dict(zip(first["indicator_id"], first.index, strict=True))
    )
    problems += [
        Problem(
            file,
            int(i) + 2,
            column,
            message("upload_meta_differs", first=int(first_line[i]) + 2),
        )
        for column in META_COLUMNS
        for i in rows.index[rows[column] != aligned[column]]
    ]
    # an uploaded concept already embedded keeps its base-100 reference (same period compared)
    references = dataset.indicator_meta.set_index("indicator_id")["reference_territory_id"]
    meta = first[["indicator_id", *META_COLUMNS]].assign(
        reference_territory_id=first["indicator_id"].map(references).fillna("")
    )
    taken = set(name_keys(dataset.indicator_meta["label_fr"]))
    twin = ~meta["indicator_id"].isin(embedded.index) & name_keys(meta["label_fr"]).isin(taken)
    for column, code in ((f"label_{code}", code) for code in LANGUAGES):
        if column in meta:  # each language's name of the indicator, told apart
            imported = meta[column] + f" ({t('upload_imported', code)})"
            meta[column] = meta[column].where(~twin, imported)
    return meta, problems
