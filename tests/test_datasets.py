"""The dataset interface: layers beside or instead of the embedded data, labelled by origin."""

from dataclasses import replace

import pandas as pd
import pytest

from lib import datasets
from lib.datasets import (
    EMBEDDED_ORIGIN,
    Layer,
    active_layers,
    combine,
    register_provider,
    with_commune_rows,
)


def _upload(value=12.3, replaces=False):
    rows = pd.DataFrame(
        [
            {
                "territory_id": "DEP-29",
                "indicator_id": "taux_chomage",
                "period": "2023-T3",
                "value": value,
                "source_id": "user-1",
                "note": None,
            },
        ]
    )
    sources = pd.DataFrame(
        [
            {
                "source_id": "user-1",
                "title": "Enquête",
                "publisher": "Moi",
                "year": "2026",
                "url_or_package": "-",
                "licence": "-",
                "note": None,
            }
        ]
    )
    return Layer(
        "upload-1",
        "données importées : Enquête",
        {"indicators": rows, "sources": sources},
        replaces,
    )


def test_no_layer_gives_the_embedded_dataset_itself(dataset):
    assert combine(dataset, []) is dataset
    assert set(dataset.indicators["origin"]) == {EMBEDDED_ORIGIN}


def test_a_layer_beside_the_embedded_data_overrides_the_same_key_and_says_so(dataset):
    combined = combine(dataset, [_upload()])
    finistere = combined.indicators.query(
        "territory_id == 'DEP-29' and indicator_id == 'taux_chomage' and period == '2023-T3'"
    )
    assert finistere["value"].tolist() == [12.3]
    assert finistere["origin"].tolist() == ["données importées : Enquête"]
    # every other embedded row is still there
    assert len(combined.indicators) == len(dataset.indicators)
    assert "user-1" in set(combined.sources["source_id"])
    assert combined.version != dataset.version
    # the embedded dataset is not modified
    assert "user-1" not in set(dataset.sources["source_id"])
    # another period of the same indicator is added beside the embedded one
    later = _upload()
    later = replace(
        later,
        tables={**later.tables, "indicators": later.tables["indicators"].assign(period="2024")},
    )
    rows = combine(dataset, [later]).indicators.query(
        "territory_id == 'DEP-29' and indicator_id == 'taux_chomage'"
    )
    values = rows.set_index("period")["value"]
    assert values[["2023-T3", "2024"]].to_dict() == {"2023-T3": 6.3, "2024": 12.3}
    assert (
        len(values)
        == len(
            dataset.indicators.query("territory_id == 'DEP-29' and indicator_id == 'taux_chomage'")
        )
        + 1
    )  # the quarterly series is kept whole


def test_a_layer_instead_of_the_embedded_data(dataset):
    combined = combine(dataset, [_upload(replaces=True)])
    assert combined.indicators["territory_id"].tolist() == ["DEP-29"]
    # sources are never hidden: embedded figures elsewhere still cite them
    assert len(combined.sources) == len(dataset.sources) + 1


def test_version_follows_the_layer_content(dataset):
    assert combine(dataset, [_upload(1.0)]).version != combine(dataset, [_upload(2.0)]).version
    assert combine(dataset, [_upload(1.0)]).version == combine(dataset, [_upload(1.0)]).version


def test_layers_cannot_touch_reference_tables(dataset):
    with pytest.raises(ValueError, match="territories"):
        combine(dataset, [Layer("x", "x", {"territories": dataset.territories})])


def test_registered_providers_supply_layers(monkeypatch):
    monkeypatch.setattr(datasets, "PROVIDERS", [])

    def provider(state):
        return [_upload()] if state.get("has_upload") else []

    register_provider(provider)
    register_provider(provider)  # registering twice keeps one
    assert [layer.layer_id for layer in active_layers({"has_upload": True})] == ["upload-1"]
    assert active_layers({}) == []


