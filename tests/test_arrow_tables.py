"""Tables converted to Arrow once: same columns and values, mixed columns as text."""

import pandas as pd

from lib.arrow_tables import arrow_table


def test_a_plain_frame_keeps_its_columns_and_values_without_its_index():
    frame = pd.DataFrame({"Domaine": ["Emploi", "Santé"], "Part": [12.5, None]}, index=[7, 9])
    table = arrow_table(frame)
    assert table.column_names == ["Domaine", "Part"]
    assert table.to_pydict() == {"Domaine": ["Emploi", "Santé"], "Part": [12.5, None]}


def test_a_column_mixing_text_and_numbers_becomes_text_and_missing_stays_missing():
    frame = pd.DataFrame({"Valeur": ["non disponible", 3.5, None]}, dtype=object)
    assert arrow_table(frame).to_pydict() == {"Valeur": ["non disponible", "3.5", None]}
