"""Uploads: reading (encodings, separators, Excel), French validation report, layer provider."""

import functools
import io
import itertools
import json
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import hostile_files
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from lib import explore, upload
from lib.datasets import active_layers, combine
from lib.templates import explanation_frame, template_frame, template_xlsx
from lib.upload import UploadError, read_upload, validate_upload
from lib.upload import check as upload_check
from lib.upload import mapping as upload_mapping
from lib.upload import read as upload_read
from lib.upload import worker as upload_worker

HEADER = "niveau;code_insee;indicateur;libelle;domaine;unite;higher_is_worse;annee;valeur\n"


def xlsx(sheets: dict, merge: str | None = None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if merge:
            sheet.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


BAD_FILES = [
    ("empty", "a.csv", b"", "Le fichier est vide."),
    ("blank", "a.csv", b"\n  \n", "Le fichier est vide."),
    (
        "binary renamed .csv",
        "a.csv",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20,
        "Ce fichier n'est pas un fichier texte CSV (contenu binaire) : s'il s'agit d'un classeur Excel, déposez-le avec l'extension .xlsx, sinon enregistrez-le en CSV.",
    ),
    (
        "only headers",
        "a.csv",
        HEADER.encode(),
        "Le fichier ne contient que la ligne d'en-tête : aucune ligne de données à importer.",
    ),
    (
        "one million rows",
        "a.csv",
        b"a\n" + b"1\n" * 1_000_000,
        "Le fichier compte au moins 1\u00a0000\u00a0000 lignes : la limite est de 50\u00a0000 lignes par import. Découpez-le en plusieurs fichiers.",
    ),
    (
        "too big",
        "a.csv",
        b"a,b\n" + b"x" * (6 * 1024 * 1024),
        "Le fichier pèse 6,0 Mo : la limite est de 5 Mo par import.",
    ),
    (
        "wrong encoding (UTF-16)",
        "a.csv",
        HEADER.encode("utf-16"),
        "Encodage UTF-16 non pris en charge : enregistrez le fichier en CSV UTF-8 (ou « CSV (séparateur : point-virgule) » dans Excel).",
    ),
    (
        "old Excel",
        "a.xls",
        b"\xd0\xcf\x11\xe0",
        "Le format .xls (Excel 97-2003) n'est pas pris en charge : enregistrez le classeur en .xlsx ou en CSV.",
    ),
    (
        "not an Excel file",
        "a.xlsx",
        b"territoire,valeur\n",
        "Le classeur Excel est illisible (fichier endommagé ou qui n'est pas un .xlsx).",
    ),
    (
        "merged header cells",
        "a.xlsx",
        xlsx({"Données": [["niveau", None, "valeur"], ["region", "53", 1]]}, merge="A1:B1"),
        "Cellules fusionnées (A1:B1) dans la feuille « Données » : défusionnez-les, une seule valeur par cellule et une colonne par en-tête.",
    ),
    (
        "only an explanation sheet",
        "a.xlsx",
        xlsx({"Explications": [["colonne"], ["level"]]}),
        "Le classeur ne contient aucune feuille de données.",
    ),
    (
        "unsupported type",
        "a.pdf",
        b"%PDF-1.4",
        "Type de fichier « .pdf » non pris en charge : déposez un fichier CSV ou Excel (.xlsx).",
    ),
    (
        "unclosed quote",
        "a.csv",
        b'a,b\n"1,2\n3,4\n',
        "Le fichier CSV est illisible (ligne 2) : le nombre de colonnes varie d'une ligne à l'autre ou un guillemet n'est pas fermé. Séparateur détecté : virgule.",
    ),
]


@pytest.mark.parametrize(
    ("case", "name", "data", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES]
)
def test_unreadable_files_get_a_clear_french_message(case, name, data, message):  # noqa: ARG001
    with pytest.raises(UploadError) as error:
        read_upload(name, data)
    assert str(error.value) == message


def test_the_row_limit_is_checked_before_parsing(monkeypatch):
    def no_parsing(*_args, **_kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr(upload_read.csv, "reader", no_parsing)
    with pytest.raises(UploadError, match="limite est de 50"):
        upload_read.read_table("csv", b"a\n" + b"1\n" * 60_000)


def report(dataset, text: str | bytes, kind="indicators", name="a.csv"):
    data = text.encode() if isinstance(text, str) else text
    return validate_upload(read_upload(name, data), kind, dataset, "upload-1", name)


def messages(rep) -> list[str]:
    return [str(p) for p in rep.problems]


def notes(read, lang="fr") -> list[str]:
    """The notes of a report (or a file read), in `lang`."""
    return [note.text(lang) for note in read.notes]


ROW_CASES = [
    (
        "unknown territory",
        "departement;99;x;X;emploi;%;true;2024;5\n",
        "fichier a.csv, ligne 2, colonne « code_insee » : territoire inconnu : niveau « departement », code « 99 »",
    ),
    (
        "ambiguous bare code",
        "x",  # replaced below: a territory_id column with a bare code
        "fichier a.csv, ligne 2, colonne « territoire » : code « 53 » ambigu : indiquez le niveau (region, department, commune) ou l'identifiant préfixé (REG-53, DEP-29, COM-29019)",
    ),
    (
        "unknown level",
        "canton;53;x;X;emploi;%;true;2024;5\n",
        "fichier a.csv, ligne 2, colonne « niveau » : niveau « canton » inconnu : region, department, commune ou france",
    ),
    (
        "non-numeric value",
        "region;53;x;X;emploi;%;true;2024;abc\n",
        "fichier a.csv, ligne 2, colonne « valeur » : valeur « abc » illisible : un nombre attendu",
    ),
    (
        "percentage above 100",
        "region;53;x;X;emploi;%;true;2024;120\n",
        "fichier a.csv, ligne 2, colonne « valeur » : un pourcentage doit être compris entre 0 et 100",
    ),
    (
        "unknown domain",
        "region;53;x;X;meteo;%;true;2024;5\n",
        "fichier a.csv, ligne 2, colonne « domaine » : valeur inconnue « meteo »",
    ),
    (
        "unreadable period",
        "region;53;x;X;emploi;%;true;T3 2024;5\n",
        "fichier a.csv, ligne 2, colonne « annee » : période illisible : une année (2021), un trimestre (2023-T3) ou une période (2016-2022) est attendu",
    ),
    (
        "duplicate rows",
        "region;53;x;X;emploi;%;true;2024;5\nregion;53;x;X;emploi;%;true;2024;6\n",
        "fichier a.csv, ligne 3 : ligne en double : même territoire, indicateur et période que la ligne 2",
    ),
    (
        "markdown image in a label",
        "region;53;x;Taux ![](http://example.com/p.png);emploi;%;true;2024;5\n",
        "fichier a.csv, ligne 2, colonne « libelle » : les caractères [ ] ne sont pas acceptés (ils créeraient des liens ou des images dans les pages)",
    ),
]


@pytest.mark.parametrize(("case", "rows", "message"), ROW_CASES, ids=[c[0] for c in ROW_CASES])
def test_row_problems_are_reported_in_french(dataset, case, rows, message):
    if case == "ambiguous bare code":
        text = "territoire;indicateur;libelle;domaine;unite;higher_is_worse;annee;valeur\n"
        text += "53;x;X;emploi;%;true;2024;5\n"
    else:
        text = HEADER + rows
    assert message in messages(report(dataset, text))


def test_missing_and_unknown_columns(dataset):
    rep = report(dataset, "niveau;code_insee;couleur;valeur\nregion;53;bleu;5\n")
    assert messages(rep) == [
        "fichier a.csv, colonne « indicateur » : colonne obligatoire absente : ajoutez-la au "
        "fichier, ou associez-lui une de vos colonnes à l'étape « Correspondance des colonnes »",
        "fichier a.csv, colonne « annee » : colonne obligatoire absente : ajoutez-la au "
        "fichier, ou associez-lui une de vos colonnes à l'étape « Correspondance des colonnes »",
    ]
    assert "Colonne non utilisée : « couleur »." in notes(rep)
    assert rep.n_valid == 0


def test_a_formula_in_an_excel_cell_is_refused_with_its_line(dataset):
    header = ["niveau", "code_insee", "indicateur", "libelle", "domaine", "unite"]
    header += ["higher_is_worse", "annee", "valeur"]
    rows = [["region", "53", "x", "X", "emploi", "%", True, 2024, 5]]
    rows += [["region", "52", "x", "X", "emploi", "%", True, 2024, "=A1+1"]]
    data = xlsx({"Explications": [["colonne"]], "Mes données": [header, *rows]})
    rep = report(dataset, data, name="a.xlsx")
    assert "Feuille lue : « Mes données » (le classeur en contient 2)." in notes(rep)
    assert messages(rep)[0] == (
        "fichier a.xlsx, ligne 3, colonne « valeur » : formule « =A1+1 » en I3 : "
        "saisissez la valeur elle-même"
    )
    assert rep.valid_lines == (2,)
    assert rep.tables["indicators"]["territory_id"].tolist() == ["REG-53"]


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (
            ("\ufeff" + HEADER).encode("utf-8"),
            "Encodage détecté : UTF-8 avec BOM ; séparateur : point-virgule.",
        ),
        (
            HEADER.replace(";", "\t").encode("cp1252"),
            "Encodage détecté : UTF-8 ; séparateur : tabulation.",
        ),
        (
            (HEADER.replace(";", ",") + "é").encode("cp1252"),
            "Encodage détecté : Windows-1252 ; séparateur : virgule.",
        ),
    ],
)
def test_encoding_and_separator_are_detected(data, note):
    rows = "region;53;x;Taux é;emploi;%;true;2024;5\n"
    separator = {"point-virgule": ";", "tabulation": "\t", "virgule": ","}[
        note.split(" : ")[-1][:-1]
    ]
    body = data + rows.replace(";", separator).encode("utf-8" if "UTF" in note else "cp1252")
    raw = read_upload("a.csv", body)
    assert notes(raw) == [note]
    assert raw.frame["libelle"].iloc[-1] == "Taux é"


