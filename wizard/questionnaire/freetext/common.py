"""What every parser of freetext shares: the error, comparable forms of text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from wizard.questionnaire.freetext.messages import MESSAGES, NBSP, format_number, render

__all__ = ["NBSP", "NotUnderstood", "format_number", "normalize"]


class NotUnderstood(ValueError):
    """An answer a parser cannot use, and what is expected instead.

    `key` names the message (an entry of freetext.messages.MESSAGES), `values` fill it
    (raw numbers, lists of labels, the person's words), `lang` is the language of the
    answer; str() is the message in that language (vouvoiement and French typography
    in French), ready to show before asking again."""

    def __init__(self, key: str, values: Mapping[str, object] | None = None, lang: str = "fr") -> None:
        if key not in MESSAGES:
            raise KeyError(f"no message {key!r} in freetext.messages")
        self.key, self.values, self.lang = key, dict(values or {}), lang
        super().__init__(render(key, self.values, lang))

    def __reduce__(self):  # copy / pickle: rebuilt from its key, not from its text
        return type(self), (self.key, self.values, self.lang)


@dataclass(frozen=True)
class _Num:
    """A number found in an answer (digits or words), among the words of the answer."""

    value: float
    weak: bool = False  # a lone « un » / « une » (« one »): often an article (« un compte »)


Item = str | _Num  # an answer as the grammar reads it: folded words and numbers


def _fail(key: str, lang: str = "fr", **values: object) -> NotUnderstood:
    return NotUnderstood(key, values, lang)


def _echo(text: str, limit: int = 40) -> str:
    """The user's answer, tidied and shortened, to quote it in a message."""
    text = " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
