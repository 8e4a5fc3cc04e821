"""Text hygiene for the PDF: what the shipped fonts can print, and small text helpers."""
from __future__ import annotations

import math
import re
import unicodedata

from wizard import formatting
from wizard.documents.pdf.fonts import coverage
from wizard.textclean import BIDI_MARKS

PLACEHOLDER = "\ufffd"  # printed for a character that no shipped font can draw

# Characters present in the four DejaVu faces: a text made only of them needs no check.
SAFE = re.compile("[\n\x20-\x7e\u00a0-\u017f\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e"
                  "\u2020\u2022\u2026\u202f\u2030\u2039\u203a\u20ac\u2122]*")
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
# Invisible format characters worth keeping: soft hyphen, zero-width space/joiners, word joiner.
_KEEP_FORMAT = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060"}

try:  # text shaping (Arabic joining, right-to-left order) needs uharfbuzz (requirements.txt)
    import uharfbuzz  # noqa: F401
    HAS_SHAPING = True
except ImportError:
    HAS_SHAPING = False


def printable_text(text: object, *, newlines: bool = True) -> str:
    """Plain text every shipped font combination can print.

    Control characters go (tabs become spaces, CR/LF become "\\n" or a space), invisible
    format characters the PDF cannot use go, and anything no font has becomes U+FFFD.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    if SAFE.fullmatch(text):
        return text if newlines else text.replace("\n", " ")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    try:
        text = unicodedata.normalize("NFC", text)
    except ValueError:  # pragma: no cover - NFC never fails on str, but never crash here
        pass
    cover = coverage()
    out: list[str] = []
    for ch in text:
        if ch == "\n":
            out.append("\n" if newlines else " ")
            continue
        code = ord(ch)
        category = unicodedata.category(ch)
        if category == "Cc":
            continue
        if category == "Cf":
            if ch in _KEEP_FORMAT and code in cover or ch in BIDI_MARKS and HAS_SHAPING:
                out.append(ch)
            continue
        if category in ("Cs", "Co") or category == "Cn" and code not in cover:
            out.append(PLACEHOLDER)
            continue
        if code in cover:
            out.append(ch)
        elif category in ("Mn", "Me"):
            continue  # a combining mark no font has: the base letter stays readable
        else:
            out.append(PLACEHOLDER)
    return "".join(out)


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def quantity(value: float, unit: str, lang: str) -> str:
    """4.5 h -> « 4 h 30 » (French) ; other units: « 12 posts »."""
    if unit == "h":
        return formatting.hours(value, lang)
    number = formatting.number(value, lang)
    return f"{number}\u00a0{unit}" if unit else number