def test_valid_rows_are_kept_codes_resolved_and_decimal_comma_read(dataset):
    rows = (
        "departement;2a;x;X;emploi;%;true;2024;12,5\n"
        "commune;1001;x;X;emploi;%;true;2024;3\n"
        "région;1;x;X;emploi;%;true;2024;abc\n"
    )
    rep = report(dataset, HEADER + rows)
    kept = rep.tables["indicators"].set_index("territory_id")["value"].to_dict()
    assert kept == {"DEP-2A": 12.5, "COM-01001": 3.0}
    assert rep.valid_lines == (2, 3)
    assert rep.n_rows == 3
    assert "Virgule décimale lue dans la colonne « valeur »." in notes(rep)
    meta = rep.tables["indicator_meta"].iloc[0]
    assert (meta["indicator_id"], meta["unit"]) == ("x", "%")
    assert set(rep.tables["indicators"]["period"]) == {"2024"}


def test_several_periods_of_one_indicator_are_kept_as_a_series(dataset):
    rows = "region;53;x;X;emploi;%;true;2023;5\nregion;53;x;X;emploi;%;true;2016-2022;4\n"
    rep = report(dataset, HEADER + rows)
    assert rep.problems == ()
    values = rep.tables["indicators"].set_index("period")["value"].to_dict()
    assert values == {"2023": 5.0, "2016-2022": 4.0}
    assert len(rep.tables["indicator_meta"]) == 1


