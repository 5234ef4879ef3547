"""Join codes: 8 random symbols of Crockford's base 32 (40 bits), shown as "ABCD-EFGH"."""

from __future__ import annotations

import secrets

from lib.settings import CODE_ALPHABET, JOIN_CODE_LENGTH

GROUP = 4
_TYPED_AS = str.maketrans({"I": "1", "L": "1", "O": "0", "-": None})


def random_symbols(length: int) -> str:
    """`length` symbols of CODE_ALPHABET drawn with `secrets` (5 bits each, never sequential)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def new_code() -> str:
    return random_symbols(JOIN_CODE_LENGTH)


def normalise(text: str) -> str:
    """Upper case, without spaces or dashes; I and L read as 1, O as 0 (Crockford's rule)."""
    return "".join(str(text).split()).upper().translate(_TYPED_AS)


def is_code(text: str) -> bool:
    """True when `text` (normalised) has the shape of a join code."""
    return len(text) == JOIN_CODE_LENGTH and all(symbol in CODE_ALPHABET for symbol in text)


def format_code(code: str) -> str:
    """Groups of 4 symbols joined by dashes: "ABCDEFGH" -> "ABCD-EFGH"."""
    code = normalise(code)
    return "-".join(code[start : start + GROUP] for start in range(0, len(code), GROUP))
