"""What every parser of textparse shares: the error, messages, comparable forms of text."""

from __future__ import annotations

import re
import unicodedata

from wizard.i18n import typeset_fr

NBSP = "\u00a0"


class NotUnderstood(ValueError):
    """Raised with a friendly French message (vouvoiement, French typography)
    that says what is expected; the wizard shows it and asks again."""


def _fail(template: str, **values: object) -> NotUnderstood:
    """Typography on our template only, then the values (user text is quoted as typed)."""
    return NotUnderstood(typeset_fr(template).format(**values))


def _echo(text: str, limit: int = 40) -> str:
    """The user's answer, tidied and shortened, to quote it in a message."""
    text = " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def format_number(x: float) -> str:
    """French display of a number: 1500 -> « 1 500 » (no-break space), 2.5 -> « 2,5 »."""
    text = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0")
    return text.replace(",", NBSP).replace(".", ",")


_fmt = format_number

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def _fold(text: str) -> str:
    """Lowercase, no accents, single spaces (inner punctuation kept)."""
    if text.isascii():  # the common case: nothing to decompose
        return " ".join(text.lower().translate(_APOSTROPHES).split())
    text = unicodedata.normalize("NFKD", text.lower().translate(_APOSTROPHES)).lower()
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def normalize(text: str) -> str:
    """Comparable form of an answer: « Déjà  fait ! » -> « deja fait »."""
    text = _fold(text)
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


_PUNCTUATION = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    """normalize() with inner punctuation turned into spaces: « d'accord » -> « d accord »."""
    return " ".join(_PUNCTUATION.sub(" ", normalize(text)).split())


def _keys(*phrases: str) -> frozenset[str]:
    return frozenset(_key(p) for p in phrases)