def test_a_new_period_of_an_embedded_indicator_keeps_its_base_100_reference(dataset):
    rep = report(dataset, HEADER + "region;53;taux_chomage;X;emploi;%;true;2024;5\n")
    assert rep.problems == ()
    assert rep.tables["indicators"]["period"].tolist() == ["2024"]
    assert rep.tables["indicator_meta"]["reference_territory_id"].tolist() == ["FR-HM"]
    text = "territoire;indicateur;libelle;domaine;unite;higher_is_worse;période;valeur\n"
    accented = report(dataset, text + "REG-53;x;X;emploi;%;true;2024-T1;5\n")
    assert accented.tables["indicators"]["period"].tolist() == ["2024-T1"]


def test_english_headers_and_prefixed_ids(dataset):
    text = "territory_id,indicator_id,label_fr,domain_id,unit,higher_is_worse,year,value\n"
    text += "DEP-29,x,X,emploi,%,true,2024,5\n"
    assert report(dataset, text).tables["indicators"]["territory_id"].tolist() == ["DEP-29"]


def test_an_embedded_indicator_is_replaced_for_the_same_territories_and_the_report_says_so(dataset):
    text = HEADER + "departement;29;taux_chomage;Taux;emploi;%;true;2023-T3;12,3\n"
    rep = report(dataset, text)
    assert rep.replaced_indicators == ("taux_chomage",)
    assert any("remplacent les valeurs intégrées" in n for n in notes(rep))
    source = upload.SourceInfo("Enquête", "Ville", "CC BY")
    combined = combine(dataset, [upload.upload_layer(rep, source, "upload-1")])
    rows = combined.indicators.query("indicator_id == 'taux_chomage'")
    quarter = rows[rows["period"] == "2023-T3"].set_index("territory_id")
    assert quarter.loc["DEP-29", "value"] == 12.3
    assert quarter.loc["DEP-29", "origin"] == "données importées : Enquête"
    assert len(rows) == len(dataset.indicators.query("indicator_id == 'taux_chomage'"))


@pytest.mark.parametrize("kind", upload.KINDS)
def test_templates_validate_and_explain_every_column(dataset, kind):
    data = template_xlsx(kind)
    rep = report(dataset, data, kind=kind, name="modele.xlsx")
    assert rep.problems == ()
    assert rep.n_valid == 1
    assert notes(rep)[0] == "Feuille lue : « Données » (le classeur en contient 2)."
    assert list(explanation_frame(kind)["colonne"]) == list(template_frame(kind).columns)


def test_perceptions_get_generated_ids_and_share_range(dataset):
    text = "niveau,code,acteur,domaine,etude,question,mesure,valeur\n"
    text += "region,53,citoyens,emploi,E,Q,share,40\nregion,53,citoyens,sante,E,Q,share,140\n"
    rep = report(dataset, text, kind="perceptions")
    assert rep.tables["perceptions"]["perception_id"].tolist() == ["upload-1-PER-2"]
    assert rep.tables["perceptions"]["actor_label"].tolist() == ["Citoyens"]
    assert messages(rep) == [
        "fichier a.csv, ligne 3, colonne « valeur » : valeur hors de l'échelle de la mesure (part 0–100, note 0–10, rang ≥ 1)"
    ]


def test_missing_source_is_refused():
    assert [p.text("fr") for p in upload.source_problems(upload.SourceInfo("Titre", " ", ""))] == [
        "Source manquante : indiquez éditeur et licence avant d'appliquer l'import."
    ]
    assert upload.source_problems(upload.SourceInfo("T", "P", "L")) == []


def test_a_source_that_would_make_links_or_images_is_refused():
    source = upload.SourceInfo("Enquête ![](http://example.com/p.png)", "Moi", "<b>CC</b>")
    assert [p.text("fr") for p in upload.source_problems(source)] == [
        "Source : le champ « titre » contient [ ], caractères non acceptés (ils créeraient des "
        "liens ou des images dans les pages).",
        "Source : le champ « licence » contient < >, caractères non acceptés (ils créeraient "
        "des liens ou des images dans les pages).",
    ]


