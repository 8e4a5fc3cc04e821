"""An FPDF whose multi_cell runs in linear time, and draws what fpdf2's own would draw.

fpdf2's `multi_cell` breaks lines one character at a time, measuring the whole line again
for each character (`line_break.CurrentLine.width`): a paragraph costs the square of its
length, 85 % of the time of a strategy PDF. `Typesetter.multi_cell` breaks the lines with
wrap.break_lines, from advance widths read once per face (fonts.advances), then hands each
line to fpdf2's line renderer as fpdf2's multi_cell would: the same fragments, the same
page breaks, the same positions, hence the same page content. `get_string_width` sums the
same advances. Bold prefixes (the first `_bold_prefix` characters of a text in bold, a
label then its text in one wrapped paragraph, without markup) work in both paths.

A text the fast path does not cover goes to fpdf2 unchanged: text shaping (Arabic,
Hebrew), a glyph from a fallback font (emoji), a soft hyphen, justified or bordered cells,
markdown. `fast_text = False` turns it off (tests/documents/test_pdf_fast.py compares both).
It relies on fpdf2 internals pinned in requirements.txt (`_preload_font_styles`,
`_render_styled_text_line`, `_perform_page_break_if_need_be`, `_disable_writing`,
`line_break.Fragment`/`TextLine`): those tests fail if an fpdf2 upgrade changes them.
"""
from __future__ import annotations

from contextlib import contextmanager

from fpdf import FPDF
from fpdf.enums import Align, CharVPos, MethodReturnValue, WrapMode, XPos, YPos
from fpdf.line_break import NBSP, SPACE, Fragment, TextLine
from fpdf.util import Padding

from wizard.documents.pdf import wrap
from wizard.documents.pdf.fonts import advances

# multi_cell options the fast path understands; any other one goes to fpdf2
_FAST_OPTIONS = frozenset({"border", "align", "fill", "link", "max_line_height", "markdown", "print_sh",
                           "new_x", "new_y", "wrapmode", "dry_run", "output", "center", "padding"})
_DRAWN_ALIGN = (Align.L, Align.R, Align.C)
_MOVES_X = (XPos.LEFT, XPos.RIGHT, XPos.LMARGIN, XPos.RMARGIN)
_MOVES_Y = (YPos.TOP, YPos.LAST, YPos.NEXT)


