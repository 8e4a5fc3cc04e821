"""The note's fixed texts (wizard/catalogue/brief.yaml) and the small helpers every section uses."""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from wizard.formatting import lower_first, words_list  # noqa: F401  (lower_first: the note's sections import it here)
from wizard.i18n import table


def lang_key(lang: str) -> str:
    return "en" if lang == "en" else "fr"


@cache
def texts(lang: str) -> Mapping[str, str]:
    """Every text of the note in one language (French typeset at load)."""
    return table("brief", lang_key(lang))


def join(words: list[str], lang: str) -> str:
    """« A, B et C » (Babel's list patterns)."""
    return words_list(words, lang)


def sep(lang: str) -> str:
    """The colon after a bold label: « Repère : » in French, "Evidence: " in English."""
    return texts(lang)["sep"]


def end(text: str) -> str:
    """A sentence closed by a full stop (a clause from the knowledge has none)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«A-ZÀÂÉÈÊÎÔÛÇ])")
# A full stop that ends no sentence: an abbreviation (« art. L121-2 », « s. 4.1 », « no. 2 »,
# « p. 12 ») or an initial (« E. Sinoussi »).
_ABBREVIATION = re.compile(r"(?:\b(?:art|arts|al|cf|p|pp|s|ss|no|nos|n°|ch|vol|chap|etc|M|Mme|Dr|St)|\b[A-Z])\.$")


def sentences(text: str, n: int) -> str:
    """The first `n` sentences of a text (an abbreviation's full stop does not end one)."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return " ".join(out[:n])