def test_the_provider_serves_the_session_uploads(dataset):
    rep = report(dataset, HEADER + "region;53;x;X;emploi;%;true;2024;5\n")
    layer = upload.upload_layer(rep, upload.SourceInfo("Enquête", "Ville", "CC BY"), "upload-1")
    assert layer.label == "données importées : Enquête"
    assert layer.tables["sources"]["source_id"].tolist() == ["upload-1"]
    assert active_layers({upload.UPLOADS_KEY: [layer]}) == [layer]
    assert active_layers({}) == []
    assert upload.next_upload_id([layer]) == "upload-2"


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.csv", "a.xlsx", "a.txt"]))
def test_random_bytes_never_crash(dataset, data, name):
    """Read in this process (the worker would turn a crash into a refusal): only UploadError."""
    try:
        raw = upload.raw_upload(upload_read.read_table(upload_read.upload_kind(name, data), data))
    except UploadError as error:
        assert str(error)
        return
    rep = validate_upload(raw, "indicators", dataset, "upload-1", name)
    assert rep.n_valid + len({p.line for p in rep.problems}) >= 0


def test_uploaded_initiatives_join_the_map_and_the_directory_labelled(dataset):
    from lib import initiatives
    from lib.datasets import combine

    text = (
        "niveau;code;nom;description;acteurs;domaines;pratique;annee\n"
        "commune;29019;Club RSE brestois;Des entreprises accompagnent des jeunes.;"
        "entreprises / associations;emploi, jeunesse;innovation_societale;2024\n"
        "department;99;Inconnu;x;entreprises;;;\n"
        "region;53;Acteur faux;x;martiens;emploi;;\n"
    )
    rep = report(dataset, text, kind="initiatives")
    assert messages(rep) == [
        "fichier a.csv, ligne 3, colonne « code » : territoire inconnu : niveau « department », code « 99 »",
        "fichier a.csv, ligne 4, colonne « acteurs » : identifiant inconnu dans la liste « martiens » (séparateur « ; »)",
    ]
    row = rep.tables["initiatives"].iloc[0]
    assert (row["initiative_id"], row["territory_id"], row["placement_level"]) == (
        "upload-1-INI-2",
        "COM-29019",
        "commune",
    )
    assert (row["actor_ids"], row["domain_ids"]) == ("entreprises;associations", "emploi;jeunesse")
    assert row["quote"] == "citation non fournie (données importées)"  # never invented

    layer = upload.upload_layer(
        rep, upload.SourceInfo("Annuaire local", "Ville de Brest", "CC BY"), "upload-1"
    )
    combined = combine(dataset, [layer])
    chosen = initiatives.filter_initiatives(
        combined, "REG-53", ("associations",), ("jeunesse",), (), "all", ""
    )
    assert chosen["initiative_id"].tolist() == ["upload-1-INI-2"]
    assert chosen["origin"].tolist() == ["données importées : Annuaire local"]
    points = initiatives.points_frame(combined, chosen)
    assert points["name"].tolist() == ["Club RSE brestois"]
    assert len(combined.initiatives) == len(dataset.initiatives) + 1


def test_a_csv_whose_rows_all_have_an_extra_cell_is_refused_not_misread():
    with pytest.raises(upload.UploadError, match="le nombre de colonnes varie"):
        upload.read_upload("a.csv", b"a;b\n1;2;3\n4;5;6\n")


def test_the_last_check_is_remembered_in_the_session_not_redone(dataset, monkeypatch):
    memo: dict = {}
    data = (HEADER + "departement;29;x;X;emploi;%;true;2024;12,5\n").encode()
    first = upload.checked_upload(memo, "a.csv", data, "indicators", dataset, "upload-1")
    calls = []
    monkeypatch.setattr(upload_check, "validate_upload", lambda *a: calls.append(a))
    again = upload.checked_upload(memo, "a.csv", data, "indicators", dataset, "upload-1")
    assert again is first and calls == []
    changed = upload.checked_upload(memo, "a.csv", data + b"\n", "indicators", dataset, "upload-1")
    assert changed is None and len(calls) == 1  # another content is checked again


def test_a_remembered_unreadable_file_gives_the_same_message(dataset):
    memo: dict = {}
    for _ in range(2):
        with pytest.raises(UploadError, match="Le fichier est vide"):
            upload.checked_upload(memo, "a.csv", b"", "indicators", dataset, "upload-1")


# --- hostile files: refused by a limit of lib/settings.py, in the worker process ----------------


def excel_ratio_message(data: bytes) -> str:
    parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    ratio = sum(p.file_size for p in parts) // sum(p.compress_size for p in parts)
    return (
        f"Le classeur se décompresse {ratio} fois : la limite est de 100 fois (un classeur "
        "ordinaire, 5 à 20 fois). Enregistrez les données en CSV."
    )


def many_parts() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(201):
            archive.writestr(f"xl/part{n}.xml", "<a/>")
    return buffer.getvalue()


