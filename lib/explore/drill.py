"""The map's drill-down steps: region → its departments → one department's communes, and back."""

from __future__ import annotations

from dataclasses import dataclass

from lib import vocabulary
from lib.data import Dataset


@dataclass(frozen=True)
class DrillState:
    """Whether the map is zoomed on a part of France, and the next steps offered."""

    zoomed: bool
    actions: list[tuple[str, str, dict]]  # (label key, territory name, filter changes)


def drill_state(dataset: Dataset, level: str, territory: str | None) -> DrillState:
    """Drill-down steps: region → its departments → one department's communes, and back; an
    EPCI's communes → its department's EPCIs."""
    name = vocabulary.territory_name(dataset, territory) if territory else ""
    is_region = vocabulary.is_level(territory, "region")
    is_department = vocabulary.is_level(territory, "department")
    actions: list[tuple[str, str, dict]] = []
    if level == "commune" and vocabulary.is_level(territory, "epci"):  # an EPCI's communes
        department = dataset.territory_index.at[territory, "parent_id"]
        name = vocabulary.territory_name(dataset, department)
        actions += [
            ("back_to_epcis", name, {"level": "epci", "territory": department}),
            ("back_to_regions", "", {"level": "region"}),
        ]
        return DrillState(zoomed=True, actions=actions)
    if level == "commune":
        actions += [
            ("back_to_departments", name, {"level": "department"}),
            ("back_to_regions", "", {"level": "region"}),
        ]
        return DrillState(zoomed=True, actions=actions)
    if level == "region" and is_region:
        actions.append(("show_departments", name, {"level": "department"}))
    if level == "department":
        actions.append(("back_to_regions", "", {"level": "region"}))
    if is_department:
        actions.append(("show_communes", name, {"level": "commune"}))
    return DrillState(zoomed=level == "department" and is_region, actions=actions)
