"""Hostile uploads built in memory (tests and bench/bench_hostile_uploads.py).

The Excel files are written part by part (no openpyxl): a workbook of one sheet whose XML is
streamed into the zip, so a "bomb" of a million cells or a cell of hundreds of megabytes is
built in a second or two and weighs a few hundred kilobytes.
"""

from __future__ import annotations

import io
import itertools
import random
import zipfile
from collections.abc import Iterable

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPES}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPES}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPES}.sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE}">'
        '<sheets><sheet name="Données" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
}


def workbook(
    sheet_rows: Iterable[bytes],
    shared: Iterable[bytes] = (b"<si><t>x</t></si>",),
    padding: int = 0,
    dimension: bool = True,
) -> bytes:
    """An .xlsx whose sheet holds the given `<row>` elements and whose shared-strings part holds
    the given `<si>` markup (both streamed into the zip, maximum compression), plus `padding`
    random bytes in a part of their own (they do not compress: the overall ratio drops). Without
    `<dimension>`, openpyxl parses the whole sheet as it opens the workbook."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/sharedStrings.xml", "w") as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">'.encode())
            for piece in shared:
                part.write(piece)
            part.write(b"</sst>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write(
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">'.encode()
            )
            part.write(b'<dimension ref="A1"/>' if dimension else b"")  # as Excel writes it
            part.write(b"<sheetData>")
            for row in sheet_rows:
                part.write(row)
            part.write(b"</sheetData></worksheet>")
        if padding:
            archive.writestr("xl/media/padding.bin", random.randbytes(padding))
    return buffer.getvalue()


def rows_of(n_rows: int, n_columns: int, first: int = 1) -> Iterable[bytes]:
    """`n_rows` rows of `n_columns` cells, each the shared string 0."""
    cells = b'<c t="s"><v>0</v></c>' * n_columns
    return (b'<row r="%d">' % r + cells + b"</row>" for r in range(first, first + n_rows))


def excel_bomb(
    n_rows: int = 5_000, n_columns: int = 300, padding: int = 0, dimension: bool = True
) -> bytes:
    """About a hundred kilobytes (plus `padding`) that expand to n_rows × n_columns cells."""
    return workbook(rows_of(n_rows, n_columns), padding=padding, dimension=dimension)


def excel_single_cell(megabytes: int = 300) -> bytes:
    """One shared string of `megabytes` MB (about 300 KB once compressed), used by cell A1."""
    text = itertools.repeat(b"a" * 1024 * 1024, megabytes)
    return workbook(rows_of(1, 1), shared=itertools.chain([b"<si><t>"], text, [b"</t></si>"]))


def wide_csv(n_columns: int = 100_000) -> bytes:
    """A header line and one data line of `n_columns` one-letter cells."""
    line = b",".join([b"a"] * n_columns) + b"\n"
    return line + line