class Typesetter(FPDF):
    fast_text = True

    def __init__(self, *args, **kwargs):
        self._bold_prefix = 0
        self._measuring = 0
        super().__init__(*args, **kwargs)

    def face(self, style: str):
        """The font of the current family in `style` (Canvas adds it on first use)."""
        return self.fonts[self.font_family + style]

    # -- bold prefix --

    def _preload_font_styles(self, text, markdown, _initial_emphasis=None):  # type: ignore[override]
        """The first `_bold_prefix` characters of the next text are bold: a bold label
        followed by regular text in one wrapped paragraph, without any markup."""
        count = self._bold_prefix
        if count <= 0 or markdown or not text:
            return super()._preload_font_styles(text, markdown, _initial_emphasis)
        head, tail = text[:count], text[count:]
        self._bold_prefix = count - len(head)
        style = self.font_style
        page, self.page = self.page, 0  # set_font writes nothing while page == 0
        try:
            self.set_font(style=self._prefix_style())
            fragments = list(super()._preload_font_styles(head, False, None))
        finally:
            self.set_font(style=style)
            self.page = page
        if tail:
            fragments.extend(super()._preload_font_styles(tail, False, _initial_emphasis))
        return tuple(fragments)

    def _prefix_style(self) -> str:
        return "B" + ("I" if "I" in self.font_style else "")

    # -- fast text --

    def _plain_font(self, text: str) -> bool:
        """True when fpdf2 would lay `text` out in the current face alone, unshaped, unspaced."""
        font = self.current_font
        return (self.fast_text and font is not None and font.type == "TTF" and not self.text_shaping
                and self.font_stretching == 100 and not self.char_spacing and self.char_vpos == CharVPos.LINE
                and not (self.str_alias_nb_pages and self.str_alias_nb_pages in text))

    def get_string_width(self, s, normalized=False, markdown=False):  # type: ignore[override]
        if markdown or self._bold_prefix or not self._plain_font(s):
            return super().get_string_width(s, normalized, markdown)
        try:
            units = sum(map(advances(self.current_font).__getitem__, s))
        except KeyError:  # a glyph of a fallback font
            return super().get_string_width(s, normalized, markdown)
        return units * self.font_size_pt * 0.001 / self.k

    def _lines(self, text: str, max_width: float, padding: Padding) -> list[wrap.Line] | None:
        if not self._plain_font(text):
            return None
        regular = self.current_font
        bold = self._bold_prefix
        prefix_face = self.face(self._prefix_style()) if bold else regular
        for side in (padding.left, padding.right):  # fpdf2's clearance margins, subtracted in turn
            if not side:
                max_width -= float(self.c_margin)
        if prefix_face is regular:
            bold = 0  # one style: one fragment per line, as fpdf2 merges them
        return wrap.break_lines(text, bold, advances(prefix_face), advances(regular),
                                self.font_size_pt, self.k, max_width)

    def multi_cell(self, w, h=None, text="", **options):  # type: ignore[override]
        if (options.keys() - _FAST_OPTIONS or options.get("border", 0) or options.get("fill")
                or options.get("markdown") or options.get("print_sh") or options.get("center")
                or WrapMode.coerce(options.get("wrapmode", WrapMode.WORD)) != WrapMode.WORD):
            return super().multi_cell(w, h, text, **options)
        align = Align.coerce(options.get("align", Align.J))
        output = MethodReturnValue.coerce(options.get("output", MethodReturnValue.PAGE_BREAK))
        dry_run = bool(options.get("dry_run"))
        if dry_run and output != MethodReturnValue.LINES or not dry_run and (align not in _DRAWN_ALIGN
                                                                              or not self.page):
            return super().multi_cell(w, h, text, **options)
        padding = Padding.new(options.get("padding", 0))
        width = (self.w - self.r_margin - self.x if w == 0 else w) - padding.right - padding.left
        text = self.normalize_text(text).replace("\r", "")
        lines = self._lines(text, width, padding)
        if lines is None:
            return super().multi_cell(w, h, text, **options)
        if dry_run:
            return [wrap.drawn(text, line) for line in lines]
        return self._draw_lines(text, lines, width, self.font_size if h is None else h, align, padding,
                                options, output)

    def _draw_lines(self, text, lines, width, h, align, padding, options, output):
        """fpdf2's multi_cell drawing loop, for lines already broken: the same fragments
        (the text's own, cut at the line ends, as fpdf2's CurrentLine keeps them), drawn
        by the same line renderer, so the page shows exactly what fpdf2 would draw."""
        new_x = XPos.coerce(options.get("new_x", XPos.RIGHT))
        new_y = YPos.coerce(options.get("new_y", YPos.NEXT))
        max_line_height = options.get("max_line_height")
        line_height = h if max_line_height is None or len(lines) == 1 else min(h, max_line_height)
        link = options.get("link")
        prev_y = self.y
        self.x += padding.left
        self.y += padding.top
        measuring = self._measuring and new_x in _MOVES_X and new_y in _MOVES_Y
        pieces = []  # (start, end, fragment) of the text's fragments; the bold prefix is consumed here
        position = 0
        for fragment in () if measuring else self._preload_font_styles(text, False):
            pieces.append((position, position + len(fragment.characters), fragment))
            position += len(fragment.characters)
        self._bold_prefix = 0
        line_padding = Padding(0, padding.right, 0, padding.left)
        page_break = False
        total = 0.0
        for index, line in enumerate(lines):
            if self._perform_page_break_if_need_be(h + padding.bottom):
                page_break = True
                self.y += padding.top
            last = index == len(lines) - 1
            if measuring:  # fpdf2's table measuring its rows with writing off: only the position matters
                self._move(width, line_height, new_x if last else XPos.LEFT, new_y if last else YPos.NEXT)
                total += line_height
                continue
            fragments, text_width = _line_fragments(text, line, pieces)
            self._render_styled_text_line(
                TextLine(fragments, text_width=text_width, number_of_spaces=0, align=align,
                         height=line_height, max_width=width, trailing_nl=line.newline),
                h=line_height, new_x=new_x if last else XPos.LEFT, new_y=new_y if last else YPos.NEXT,
                border=0, fill=False, link=link, padding=line_padding, prevent_font_change=False)
            total += line_height
        if total < h:
            if new_y == YPos.NEXT:
                self.y += h - total
            total = h
        if page_break and new_y == YPos.TOP:
            prev_y = self.y
        if lines[-1].newline and new_y in (YPos.LAST, YPos.NEXT):
            self.ln()
        if new_y == YPos.TOP:
            self.y = prev_y
        elif new_y == YPos.NEXT:
            self.y += padding.bottom
        if new_x == XPos.RIGHT:
            self.x += padding.right
        elif new_x == XPos.LEFT:
            self.x -= padding.left
        result: tuple = ()
        if output & MethodReturnValue.PAGE_BREAK:
            result += (page_break,)
        if output & MethodReturnValue.LINES:
            result += ([wrap.drawn(text, line) for line in lines],)
        if output & MethodReturnValue.HEIGHT:
            result += (total + padding.top + padding.bottom,)
        return result[0] if len(result) == 1 else result

    @contextmanager
    def _disable_writing(self):
        """fpdf2's trial layout (table rows measured before they are drawn): known to
        multi_cell, which then moves through the lines without drawing them."""
        self._measuring += 1
        try:
            with super()._disable_writing():
                yield
        finally:
            self._measuring -= 1

    def _move(self, width: float, h: float, new_x: XPos, new_y: YPos) -> None:
        """Where fpdf2's line renderer leaves the position after a line (_MOVES_X, _MOVES_Y)."""
        self._lasth = h or self.font_size
        if new_x == XPos.RIGHT:
            self.x += width
        elif new_x == XPos.LMARGIN:
            self.x = self.l_margin
        elif new_x == XPos.RMARGIN:
            self.x = self.w - self.r_margin
        if new_y == YPos.NEXT:
            self.y += h