def test_imported_values_are_labelled_on_the_map(dataset):
    from lib import explore

    combined = combine(dataset, [_upload()])
    territories = explore.scope_territories(combined, "department", "REG-53")
    view = explore.map_view(combined, "taux_chomage", territories)
    details = view.frame.set_index("territory_id")["detail"]
    assert details["DEP-29"] == "T3 2023 · Source : Moi (données importées : Enquête)"
    assert details["DEP-22"] == "T3 2023 · Source : INSEE"
    lines = explore.caption_lines(combined, view)
    assert (
        "Cette carte montre aussi : données importées : Enquête (à la place des valeurs intégrées des mêmes territoires)."
        in lines
    )


def test_imported_values_are_labelled_on_the_profile_and_comparison(dataset):
    from lib import compare, explore, profile

    combined = combine(dataset, [_upload()])
    look = profile.lookups(combined)
    figures = profile.key_figures(look, "DEP-29").table.set_index("Indicateur")
    sources = figures["Source"].to_dict()
    assert sources["Taux de chômage localisé"] == "Moi (données importées : Enquête)"
    assert look.sources["user-1"] == "Moi, Enquête (2026) (données importées : Enquête)"
    assert look.sources["insee-chomage-localise-2023t3"].endswith("(2023)")
    departments = explore.scope_territories(combined, "department", "REG-53")["territory_id"]
    table = explore.index_table(combined, list(departments))
    provenance = compare.provenance(combined, table.scores, ["emploi"])
    assert provenance.publishers == "INSEE, Moi (données importées : Enquête)"
    assert "Moi, Enquête (2026) (données importées : Enquête)" in provenance.sources


def test_several_layers_later_ones_win_and_one_replacing_hides_only_embedded_rows(dataset):
    first = _upload(12.3)
    second = replace(_upload(20.0, replaces=True), layer_id="upload-2", label="deuxième")
    combined = combine(dataset, [first, second])
    rows = combined.indicators.query("indicator_id == 'taux_chomage'")
    # replacing: every embedded row is hidden, the first layer's same-key row is overridden
    assert rows[["territory_id", "value", "origin"]].values.tolist() == [
        ["DEP-29", 20.0, "deuxième"]
    ]
    # beside: the first layer's row stays when the second layer has another key
    other = replace(_upload(5.0), layer_id="upload-3", label="autre")
    other_rows = other.tables["indicators"].assign(territory_id="DEP-22")
    other = replace(other, tables={**other.tables, "indicators": other_rows})
    both = combine(dataset, [first, other]).indicators.query(
        "indicator_id == 'taux_chomage' and period == '2023-T3'"
        " and territory_id in ['DEP-29', 'DEP-22']"
    )
    assert sorted(both[["territory_id", "origin"]].values.tolist()) == [
        ["DEP-22", "autre"],
        ["DEP-29", "données importées : Enquête"],
    ]


def test_a_layers_fingerprint_is_computed_once(monkeypatch):
    layer = _upload()
    first = layer.fingerprint

    def refuse(*_args, **_kwargs):
        raise AssertionError("the rows were hashed again")

    monkeypatch.setattr(pd.util, "hash_pandas_object", refuse)
    assert layer.fingerprint == first


def test_commune_rows_join_the_embedded_ones_under_a_version_of_their_own(dataset):
    rows = _upload(7.5).tables["indicators"].assign(territory_id="COM-29019", source_id="insee_rp")
    withheld = dataset.withheld.head(0)
    shown = with_commune_rows(dataset, rows, withheld)
    assert len(shown.indicators) == len(dataset.indicators) + 1
    added = shown.indicators.iloc[-1]
    assert (added["territory_id"], added["value"], added["origin"]) == (
        "COM-29019",
        7.5,
        EMBEDDED_ORIGIN,
    )
    assert shown.withheld is withheld
    assert shown.version == dataset.version + "+communes"
    assert "origin" not in rows and len(dataset.indicators) == len(shown.indicators) - 1
