"""Plain text for Word: what XML can carry, one-line forms, numbers written as the app writes them."""
from __future__ import annotations

import math
import re

from wizard.formatting import hours, number
from wizard.textclean import single_line

# XML 1.0 forbids C0 controls (but tab, LF, CR), lone surrogates, U+FFFE/U+FFFF; C1 controls
# are allowed but never meant to be printed: every one of them is dropped.
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: object) -> str:
    """The text as typed, minus what XML cannot carry; line ends normalised to \\n."""
    text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_PRINTABLE.sub("", text)


def xml_line(text: object) -> str:
    """For headings, titles, properties: one line Word's XML can carry (textclean.single_line)."""
    return single_line(xml_text(text))


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def number_text(value: float | None, lang: str) -> str:
    """The app's way of writing numbers (wizard.formatting): « 3,5 »; « — » when there is none."""
    if not finite(value):
        return "—"
    return number(0.0 if value == 0 else float(value), lang)


def amount(value: float | None, unit: str, lang: str) -> str:
    """« 1 h 55 » for hours, as everywhere else in the app; « 12 posts » for any other unit."""
    if not finite(value):
        return "—"
    if unit == "h" and value >= 0:
        return hours(float(value), lang)
    text = number_text(value, lang)
    return f"{text}\u00a0{unit}" if unit else text