class _Measured(Fragment):
    """A fragment whose width was summed once, from the face's advance table (fonts.advances),
    with fpdf2's own formula: fpdf2 sums the glyph widths again each time it asks."""

    def __init__(self, characters, graphics_state, k, link=None, width=None):
        super().__init__(characters, graphics_state, k, link)
        self.measured = width

    def get_width(self, start=0, end=None, chars=None, initial_cs=True):
        if self.measured is not None and chars is None and start == 0 and end is None:
            return self.measured
        return super().get_width(start, end, chars, initial_cs)


def _line_fragments(text: str, line: wrap.Line, pieces: list) -> tuple[list[Fragment], float]:
    """The fragments fpdf2's CurrentLine holds for `line`, and their width: pieces of the
    text's fragments, neighbours of the same style merged, a no-break space stored as a
    space; a line broken at a space that began a new style keeps that style's (empty)
    fragment, as fpdf2 does."""
    runs: list[tuple[list[str], Fragment]] = []
    for start, end, fragment in pieces:
        a, e = max(start, line.start), min(end, line.end)
        if a < e:
            chars = text[a:e].replace(NBSP, SPACE)
            if runs and _same_style(runs[-1][1], fragment):
                runs[-1][0].extend(chars)
            else:
                runs.append((list(chars), fragment))
    if line.at_space:
        for start, end, fragment in pieces:
            if start <= line.end < end:
                if not runs or not _same_style(runs[-1][1], fragment):
                    runs.append(([], fragment))
                break
    out: list[Fragment] = []
    total = 0
    for chars, fragment in runs:
        width = sum(map(advances(fragment.font).__getitem__, chars)) * fragment.font_size_pt * 0.001 / fragment.k
        out.append(_Measured(chars, fragment.graphics_state, fragment.k, fragment.link, width))
        total += width
    return out, total


def _same_style(a: Fragment, b: Fragment) -> bool:
    """fpdf2's Fragment.has_same_style, and the same link: CurrentLine merges such neighbours."""
    return a.graphics_state == b.graphics_state and a.k == b.k and a.link == b.link

