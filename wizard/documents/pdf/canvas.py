"""The FPDF subclass every part of the PDF draws on (typeset.Typesetter for its text).

- fonts: the four DejaVu faces are added on first use, the fallback faces (the regular face
  for glyphs the other faces lack, Symbola for emoji) and text shaping only for a text
  that needs them (`features`); fpdf2 subsets and writes every font that was added, from
  the small copies fonts.prepare_for_output picks;
- measuring and fitting: texts cut to a number of lines or to one line with « … »;
- page furniture: header and footer (furniture.py) on every page but the cover.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fpdf.enums import MethodReturnValue, XPos, YPos

from wizard.documents import blocks
from wizard.documents.pdf import fonts, furniture
from wizard.documents.pdf import text as text_module
from wizard.documents.pdf.fonts import (
    FALLBACK_REGULAR,
    FAMILY,
    FONT_FILES,
    SYMBOLS,
    SYMBOLS_FILE,
    add_font,
)
from wizard.documents.pdf.furniture import ALIAS_NB
from wizard.documents.pdf.style import (
    BODY_SIZE,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
)
from wizard.documents.pdf.text import RTL, SAFE
from wizard.documents.pdf.typeset import Typesetter
from wizard.documents.words import STRINGS, lang_key


class Canvas(Typesetter):
    """fpdf2 with the shipped fonts, header/footer, bold prefixes and linear-time text."""

    small_font_copies = True  # fonts.prepare_for_output: subset the reduced copy of a face when it can

    def __init__(self, document: blocks.Document):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.doc = document
        self.lang_key = lang_key(document.lang)
        self.strings = STRINGS[self.lang_key]
        self.has_cover = bool(document.cover)
        self.header_text: str | None = None
        self.footer_text: str | None = None
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        self.set_auto_page_break(True, margin=MARGIN_BOTTOM)
        self.alias_nb_pages(ALIAS_NB)
        self.c_margin = 0  # text starts exactly at the margin; boxes add their own padding
        self.set_font(FAMILY, "", BODY_SIZE)
        self.set_text_color(*INK)

    # -- fonts, fallback and shaping, only where a text needs them --

    def set_font(self, family=None, style="", size=0):  # type: ignore[override]
        name = (family or self.font_family or "").lower()
        emphasis = style if isinstance(style, str) else getattr(style, "style", "")
        emphasis = "".join(sorted(c for c in emphasis.upper() if c in "BI"))
        if name == FAMILY.lower() and name + emphasis not in self.fonts:
            add_font(self, FAMILY, emphasis, FONT_FILES[emphasis])
        super().set_font(family, style, size)

    def face(self, style: str):
        key = FAMILY.lower() + style
        if key not in self.fonts:
            add_font(self, FAMILY, style, FONT_FILES[style])
        return self.fonts[key]

    def _fallbacks_needed(self, text: str, style: str) -> tuple[bool, bool]:
        """(the regular face, Symbola): which fallbacks `text` in `style` needs."""
        if not text or SAFE.fullmatch(text):
            return False, False
        cmap = self.face(style).cmap
        regular = self.face("").cmap
        need_regular = need_symbols = False
        for ch in text:
            code = ord(ch)
            if code in cmap or ch == "\n":
                continue
            if style and code in regular:
                need_regular = True
            else:
                need_symbols = True
        return need_regular, need_symbols

    @contextmanager
    def features(self, *texts: tuple[str, str]) -> Iterator[None]:
        """Fallback fonts and text shaping for the duration of a call, if the texts (pairs of
        text and style) need them; the previous state comes back afterwards, so a header
        drawn during a page break inside a paragraph does not change that paragraph."""
        need_regular = need_symbols = False
        for text, style in texts:
            regular, symbols = self._fallbacks_needed(text, style)
            need_regular, need_symbols = need_regular or regular, need_symbols or symbols
        shaping = text_module.HAS_SHAPING and any(RTL.search(text) for text, _ in texts)
        if not (need_regular or need_symbols or shaping):
            yield
            return
        previous_fallback = (list(getattr(self, "_fallback_font_ids", [])),
                             getattr(self, "_fallback_font_exact_match", False))
        previous_shaping = self.text_shaping
        families = []
        if need_regular:
            add_font(self, FALLBACK_REGULAR, "", FONT_FILES[""])
            families.append(FALLBACK_REGULAR)
        if need_symbols:
            add_font(self, SYMBOLS, "", SYMBOLS_FILE)
            families.append(SYMBOLS)
        if families:
            self.set_fallback_fonts(families, exact_match=False)
        if shaping and not previous_shaping:
            # Our documents are French or English: every paragraph reads left to right, even
            # one that starts with an Arabic name (left to fpdf2, the first letter would decide).
            self.set_text_shaping(True, direction="ltr")
        try:
            yield
        finally:
            if families:
                self._fallback_font_ids, self._fallback_font_exact_match = previous_fallback
            self.text_shaping = previous_shaping

    # -- measuring and fitting --

    def use(self, size: float, style: str = "", color: tuple[int, int, int] = INK) -> None:
        self.set_font(FAMILY, style, size)
        self.set_text_color(*color)

    def line_height(self, factor: float = 1.45) -> float:
        return self.font_size * factor

    def ellipsize(self, text: str, width: float) -> str:
        """The longest start of `text` that fits `width` on one line, ending with « … »."""
        text = text.rstrip()
        limit = int(width / (0.15 * self.font_size)) + 2  # no glyph is narrower than 0.15 em here
        text = text[:limit]
        if self.get_string_width(text + "…") <= width:
            return text + "…"
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if self.get_string_width(text[:middle].rstrip() + "…") <= width:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…"

    def fit_width(self, text: str, width: float) -> str:
        """`text` on one line: as is if it fits, else cut with an ellipsis."""
        limit = int(width / (0.15 * self.font_size)) + 2
        if len(text) <= limit and self.get_string_width(text) <= width:
            return text
        return self.ellipsize(text, width)

    def _fits_unwrapped(self, text: str, width: float, max_lines: int) -> int:
        """The number of lines when every line of `text` fits `width` as it is (no wrapping
        needed: a string width is much cheaper than a trial layout), else 0."""
        lines = text.split("\n")
        if len(lines) > max_lines or len(text) > max_lines * (int(width / (0.15 * self.font_size)) + 2):
            return 0
        if all(self.get_string_width(line) <= width - 0.05 for line in lines):
            return len(lines)
        return 0

    def fit_lines(self, text: str, width: float, height: float, max_lines: int) -> str:
        """`text` wrapped in `width`, cut after `max_lines` lines with an ellipsis."""
        if self._fits_unwrapped(text, width, max_lines):
            return text
        limit = max_lines * (int(width / (0.15 * self.font_size)) + 2)
        cut = len(text) > limit
        if cut:
            text = text[:limit]
        lines = self.multi_cell(width, height, text, dry_run=True, output=MethodReturnValue.LINES)
        if len(lines) <= max_lines and not cut:
            return text
        kept = list(lines[:max_lines])
        kept[-1] = self.ellipsize(kept[-1], width)
        return "\n".join(kept)

    def text_height(self, text: str, width: float, height: float, bold_prefix: int = 0) -> float:
        if not bold_prefix:
            count = self._fits_unwrapped(text, width, 8)
            if count:
                return count * height
        self._bold_prefix = bold_prefix
        try:
            lines = self.multi_cell(width, height, text, dry_run=True, output=MethodReturnValue.LINES)
        finally:
            self._bold_prefix = 0
        return max(1, len(lines)) * height

    def write_block(self, text: str, width: float, height: float, *, align: str = "L",
                    bold_prefix: int = 0, x: float | None = None) -> None:
        if x is not None:
            self.set_x(x)
        self._bold_prefix = bold_prefix
        try:
            self.multi_cell(width, height, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        finally:
            self._bold_prefix = 0

    @property
    def bottom(self) -> float:
        return self.page_break_trigger

    def room(self) -> float:
        return self.bottom - self.y

    def at_page_top(self) -> bool:
        return self.y <= self.t_margin + 0.5

    def ensure_room(self, height: float) -> None:
        if height > self.room() and not self.at_page_top():
            self.add_page()

    def output(self, *args, **kwargs):  # type: ignore[override]
        used = fonts.prepare_for_output(self, reduce=self.small_font_copies)
        data = super().output(*args, **kwargs)
        if self.small_font_copies:
            fonts.reduce_fonts(used)  # in the background, for the next documents of this process
        return data

    # -- page furniture --

    def content_page(self) -> bool:
        return not (self.has_cover and self.page_no() == 1)

    def header(self) -> None:
        furniture.header(self)

    def footer(self) -> None:
        furniture.footer(self)
