"""Join codes, organiser keys, participant tokens, lockout waits, messages (no database)."""

import itertools
import math
import re

from lib.labels.workshop_storage import LABELS
from lib.settings import CODE_ALPHABET, JOIN_CODE_LENGTH, ORGANISER_KEY_LENGTH
from lib.workshop import codes, keys
from lib.workshop.errors import WorkshopError, shown
from lib.workshop.organiser import KEY_LIMIT
from lib.workshop.text_checks import refused_character
from lib.workshop.workshops import CODE_LIMIT

SYMBOL = f"[{CODE_ALPHABET}]"


def _value(code: str) -> int:
    return sum(CODE_ALPHABET.index(symbol) * 32**power for power, symbol in enumerate(code[::-1]))


def test_alphabet_has_32_symbols_and_no_ambiguous_letter():
    assert len(CODE_ALPHABET) == len(set(CODE_ALPHABET)) == 32
    assert not set("ILOU") & set(CODE_ALPHABET)


def test_a_join_code_carries_at_least_40_bits():
    assert JOIN_CODE_LENGTH == 8
    assert JOIN_CODE_LENGTH * math.log2(len(CODE_ALPHABET)) >= 40


def test_codes_are_drawn_at_random_over_the_whole_alphabet():
    drawn = [codes.new_code() for _ in range(2000)]
    assert all(re.fullmatch(f"{SYMBOL}{{8}}", code) for code in drawn)
    assert len(set(drawn)) == len(drawn)
    for position in range(JOIN_CODE_LENGTH):  # a missing symbol has probability < 1e-25
        assert {code[position] for code in drawn} == set(CODE_ALPHABET)
    steps = [_value(after) - _value(before) for before, after in itertools.pairwise(drawn)]
    assert not {-1, 0, 1} & set(steps)  # never sequential
    assert len(set(steps)) > 1900


def test_codes_are_read_loosely_and_shown_in_two_groups():
    assert codes.normalise(" pesz-950k ") == "PESZ950K"
    assert codes.normalise("PESZ 95OK") == "PESZ950K"  # letter O typed for zero
    assert codes.normalise("iL23abcd") == "1123ABCD"
    assert codes.is_code("PESZ950K")
    assert not codes.is_code("PESZ950U")
    assert not codes.is_code("PESZ950")
    assert codes.format_code("pesz950k") == "PESZ-950K"


def test_organiser_key_has_80_bits_and_is_readable():
    key = keys.new_organiser_key()
    assert re.fullmatch(f"{SYMBOL}{{4}}(-{SYMBOL}{{4}}){{3}}", key)
    assert ORGANISER_KEY_LENGTH * math.log2(len(CODE_ALPHABET)) >= 80
    assert key != keys.new_organiser_key()


def test_organiser_key_hash_is_salted_scrypt_and_checks_the_key():
    key = keys.new_organiser_key()
    stored = keys.hash_key(key)
    assert stored.startswith("scrypt$16384$8$1$")
    assert codes.normalise(key) not in stored.upper()
    assert keys.hash_key(key) != stored  # salted
    assert keys.key_matches(key, stored)
    assert keys.key_matches(key.lower().replace("-", " "), stored)
    assert not keys.key_matches(keys.new_organiser_key(), stored)
    assert not keys.key_matches("", stored)
    assert not keys.key_matches(None, stored)
    assert not keys.key_matches("\ud800" * 16, stored)  # not a key's shape: no hash, no error
    assert not keys.key_matches(key + "A", stored)


def test_participant_tokens_are_random_and_kept_as_a_digest():
    token = keys.new_token()
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", token)  # 16 random bytes
    assert token != keys.new_token()
    assert re.fullmatch(r"[0-9a-f]{64}", keys.token_digest(token))
    assert keys.token_digest(token) == keys.token_digest(token)
    assert re.fullmatch(r"[0-9a-f]{64}", keys.token_digest("\ud800"))  # a lone surrogate too


def test_wait_after_wrong_keys_starts_at_the_fifth_doubles_and_is_capped():
    waits = [KEY_LIMIT.wait_seconds(failures) for failures in range(1, 12)]
    assert waits == [0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]


def test_wait_after_wrong_codes_starts_at_the_tenth_doubles_and_is_capped():
    waits = [CODE_LIMIT.wait_seconds(failures) for failures in range(1, 17)]
    assert waits == [0] * 9 + [30, 60, 120, 240, 480, 900, 900]


def test_refused_characters():
    assert refused_character("Atelier « mobilité » 2026 — Brest 👩‍💻") is None
    assert refused_character("a\u200db\u00adc") is None  # joiners and soft hyphens are text
    assert refused_character("deux\nlignes") == "\n"
    assert refused_character("deux\r\nlignes\tici", multiline=True) is None
    assert refused_character("x\x7f", multiline=True) == "\x7f"
    assert refused_character("\udc80", multiline=True) == "\udc80"
    assert refused_character("abc\u2066def") == "\u2066"


def test_values_quoted_in_messages_are_cut_to_40_characters():
    assert shown("emploi") == "emploi"
    assert shown("x" * 100) == "x" * 39 + "…"


def test_messages_exist_in_french_and_english():
    assert all(key.startswith("wsdb_") for key in LABELS)
    assert all(entry.get("fr") and entry.get("en") for entry in LABELS.values())
    error = WorkshopError("wsdb_wrong_count", expected=3, count=4)
    assert error.message == str(error) == "Choisissez exactement 3 domaines (4 choisis)."
    assert error.text("en") == "Choose exactly 3 domains (4 chosen)."
