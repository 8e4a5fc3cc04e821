"""Invisible characters out of text typed by a person: one policy for the whole app.

Text typed in the chat (a structure name, a refused answer echoed back) ends up in
Streamlit, in the PDF and in the Word file. Some invisible characters in it would
change what *our* text around it looks like, or cannot be stored or printed:

- C0 / C1 control characters (category Cc): terminal escapes, NUL, DEL…;
- bidi embeddings, overrides and isolates, `BIDI_CONTROLS`: U+202A LRE, U+202B RLE,
  U+202C PDF, U+202D LRO, U+202E RLO, U+2066 LRI, U+2067 RLI, U+2068 FSI, U+2069 PDI.
  An unterminated U+202E (RIGHT-TO-LEFT OVERRIDE) typed in a name reverses the rest of
  the line it is shown in, our own words included (« Trojan Source » trick);
- the byte order mark U+FEFF (pasted from some files; a zero-width no-break space);
- lone surrogates (category Cs), which are not characters and cannot be encoded.

Kept on purpose, because real text needs them and they affect one character only:
- the bidi marks `BIDI_MARKS`: U+200E LRM, U+200F RLM, U+061C ALM (Arabic letter
  mark), used to place punctuation correctly in mixed Arabic/Hebrew and Latin text;
- U+200D ZERO WIDTH JOINER (emoji sequences such as 👨‍👩‍👧, Indic scripts) and
  U+200C ZERO WIDTH NON-JOINER (Persian, Arabic), and every other format character.

Renderers with stricter needs (the PDF fonts) filter further on their own.
"""
from __future__ import annotations

import unicodedata

__all__ = ["BIDI_CONTROLS", "BIDI_MARKS", "BOM", "INVISIBLE_CONTROLS", "escape_controls", "single_line",
           "strip_controls"]

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Bidi embeddings, overrides and isolates: always removed from typed text."""

BIDI_MARKS = frozenset("\u200e\u200f\u061c")
"""Bidi marks (LRM, RLM, ALM): kept, they only set the direction of one spot."""

BOM = "\ufeff"

INVISIBLE_CONTROLS = BIDI_CONTROLS | {BOM}
"""The format characters (category Cf) strip_controls removes; the others stay."""

# Control characters that separate words or lines: they become whitespace, never nothing,
# so that « Maison\x0bdes jeunes » does not turn into « Maisondes jeunes ».
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines() splits on


def strip_controls(text: str, *, keep_newlines: bool = True) -> str:
    """`text` without control characters, bidi embeddings/overrides/isolates, BOM and
    lone surrogates. Everything else (emoji, joiners, right-to-left letters, bidi marks,
    Markdown, HTML) is left as typed; nothing is trimmed or collapsed.

    Whitespace control characters are turned into whitespace rather than dropped:
    with keep_newlines=True a line break (``\\n``, ``\\r\\n``, ``\\r``, ``\\v``, ``\\f``,
    U+0085, U+001C–U+001E, U+2028, U+2029) becomes ``\\n`` and a tab stays ``\\t``; with
    keep_newlines=False each of them, tabs included, becomes one space.
    """
    text = text.replace("\r\n", "\n")
    out: list[str] = []
    for ch in text:
        if ch in _LINE_BREAKS:
            out.append("\n" if keep_newlines else " ")
        elif ch == "\t" or ch == "\x1f":  # tab, unit separator (str.isspace() says whitespace)
            out.append("\t" if keep_newlines and ch == "\t" else " ")
        elif ch in INVISIBLE_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs"):
            continue
        else:
            out.append(ch)
    return "".join(out)


_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(ch: str) -> str:
    if ch in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """`text` with every character strip_controls removes, and the line and paragraph
    separators U+2028 / U+2029, written as a backslash sequence (``\\x1b``, ``\\n``,
    ``\\u202e``): for echoing what a person gave us in an error line, which must stay
    one line, not colour the terminal, and still show what was there. Letters of every
    script, emoji, joiners, bidi marks and « » are left as they are. Idempotent."""
    return "".join(_escaped(ch) if _must_escape(ch) else ch for ch in text)


def _must_escape(ch: str) -> bool:
    return ch in INVISIBLE_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")


def single_line(text: object) -> str:
    """For a title, a heading, a document property, a table cell: typed text on one line, every
    run of whitespace one space, trimmed (strip_controls first: nothing invisible is kept)."""
    return " ".join(strip_controls("" if text is None else str(text), keep_newlines=False).split())
