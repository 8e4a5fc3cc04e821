"""Line breaking from glyph advances measured once: fpdf2's rules, in linear time.

fpdf2's `multi_cell` breaks lines one character at a time and, for each character, measures
the whole line again (`line_break.CurrentLine.width`), so a paragraph costs the square of its
length. `break_lines` makes the same decisions from integer advance widths summed once per
text (fonts.advances), so canvas.py can draw each line with `cell`:

- a line breaks at the last breaking space that fits (U+0020 and fpdf2's other breaking
  spaces); the space at the break is dropped, spaces before it stay;
- never at a no-break space (U+00A0, printed as a space glyph, as fpdf2 does) nor at a
  narrow no-break space (U+202F): « 12 € », « [3, 4] » and French punctuation stay whole;
- a word wider than the line is cut where it overflows, as fpdf2 does;
- "\\n" ends a line.

Texts it does not cover (a soft hyphen, a form feed, a character the face lacks, a single
character wider than the line) return None: the caller lets fpdf2 lay them out itself.
The overflow test is fpdf2's own, to the same floating-point operations:
``(line width + character width) - maximum > 1e-9``, with each width computed as
``units * size_pt * 0.001 / k`` per run of one style.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import NamedTuple

from fpdf.line_break import BREAKING_SPACE_SYMBOLS, NBSP, SPACE

BREAKING = frozenset(BREAKING_SPACE_SYMBOLS)
_SPACES = re.compile("[" + re.escape("".join(BREAKING_SPACE_SYMBOLS)) + "]")
_NEWLINES = re.compile("\n")
_UNSUPPORTED = ("\u00ad", "\x0c")  # soft hyphen (fpdf2 may add a visible hyphen), form feed
TOLERANCE = 1e-9  # fpdf.util.FloatTolerance


class Line(NamedTuple):
    start: int
    end: int
    newline: bool = False  # ended by "\n"
    at_space: bool = False  # broken at the last breaking space that fit (the space is text[end])


def drawn(text: str, line: Line) -> str:
    """The characters fpdf2 prints for `line` (a no-break space becomes a space glyph)."""
    return text[line.start:line.end].replace(NBSP, SPACE)


def bold_count(line: Line, bold: int) -> int:
    """How many characters of `line` belong to the bold prefix of the text."""
    return max(0, min(line.end, bold) - line.start)


def break_lines(text: str, bold: int, bold_units: dict[str, int], units: dict[str, int],
                size_pt: float, k: float, max_width: float) -> list[Line] | None:
    """The lines fpdf2's multi_cell would make of `text` in `max_width` (user units), the
    first `bold` characters in the face of `bold_units`, the others in that of `units`.

    fpdf2 tries each character in turn; here the first character that overflows a line is
    found by bisection (the overflow test only grows along a line), then the break is
    placed as fpdf2 places it: at that character if it is a breaking space, else at the
    last breaking space before it, else inside the word."""
    if any(mark in text for mark in _UNSUPPORTED):
        return None
    n = len(text)
    bold = min(max(bold, 0), n)
    head, tail = bold_units.get, units.get
    own = [head(c) for c in text[:bold]] + [tail(c) for c in text[bold:]]  # each character's width
    if None in own:  # "\n" ends a line and is never measured; any other: a glyph the face lacks
        for i, c in enumerate(text):
            if own[i] is None:
                if c != "\n":
                    return None
                own[i] = 0
    laid = own  # the width a character adds to its line: a no-break space is laid out as a space
    if NBSP in text and (bold_units.get(NBSP) != bold_units.get(SPACE) or units.get(NBSP) != units.get(SPACE)):
        laid = [(bold_units if i < bold else units)[SPACE] if c == NBSP else w
                for i, (c, w) in enumerate(zip(text, own))]
    total = list(accumulate(laid, initial=0))

    def width(a: int, e: int) -> float:
        """Width of text[a:e], summed per style run as fpdf2 sums its fragments."""
        if bold <= a or bold >= e:
            return (total[e] - total[a]) * size_pt * 0.001 / k
        return (total[bold] - total[a]) * size_pt * 0.001 / k + (total[e] - total[bold]) * size_pt * 0.001 / k

    def overflows(a: int, i: int) -> bool:
        """Would text[i] overflow the line text[a:i]? (fpdf2's test, to the same operations)"""
        return (width(a, i) + own[i] * size_pt * 0.001 / k) - max_width > TOLERANCE

    spaces = [m.start() for m in _SPACES.finditer(text)]
    newlines = [m.start() for m in _NEWLINES.finditer(text)]
    lines: list[Line] = []
    start = 0
    forced: int | None = None  # where the previous line was cut inside a word
    while start < n:
        j = bisect_left(newlines, start)
        end = newlines[j] if j < len(newlines) else n
        low, high = start, end  # the first character of text[start:end] that overflows, or end
        while low < high:
            middle = (low + high) // 2
            if overflows(start, middle):
                high = middle
            else:
                low = middle + 1
        if low == end:
            if end < n:
                lines.append(Line(start, end, newline=True))
                start, forced = end + 1, None
                continue
            if width(start, n):
                lines.append(Line(start, n))
            break
        if text[low] in BREAKING:  # the overflowing space is dropped
            lines.append(Line(start, low))
            start, forced = low + 1, None
            continue
        j = bisect_left(spaces, low) - 1
        if j >= 0 and spaces[j] >= start:  # back to the last breaking space of the line
            lines.append(Line(start, spaces[j], at_space=True))
            start, forced = spaces[j] + 1, None
            continue
        if forced == low:  # one character wider than the line: fpdf2 raises, let it
            return None
        lines.append(Line(start, low))
        start = forced = low
    return lines or [Line(0, 0)]
