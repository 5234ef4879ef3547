"""Every limit and setting declared once (lib/settings.py), read by the code, shown as declared."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from lib import settings
from lib.workshop import busy, throttle
from lib.workshop.organiser import KEY_LIMIT
from lib.workshop.workshops import CHOICES_RANGE, CODE_LIMIT

ROOT = Path(__file__).resolve().parents[1]
CODE = [
    path
    for path in [*ROOT.glob("lib/**/*.py"), *ROOT.glob("views/**/*.py"), ROOT / "app.py"]
    if path.name != "settings.py"
]


def test_every_setting_is_a_constant_of_its_name_declared_once():
    assert len(settings.SETTINGS) == 39
    for name, setting in settings.SETTINGS.items():
        assert getattr(settings, name) == setting.value
        assert setting.unit and setting.doc
    with pytest.raises(ValueError, match="setting declared twice: UPLOAD_ROWS"):
        settings.declare("UPLOAD_ROWS", 1, "rows", "again")


def test_every_environment_variable_is_a_constant_naming_it_declared_once():
    assert list(settings.VARIABLES) == [
        "DATABASE_URL",
        "WORKSHOP_DB_PATH",
        "PUBLIC_BASE_URL",
        "ALLOW_METRICS",
    ]
    for name in settings.VARIABLES:
        assert getattr(settings, f"{name}_ENV") == name
    with pytest.raises(ValueError, match="variable declared twice: DATABASE_URL"):
        settings.variable("DATABASE_URL", "-", "again")


def test_every_setting_and_variable_is_read_by_the_code():
    code = "\n".join(path.read_text(encoding="utf-8") for path in CODE)
    names = [*settings.SETTINGS, *(f"{name}_ENV" for name in settings.VARIABLES)]
    unread = [name for name in names if not re.search(rf"\b{name}\b", code)]
    assert unread == []


def test_the_workshop_rules_come_from_the_registry():
    assert (KEY_LIMIT.free, CODE_LIMIT.free) == (5, 10)
    assert [KEY_LIMIT.wait_seconds(n) for n in (4, 5, 6, 12)] == [0, 30, 60, 900]
    assert throttle.Limit("any", free=1, refusal="-").max_wait_s == settings.LOCKOUT_MAX_WAIT
    assert list(CHOICES_RANGE) == [3, 4, 5]
    assert busy.ATTEMPTS == 3


def test_the_tables_show_each_value_in_its_unit():
    table = settings.settings_markdown().splitlines()
    assert table[0] == "| setting (`lib/settings.py`) | value | unit | what it sets |"
    assert len(table) == 2 + len(settings.SETTINGS)
    assert "| `UPLOAD_ROWS` | 50,000 | rows | data rows of an uploaded file |" in table
    assert "| `UPLOAD_BYTES` | 5 MiB | bytes | size of an uploaded file |" in table
    assert "| `SQLITE_BUSY_TIMEOUT` | 5,000 | ms |" in settings.settings_markdown()
    assert (
        "| `CODE_ALPHABET` | `0123456789ABCDEFGHJKMNPQRSTVWXYZ` | symbols | symbols of join codes"
        in settings.settings_markdown()
    )
    assert "| `BUSY_RETRY_PAUSES` | 0.05, 0.25 | seconds |" in settings.settings_markdown()
    variables = settings.variables_markdown().splitlines()
    assert variables[0] == "| environment variable | when unset | what it sets |"
    assert len(variables) == 2 + len(settings.VARIABLES)


def test_python_m_lib_settings_prints_both_tables():
    printed = subprocess.run(
        [sys.executable, "-m", "lib.settings"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert printed == settings.settings_markdown() + "\n\n" + settings.variables_markdown() + "\n"