def long_shared_string(rows: int, length: int) -> bytes:
    """A header row, then `rows` rows whose one cell is the same string of `length` letters."""
    header = b'<row r="1"><c t="s"><v>1</v></c></row>'
    cells = (b'<row r="%d"><c t="s"><v>0</v></c></row>' % r for r in range(2, rows + 2))
    texts = [b"<si><t>" + b"a" * length + b"</t></si>", b"<si><t>note</t></si>"]
    return hostile_files.workbook(itertools.chain([header], cells), texts)


single_cell_of_300_mb = functools.cache(hostile_files.excel_single_cell)  # built once (~2 s)
COLUMNS_300 = (
    "Le fichier compte au moins 300 colonnes (ligne 1) : la limite est de 50 colonnes par "
    "import. Gardez les colonnes du modèle."
)
HOSTILE_FILES = [
    ("Excel bomb, 5,000 × 300 cells in 95 KB", "a.xlsx", hostile_files.excel_bomb, None),
    (
        "Excel bomb, one cell of 300 MB",
        "a.xlsx",
        single_cell_of_300_mb,
        "Le classeur décompressé pèserait 300 Mo : la limite est de 50 Mo par import. "
        "Découpez-le ou enregistrez-le en CSV.",
    ),
    (
        "Excel bomb hiding its ratio behind 2 MB of noise: stopped at its first row",
        "a.xlsx",
        lambda: hostile_files.excel_bomb(3_000, 300, padding=2_000_000),
        COLUMNS_300,
    ),
    (
        "Excel bomb of 44 MB of XML behind 4 MB of noise, without <dimension>",
        "a.xlsx",
        lambda: hostile_files.excel_bomb(7_000, 300, padding=4_000_000, dimension=False),
        COLUMNS_300,  # openpyxl does not parse the whole sheet as it opens the workbook
    ),
    (
        "Excel workbook of 201 parts",
        "a.xlsx",
        many_parts,
        "Le classeur contient 201 parties internes : la limite est de 200. Enregistrez les "
        "données dans un classeur simple ou en CSV.",
    ),
    (
        "Excel sheet of 50,001 rows",
        "a.xlsx",
        lambda: hostile_files.workbook(hostile_files.rows_of(50_002, 1)),
        "Le fichier compte au moins 50\u00a0001 lignes : la limite est de 50\u00a0000 lignes par "
        "import. Découpez-le en plusieurs fichiers.",
    ),
    (
        "Excel cell of 2,001 characters",
        "a.xlsx",
        lambda: long_shared_string(1, 2_001),
        "Le fichier contient une cellule de plus de 2\u00a0000 caractères en ligne 2 : la limite "
        "est de 2\u00a0000 caractères par cellule. Raccourcissez ce texte.",
    ),
    (
        "Excel sheet of 10,002,000 characters (5,001 cells of 2,000)",
        "a.xlsx",
        lambda: long_shared_string(5_001, 2_000),
        "Le fichier compte plus de 10\u00a0000\u00a0000 caractères : la limite est de "
        "10\u00a0000\u00a0000 caractères par import. Découpez-le en plusieurs fichiers.",
    ),
    (
        "CSV of 100,000 columns",
        "a.csv",
        hostile_files.wide_csv,
        "Le fichier compte au moins 100\u00a0000 colonnes (ligne 1) : la limite est de 50 "
        "colonnes par import. Gardez les colonnes du modèle.",
    ),
    (
        "CSV cell of 200 KB (more than the csv module's 128 KB)",
        "a.csv",
        lambda: b"a;b\n1;" + b"x" * 200_000 + b"\n",
        "Le fichier contient une cellule de plus de 2\u00a0000 caractères en ligne 2 : la limite "
        "est de 2\u00a0000 caractères par cellule. Raccourcissez ce texte.",
    ),
    (
        "CSV of 500,050 cells (10,001 rows of 50)",
        "a.csv",
        lambda: (",".join(["a"] * 50) + "\n").encode() * 10_002,
        "Le fichier compte plus de 500\u00a0000 cellules : la limite est de 500\u00a0000 "
        "cellules par import. Découpez-le en plusieurs fichiers.",
    ),
    (
        "CSV in UTF-32",
        "a.csv",
        lambda: HEADER.encode("utf-32"),
        "Encodage UTF-32 non pris en charge : enregistrez le fichier en CSV UTF-8 (ou « CSV "
        "(séparateur : point-virgule) » dans Excel).",
    ),
]


@pytest.mark.parametrize(
    ("case", "name", "build", "message"), HOSTILE_FILES, ids=[c[0] for c in HOSTILE_FILES]
)
def test_a_hostile_file_is_refused_by_its_limit(case, name, build, message):  # noqa: ARG001
    data = build()
    assert len(data) <= 5 * 1024 * 1024
    with pytest.raises(UploadError) as error:
        read_upload(name, data)
    assert str(error.value) == (message or excel_ratio_message(data))


def test_the_zip_is_checked_before_openpyxl_opens_it(monkeypatch):
    import openpyxl

    def no_opening(*_args, **_kwargs):
        raise AssertionError("opened")

    monkeypatch.setattr(openpyxl, "load_workbook", no_opening)
    with pytest.raises(UploadError, match="pèserait 300 Mo"):
        upload_read.read_table("excel", single_cell_of_300_mb())


