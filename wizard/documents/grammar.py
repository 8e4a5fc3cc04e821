"""The documents' grammar: when a text after a bold label goes on in lower case. Its word
lists are grammar data (French and English function words), not texts people read."""
from __future__ import annotations

import re
from functools import cache

from wizard.vocabulary import ids as vocabulary_ids
from wizard.vocabulary import label as vocabulary_label

_LETTERS = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(r"[ \u00a0\u202f]+([^\W\d_]+)")
# Function words: a sentence that starts with one goes on in lower case even before a
# capitalised name (« la Mission Locale de Limoges », « since Act no. 2024-120 »).
_LEADING = frozenset(["le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "à", "au", "aux", "en", "par", "pour", "sur", "sous", "dans", "avec", "chaque", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "depuis", "selon", "après", "avant", "comme", "si", "quand", "lorsque", "dès", "the", "a", "an", "in", "on", "by", "for", "at", "with", "from", "under", "each", "every", "this", "these", "our", "your", "their", "its", "since", "according", "after", "before", "as", "if", "when"])


@cache
def _proper_names() -> tuple[str, ...]:
    return tuple(dict.fromkeys(vocabulary_label("channel", c, lang) for c in vocabulary_ids("channel")
                               for lang in ("fr", "en")))


def after_label(label_: str, text: str, keep: tuple[str, ...] = ()) -> str:
    """The text after a bold label that ends with a colon goes on in lower case, as inside a
    sentence: « Circuit de validation : les publications… », « Repère : à la Mission Locale… ».
    Kept as written: acronyms and names with a capital inside (PIJ, TikTok), channel names and
    the names in `keep`, two capitalised words in a row (« Mission Locale de Limoges »), and
    any text after a label that does not end with a colon."""
    if not text or not label_.rstrip(" \u00a0\u202f").endswith(":"):
        return text
    first = _LETTERS.match(text)
    if not first:
        return text  # a quotation mark, a figure
    word = first.group(0)
    if not word[0].isupper() or any(c.isupper() for c in word[1:]) or word == "I":
        return text
    if any(name and text.startswith(name) for name in (*_proper_names(), *keep)):
        return text
    rest = text[first.end():]
    following = _NEXT_WORD.match(rest)
    if following and following.group(1)[0].isupper() and word.lower() not in _LEADING:
        return text
    return text[0].lower() + text[1:]
