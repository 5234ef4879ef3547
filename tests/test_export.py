"""safe_csv: formula-injection escaping (vectors from Superset's csv tests and OWASP)."""

import pandas as pd
import pytest

from lib.export import escape_cell, safe_csv


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd\\|' /C calc'!A0"),
        ('""=10+2', '\'""=10+2'),
        (" =10+2", "' =10+2"),
        ("\t10", "'\t10"),
        ("\rfoo", "'\rfoo"),
        ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
        ("-10", "'-10"),  # text that looks like a number is still text
        ("@SUM(A1)", "'@SUM(A1)"),
        ("%0A", "'%0A"),
        ("% de la population active", "% de la population active"),  # a unit, not a formula
        ("Bretagne", "Bretagne"),
        ("Taux = 7 %", "Taux = 7 %"),  # '=' inside the text is harmless
        ("", ""),
        (-10, -10),
        (7.4, 7.4),
        (None, None),
    ],
)
def test_escape_cell(cell, expected):
    assert escape_cell(cell) == expected


def test_safe_csv_keeps_numbers_and_escapes_text_and_headers():
    frame = pd.DataFrame(
        {"territoire": ['=HYPERLINK("x")', "Brest"], "valeur": [-1.5, 7.0], "=h": ["a", "b"]}
    )
    text = safe_csv(frame).decode("utf-8-sig")
    assert text.splitlines() == [
        "territoire,valeur,'=h",
        '"\'=HYPERLINK(""x"")",-1.5,a',
        "Brest,7.0,b",
    ]


def test_bom_and_semicolon_for_french_excel():
    data = safe_csv(pd.DataFrame({"a": ["é"], "b": [1.5]}), separator=";")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == "a;b\né;1,5\n"  # decimal comma with ";"
    assert not safe_csv(pd.DataFrame({"a": [1]}), excel=False).startswith(b"\xef\xbb\xbf")
    with pytest.raises(ValueError, match="separator"):
        safe_csv(pd.DataFrame(), separator="\t")
