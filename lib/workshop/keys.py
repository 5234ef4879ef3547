"""Secrets: the organiser key (salted scrypt hash) and participant tokens (SHA-256 digest)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from lib.settings import CODE_ALPHABET, ORGANISER_KEY_LENGTH
from lib.workshop.codes import format_code, normalise, random_symbols

SCRYPT = {"n": 2**14, "r": 8, "p": 1}
SALT_BYTES = 16
TOKEN_BYTES = 16


def new_organiser_key() -> str:
    """A fresh organiser key, shown once, e.g. "7K2M-Q9XA-4RTV-B8HN" (case and dashes optional)."""
    return format_code(random_symbols(ORGANISER_KEY_LENGTH))


def _scrypt(key: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(normalise(key).encode(), salt=salt, n=n, r=r, p=p, dklen=32)


def hash_key(key: str) -> str:
    """ "scrypt$n$r$p$salt$hash" (hex): all a later check needs, never the key itself."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(key, salt, **SCRYPT)
    return "$".join(["scrypt", *(str(SCRYPT[name]) for name in "nrp"), salt.hex(), digest.hex()])


def has_key_shape(key: object) -> bool:
    """True when `key` (normalised) is 16 symbols of the alphabet, as every organiser key is."""
    if not isinstance(key, str):
        return False
    typed = normalise(key)
    return len(typed) == ORGANISER_KEY_LENGTH and all(symbol in CODE_ALPHABET for symbol in typed)


def key_matches(key: object, stored: str) -> bool:
    """True when `key` is the one `stored` was made from (constant-time comparison); a text
    that cannot be a key is refused without hashing."""
    if not has_key_shape(key):
        return False
    _, n, r, p, salt, digest = stored.split("$")
    candidate = _scrypt(key, bytes.fromhex(salt), int(n), int(r), int(p))
    return hmac.compare_digest(candidate, bytes.fromhex(digest))


def new_token() -> str:
    """A participant token (128 random bits, URL-safe): the participant's only identity."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: object) -> str:
    """What the database keeps of a token: its SHA-256 (a 128-bit random token needs no salt)."""
    return hashlib.sha256(str(token).encode(errors="surrogatepass")).hexdigest()