def test_a_merged_range_is_found_in_a_sheet_read_in_chunks():
    rows = hostile_files.rows_of(4_000, 10)  # about 1 MB of XML before <mergeCells>
    data = hostile_files.workbook(itertools.chain(rows, [b"</sheetData><mergeCells>"
        b'<mergeCell ref="B2:C2"/><mergeCell ref="A7:A9"/></mergeCells><sheetData>']))  # fmt: skip
    with pytest.raises(UploadError) as error:
        upload_read.read_table("excel", data)
    assert str(error.value).startswith("Cellules fusionnées (B2:C2, A7:A9) dans la feuille")


def test_cells_a_spreadsheet_would_run_as_formulas_are_reported_not_negative_numbers(dataset):
    rows = (
        "region;53;x;X;emploi;points;true;2024;-3,5\n"
        "region;52;x;X;emploi;points;true;2024;=1+1\n"
        "region;11;x;@SUM(A1);emploi;points;true;2024;5\n"
        'region;24;x;"\t=cmd";emploi;points;true;2024;5\n'
        "region;27;x;-abc;emploi;points;true;2024;5\n"
        "region;28;x;X;emploi;points;true;2024;+1 234,5\n"
    )
    rep = report(dataset, HEADER + rows)
    assert messages(rep) == [
        "fichier a.csv, ligne 3, colonne « valeur » : formule « =1+1 » en I3 : saisissez la valeur elle-même",
        "fichier a.csv, ligne 4, colonne « libelle » : formule « @SUM(A1) » en D4 : saisissez la valeur elle-même",
        "fichier a.csv, ligne 5, colonne « libelle » : formule « \t=cmd » en D5 : saisissez la valeur elle-même",
        "fichier a.csv, ligne 6, colonne « libelle » : formule « -abc » en D6 : saisissez la valeur elle-même",
    ]
    assert rep.tables["indicators"]["value"].tolist() == [-3.5, 1234.5]


def test_the_worker_memory_cap_and_timeout_give_french_refusals():
    line = b"commune;29019;x_bench;X;emploi;%;true;2024;12,5\n"
    data = HEADER.encode() + line * 49_000  # about 80 MB once read
    with pytest.raises(UploadError) as error:
        upload_worker.read_isolated("csv", data, memory=48 * 1024 * 1024)
    assert str(error.value) == (
        "La lecture du fichier demande plus que la limite de 48 Mo de mémoire : découpez-le en "
        "plusieurs fichiers ou enregistrez-le en CSV."
    )
    with pytest.raises(UploadError) as error:
        upload_worker.read_isolated("csv", data, seconds=0.001)  # Python cannot even start
    assert str(error.value) == (
        "La lecture du fichier a dépassé la limite de 1 s : découpez-le en plusieurs fichiers "
        "ou enregistrez-le en CSV."
    )
    assert len(upload_worker.read_isolated("csv", data).rows) == 49_000


def test_the_worker_process_reads_the_file_without_loading_pandas():
    """The command `read_isolated` runs: its package's `__init__` loads no validation code."""
    command = [sys.executable, "-E", "-s", "-X", "importtime", "-m", "lib.upload.worker"]
    done = subprocess.run(
        [*command, "csv", str(2**30), "10"],
        input=b"a;b\n1;2,5\n",
        capture_output=True,
        cwd=upload_worker.ROOT,
        check=True,
    )
    loaded = {line.rsplit("|", 1)[1].strip() for line in done.stderr.decode().splitlines()}
    assert {"lib.upload", "lib.upload.read"} <= loaded
    assert not loaded & {"pandas", "numpy", "lib.upload.validate", "lib.schema"}
    assert json.loads(done.stdout)["table"]["rows"] == [["1", "2,5"]]


def test_a_worker_crash_is_logged_and_refused_without_its_traceback(caplog):
    with pytest.raises(UploadError) as error:
        upload_worker.read_isolated("csv", b"a\n1\n", memory="x")  # the worker's int() fails
    assert str(error.value) == (
        "La lecture du fichier a échoué (erreur du lecteur) : découpez-le en plusieurs fichiers "
        "ou enregistrez-le en CSV."
    )
    assert "Traceback" in caplog.text and "ValueError" in caplog.text


def test_when_every_worker_is_busy_the_upload_is_refused(monkeypatch):
    monkeypatch.setattr(upload_worker, "_SLOTS", threading.BoundedSemaphore(1))
    upload_worker._SLOTS.acquire()
    with pytest.raises(UploadError) as error:
        upload_worker.read_isolated("csv", b"a\n1\n", seconds=0.01)
    assert str(error.value) == (
        "Trop de fichiers sont en cours de lecture sur le serveur : réessayez dans un instant."
    )


SERVER_MEMORY = """
import resource, sys
from lib.upload import UploadError, read_upload
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    read_upload("bombe.xlsx", data)
except UploadError as error:
    print(error)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def test_refusing_the_bomb_leaves_the_server_memory_as_it_was(tmp_path):
    """In a fresh process: the peak resident memory (KiB) before and after refusing it."""
    bomb = tmp_path / "bombe.xlsx"
    bomb.write_bytes(hostile_files.excel_bomb(50_000, 300))  # 932 KB, 301 MB once expanded
    done = subprocess.run(
        [sys.executable, "-c", SERVER_MEMORY, str(bomb)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        check=True,
    )
    message, growth = done.stdout.splitlines()
    assert message.startswith("Le classeur décompressé pèserait 301 Mo")
    assert int(growth) < 20 * 1024


# --- a consultant's own file: mapping, names, existing indicators, one complete report --------

CONSULTANT = "Niveau;Code INSEE;Territoire;Indicateur;Valeur;Année;Source\n"


def consultant(rows: str, dataset, mapping=None):
    raw = read_upload("gp.csv", (CONSULTANT + rows).encode("cp1252"))
    return validate_upload(raw, "indicators", dataset, "upload-1", "gp.csv", mapping)


def test_the_mapping_is_proposed_from_french_headers_and_values(dataset):
    rows = "Département;1;Ain;Densité de médecins généralistes;80,5;2023;DREES\n"
    raw = read_upload("gp.csv", (CONSULTANT + rows).encode())
    names = functools.partial(upload.territory_name_keys, dataset)
    assert upload_mapping.propose_mapping(raw.frame, upload.FIELDS["indicators"], names) == {
        "Niveau": "level",
        "Code INSEE": "code",
        "Territoire": "territory_name",  # names: a check, never a code
        "Indicateur": "indicator_id",
        "Valeur": "value",
        "Année": "period",
        "Source": "source",
    }
    coded = read_upload("a.csv", b"TERRITOIRE;Nom;VAL;periode\nDEP-29;Mon taux;5;2024\n")
    assert upload_mapping.propose_mapping(coded.frame, upload.FIELDS["indicators"], names) == {
        "TERRITOIRE": "territory_id",
        "Nom": "label_fr",
        "VAL": "value",
        "periode": "period",
    }
    earlier = {"Territoire": "non_utilisee", "Valeur": "note"}  # confirmed before: it wins
    proposal = upload_mapping.propose_mapping(
        raw.frame, upload.FIELDS["indicators"], names, earlier
    )
    assert (proposal["Territoire"], proposal["Valeur"]) == ("non_utilisee", "note")


def test_a_mapping_is_saved_as_csv_and_read_back():
    mapping = {"Niveau": "level", "Commentaire": "non_utilisee", "Valeur": "value"}
    table = upload_mapping.mapping_frame(mapping)
    assert table.columns.tolist() == ["colonne du fichier", "champ"]
    text = table.to_csv(sep=";", index=False).encode()
    back = read_upload("correspondance.csv", text).frame
    assert upload_mapping.mapping_from_frame(back, upload.FIELDS["indicators"]) == mapping
    with pytest.raises(ValueError, match="n'est pas une correspondance de colonnes"):
        upload_mapping.mapping_from_frame(read_upload("a.csv", b"a;b\n1;2\n").frame, [])


def test_an_existing_indicator_named_by_its_label_needs_no_metadata_and_the_source_is_read(
    dataset,
):
    rows = (
        "Département;1;Ain;Densité de médecins généralistes;80,5;2023;DREES RPPS\n"
        "Département;2;Aisne;densite_generalistes;70,1;2023;DREES RPPS\n"
        "Département;;Allier;DENSITE DE MEDECINS GENERALISTES;90;2023;Ordre des médecins\n"
    )
    rep = consultant(rows, dataset)
    assert rep.problems == ()
    values = rep.tables["indicators"].set_index("territory_id")["value"].to_dict()
    assert values == {"DEP-01": 80.5, "DEP-02": 70.1, "DEP-03": 90.0}  # Allier by its name
    meta = rep.tables["indicator_meta"].iloc[0]
    assert (meta["indicator_id"], meta["unit"], meta["domain_id"]) == (
        "densite_generalistes",
        "pour 100 000 habitants",
        "sante",
    )
    assert meta["higher_is_worse"] == False  # noqa: E712 (numpy bool)
    assert rep.sources == ("DREES RPPS", "Ordre des médecins")


def test_every_problem_is_reported_in_one_pass_with_the_users_headers(dataset):
    rows = (
        "Département;1;AIN;taux_maison;abc;2023;X\n"  # new indicator lacking its metadata
        "Département;4;Ain;taux_maison;5;2023;X\n"  # name of another department
        "Département;99;Nulle part;taux_maison;6;2023;X\n"
        "Département;;Saint-Denis;taux_maison;7;2023;X\n"  # no code, name of no department
        "Département;4;Alpes-de-Haute-Provence;taux_maison;8;2023;X\n"  # same key as row 3
    )
    rep = consultant(rows, dataset)
    assert messages(rep) == [
        "fichier gp.csv, ligne 2, colonne « Indicateur » : nouvel indicateur « taux_maison » : "
        "indiquez son nom (colonne « libelle »), son unité (colonne « unite »), son domaine "
        "(colonne « domaine ») et son orientation (colonne « plus_est_fragile »), ou nommez un "
        "indicateur existant par son identifiant ou son nom",
        "fichier gp.csv, ligne 3, colonne « Territoire » : le nom « Ain » ne correspond pas au "
        "code : celui-ci désigne Alpes-de-Haute-Provence (DEP-04) ; corrigez le code ou le nom",
        "fichier gp.csv, ligne 4, colonne « Code INSEE » : territoire inconnu : niveau "
        "« Département », code « 99 »",
        "fichier gp.csv, ligne 5, colonne « Territoire » : territoire inconnu : nom "
        "« Saint-Denis » (et pas de code INSEE)",
        "fichier gp.csv, ligne 6 : ligne en double : même territoire, indicateur et période que "
        "la ligne 3",
    ]
    assert rep.n_valid == 0
    table = upload.problems_table(rep.problems, "fr")
    assert table["Ligne"].tolist() == ["2", "3", "4", "5", "6"]
    assert upload.fix_hints(rep.problems, "fr") == [
        "Nouvel indicateur : ajoutez son nom, son unité, son domaine et son orientation, ou "
        "nommez un indicateur existant par son identifiant ou son nom exact.",
        "Nom du territoire : il doit être celui du code ; corrigez le code ou le nom (sans code, "
        "un nom porté par un seul territoire suffit).",
        "Territoire : indiquez le niveau (région, département, commune) et le code INSEE (zéros "
        "initiaux facultatifs : 1 pour l'Ain), ou l'identifiant du projet (DEP-01).",
        "Doublon : gardez une seule ligne par territoire, indicateur et période.",
    ]


def test_missing_columns_come_first_then_every_row_problem(dataset):
    mapping = {"Niveau": "level", "Code INSEE": "code", "Indicateur": "indicator_id"}
    mapping |= {"Valeur": "value", "Territoire": "territory_name", "Source": "source"}
    rep = consultant("Département;99;X;densite_generalistes;abc;2023;S\n", dataset, mapping)
    assert messages(rep) == [
        "fichier gp.csv, colonne « annee » : colonne obligatoire absente : ajoutez-la au fichier, "
        "ou associez-lui une de vos colonnes à l'étape « Correspondance des colonnes »",
        "fichier gp.csv, ligne 2, colonne « Code INSEE » : territoire inconnu : niveau "
        "« Département », code « 99 »",
        "fichier gp.csv, ligne 2, colonne « Valeur » : valeur « abc » illisible : un nombre attendu",
    ]
    assert upload.problems_table(rep.problems, "fr")["Ligne"].tolist() == ["", "2", "2"]
    assert "Colonne non utilisée : « Année »." in notes(rep)


def test_a_new_indicator_sharing_an_embedded_label_says_it_is_imported(dataset):
    text = HEADER + "region;53;ma_densite;Densité de médecins généralistes;sante;‰;false;2024;5\n"
    rep = report(dataset, text)
    meta = rep.tables["indicator_meta"].iloc[0]
    assert meta["indicator_id"] == "ma_densite"
    assert meta["label_fr"] == "Densité de médecins généralistes (données importées)"
    assert meta["label_en"] == "Densité de médecins généralistes (imported data)"
    combined = combine(dataset, [upload.upload_layer(rep, upload.SourceInfo("T", "P", "L"), "u")])
    choices = explore.labels(combined, "fr").selections  # the map's indicator list
    assert choices["densite_generalistes"] == "Densité de médecins généralistes"
    assert choices["ma_densite"] == "Densité de médecins généralistes (données importées)"


def test_a_source_without_a_year_has_no_empty_brackets():
    from lib.datasets import source_texts

    sources = pd.DataFrame(
        {
            "source_id": ["a", "b"],
            "publisher": ["P", "Q"],
            "title": ["T", "U"],
            "year": ["", "2023"],
        }
    )
    assert source_texts(sources) == {"a": "P, T", "b": "Q, U (2023)"}


def test_problems_and_notes_read_in_english_name_the_users_column_and_row(dataset):
    rows = "".join(f"region;{code};taux_chomage;2024;{value}\n" for code, value in (
        ("53", "7,5"), ("52", "8"), ("11", "douze"),
    ))  # fmt: skip
    rep = report(dataset, "niveau;code_insee;indicateur;annee;Valeur;couleur\n" + rows)
    (problem,) = rep.problems
    assert (problem.line, problem.column) == (4, "Valeur")
    assert problem.located("en") == (
        "file a.csv, row 4, column “Valeur”: unreadable value “douze”: a number expected"
    )
    assert (
        str(problem)
        == problem.located("fr")
        == (
            "fichier a.csv, ligne 4, colonne « Valeur » : valeur « douze » illisible : un nombre "
            "attendu"
        )
    )
    assert notes(rep, "en") == [
        "Encoding detected: UTF-8; separator: semicolon.",
        "Column not used: “couleur”.",
        "Decimal comma read in the column “Valeur”.",
        "Indicator already in the embedded data: taux_chomage. The uploaded values replace the "
        "embedded values for the same territories (and their metadata replace theirs).",
    ]
    assert upload.fix_hints(rep.problems, "en") == [
        "Value: a number alone (decimal comma or point, no unit or text); a percentage between "
        "0 and 100."
    ]


def test_a_refused_file_is_explained_in_english():
    with pytest.raises(UploadError) as error:
        read_upload("a.csv", b"a\n" + b"1\n" * 50_001)
    assert error.value.text("en") == (
        "The file has at least 50,001 rows: the limit is 50,000 rows per upload. Split it into "
        "several files."
    )
    assert str(error.value).startswith("Le fichier compte au moins 50\u00a0001 lignes")
