"""A Document (blocks.py) drawn as an A4 PDF with fpdf2: no browser, no network.

    render_pdf(document) -> bytes

What this renderer guarantees, whatever the text it is given:
- text is plain: nothing is interpreted as markup (no markdown=True, no HTML);
- control characters are removed; characters that no shipped font has (private use,
  unassigned, lone surrogates) become U+FFFD; emoji and rare symbols come from
  Symbola; Arabic or Hebrew print shaped, right to left (uharfbuzz, in requirements.txt;
  shaping is switched on only for a text that has such letters; without the package they
  print unjoined, in logical order);
- very long words wrap, and texts that must stay short (cover, headings, table cells,
  chart labels, header) are cut with an ellipsis, so nothing overflows or raises;
- the same Document gives the same bytes (creation date = document.date, midnight UTC).

Layout: cover page, table of contents (fpdf2 insert_toc_placeholder, level-1
headings), a header with the structure name and a « page X / Y » footer on every
page but the cover; charts (maturity radar, workload bars) are drawn as vector paths.
"""
from __future__ import annotations

import copy
import math
import re
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Iterator, Sequence

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, TableBordersLayout, TableCellFillMode, XPos, YPos
from fpdf.fonts import FontFace, SubsetMap, TTFFont

from wizard import formatting
from wizard.documents.blocks import (
    Block,
    Bullets,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    RadarChart,
    StackedBars,
    Table,
)
from wizard.textclean import BIDI_MARKS

__all__ = ["render_pdf", "clean_text"]

FONT_DIR = Path(__file__).with_name("fonts")
FAMILY = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf",
              "I": "DejaVuSans-Oblique.ttf", "BI": "DejaVuSans-BoldOblique.ttf"}
FALLBACK_REGULAR = "DejaVuRegular"  # the regular face again, for glyphs the other faces lack (Arabic in italics)
SYMBOLS = "Symbola"
SYMBOLS_FILE = "Symbola.ttf"

PLACEHOLDER = "\ufffd"  # printed for a character that no shipped font can draw
ALIAS_NB = "\ue000\ue001\ue002"  # total page count; private-use, so user text can never contain it

# Colours: text and filled areas keep a contrast ratio of at least 4.5:1 with what is behind them.
WHITE = (255, 255, 255)
INK = (31, 41, 55)            # #1F2937, 14.7:1 on white
MUTED = (75, 85, 99)          # #4B5563, 7.6:1 on white
ACCENT = (29, 78, 137)        # #1D4E89, 8.4:1 on white (white on it too)
NOTE_FILL = (238, 243, 248)
ZEBRA = (244, 246, 249)
RULE = (203, 208, 216)
GRID = (214, 219, 226)
ALERT = (180, 35, 24)         # #B42318, reference line of the workload chart, 6.5:1 on white
SERIES = [(29, 78, 137), (230, 159, 0), (0, 158, 115), (204, 121, 167),
          (86, 180, 233), (213, 94, 0), (107, 114, 128), (140, 109, 31)]  # Okabe–Ito based

# Geometry (mm)
MARGIN_X = 20.0
MARGIN_TOP = 22.0
MARGIN_BOTTOM = 20.0
PT = 25.4 / 72  # one point in mm

STRINGS = {
    "fr": {"contents": "Sommaire", "page": "page {x} / {n}", "not_assessed": "non évalué",
           "continued": "suite", "made_with": "Document établi avec Cap Réseaux", "no_data": "Aucune donnée."},
    "en": {"contents": "Contents", "page": "page {x} of {n}", "not_assessed": "not assessed",
           "continued": "continued", "made_with": "Document prepared with Cap Réseaux", "no_data": "No data."},
}


def _lang_key(lang: str) -> str:
    return "en" if (lang or "").lower().startswith("en") else "fr"


# --- text hygiene ------------------------------------------------------------------

# Characters present in the four DejaVu faces: a text made only of them needs no check.
_SAFE = re.compile("[\n\x20-\x7e\u00a0-\u017f\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e"
                   "\u2020\u2022\u2026\u202f\u2030\u2039\u203a\u20ac\u2122]*")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
# Invisible format characters worth keeping: soft hyphen, zero-width space/joiners, word joiner.
_KEEP_FORMAT = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060"}

try:  # text shaping (Arabic joining, right-to-left order) needs uharfbuzz (requirements.txt)
    import uharfbuzz  # noqa: F401
    HAS_SHAPING = True
except ImportError:
    HAS_SHAPING = False


@lru_cache(maxsize=1)
def _coverage() -> frozenset[int]:
    """Every code point the shipped fonts can draw in any style (read once per process): the
    regular face (the fallback of the other faces) and Symbola."""
    from fontTools.ttLib import TTFont
    points: set[int] = set()
    for name in (FONT_FILES[""], SYMBOLS_FILE):
        font = TTFont(FONT_DIR / name, lazy=True)
        try:
            points.update(font.getBestCmap() or {})
        finally:
            font.close()
    return frozenset(points)


def clean_text(text: object, *, newlines: bool = True) -> str:
    """Plain text every shipped font combination can print.

    Control characters go (tabs become spaces, CR/LF become "\\n" or a space), invisible
    format characters the PDF cannot use go, and anything no font has becomes U+FFFD.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    if _SAFE.fullmatch(text):
        return text if newlines else text.replace("\n", " ")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    try:
        text = unicodedata.normalize("NFC", text)
    except ValueError:  # pragma: no cover - NFC never fails on str, but never crash here
        pass
    cover = _coverage()
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
            if ch in _KEEP_FORMAT and code in cover:
                out.append(ch)
            elif ch in BIDI_MARKS and HAS_SHAPING:  # embeddings, overrides, isolates go (wizard.textclean)
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


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _quantity(value: float, unit: str, lang: str) -> str:
    """4.5 h -> « 4 h 30 » (French) ; other units: « 12 posts »."""
    if unit == "h":
        return formatting.hours(value, lang)
    number = formatting.number(value, lang)
    return f"{number}\u00a0{unit}" if unit else number


# --- font loading, parsed once per process ---------------------------------------------

_FONT_LOCK = threading.Lock()
_FONT_BYTES: dict[str, bytes] = {}
_FONT_TEMPLATES: dict[tuple[str, str], TTFFont] = {}


def _add_font(pdf: FPDF, family: str, style: str, filename: str) -> None:
    """`pdf.add_font`, but the TrueType file is parsed once per process.

    fpdf2 parses the whole font (character map, every glyph width) on each add_font:
    about 25 ms a face. The parsed metrics are read-only, so later documents get a copy
    sharing them, with their own glyph subset and a fresh (lazily read) fontTools object,
    which fpdf2 subsets in place when it writes the file."""
    path = FONT_DIR / filename
    fontkey = family.lower() + style
    if fontkey in pdf.fonts:
        return
    with _FONT_LOCK:
        template = _FONT_TEMPLATES.get((fontkey, filename))
        data = _FONT_BYTES.get(filename)
    if template is not None and data is not None:
        try:
            from fontTools.ttLib import TTFont
            font = TTFFont.__new__(TTFFont)
            for slot in TTFFont.__slots__:
                if hasattr(template, slot):
                    setattr(font, slot, getattr(template, slot))
            font.i = len(pdf.fonts) + 1
            font.desc = copy.copy(template.desc)  # fpdf2 writes the object id and file into it
            font.cw = template.cw.copy()  # a defaultdict: reading a missing key writes it
            font.glyph_ids = dict(template.glyph_ids)
            font.missing_glyphs = []
            font.biggest_size_pt = 0
            font._hbfont = None
            font.ttfont = TTFont(BytesIO(data), recalcTimestamp=False, lazy=True,
                                 fontNumber=template.collection_font_number)
            font.subset = SubsetMap(font)
            pdf.fonts[fontkey] = font
            return
        except Exception:  # pragma: no cover - an fpdf2 change: load it the documented way
            pdf.fonts.pop(fontkey, None)
    pdf.add_font(family, style, path)
    font = pdf.fonts[fontkey]
    if not isinstance(font, TTFFont) or getattr(font, "color_font", None) is not None:
        return
    template = TTFFont.__new__(TTFFont)
    for slot in TTFFont.__slots__:
        if hasattr(font, slot):
            setattr(template, slot, getattr(font, slot))
    template.desc = copy.copy(font.desc)
    template.cw = font.cw.copy()
    template.glyph_ids = dict(font.glyph_ids)
    template.subset = None
    template.ttfont = None
    template._hbfont = None
    template.missing_glyphs = []
    with _FONT_LOCK:
        _FONT_BYTES.setdefault(filename, path.read_bytes())
        _FONT_TEMPLATES.setdefault((fontkey, filename), template)


# --- the FPDF subclass ---------------------------------------------------------------

@dataclass
class _TocEntry:
    text: str
    lines: int
    page_offset: int  # 0 = first ToC page
    y: float


class _Pdf(FPDF):
    """fpdf2 with the shipped fonts, header/footer, and mixed bold/regular text without markup."""

    def __init__(self, document: Document):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.doc = document
        self.strings = STRINGS[_lang_key(document.lang)]
        self.lang_key = _lang_key(document.lang)
        self.has_cover = bool(document.cover)
        self._bold_prefix = 0
        self._header_text: str | None = None
        self._footer_text: str | None = None
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        self.set_auto_page_break(True, margin=MARGIN_BOTTOM)
        self.alias_nb_pages(ALIAS_NB)
        self.c_margin = 0  # text starts exactly at the margin; boxes add their own padding
        self.set_font(FAMILY, "", 10.5)
        self.set_text_color(*INK)

    # -- fonts, fallback and shaping, only where a text needs them --
    #
    # fpdf2 subsets and writes every font that was added, used or not, and fallback fonts
    # make it look at each character: the four DejaVu faces are added on their first use
    # (set_font), the fallback faces only for a text that needs them.

    def set_font(self, family=None, style="", size=0):  # type: ignore[override]
        name = (family or self.font_family or "").lower()
        emphasis = style if isinstance(style, str) else getattr(style, "style", "")
        emphasis = "".join(sorted(c for c in emphasis.upper() if c in "BI"))
        if name == FAMILY.lower() and name + emphasis not in self.fonts:
            _add_font(self, FAMILY, emphasis, FONT_FILES[emphasis])
        super().set_font(family, style, size)

    def _face(self, style: str):
        key = FAMILY.lower() + style
        if key not in self.fonts:
            _add_font(self, FAMILY, style, FONT_FILES[style])
        return self.fonts[key]

    def _fallbacks_needed(self, text: str, style: str) -> tuple[bool, bool]:
        """(the regular face, Symbola): which fallbacks `text` in `style` needs."""
        if not text or _SAFE.fullmatch(text):
            return False, False
        cmap = self._face(style).cmap
        regular = self._face("").cmap
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
        shaping = HAS_SHAPING and any(_RTL.search(text) for text, _ in texts)
        if not (need_regular or need_symbols or shaping):
            yield
            return
        previous_fallback = (list(getattr(self, "_fallback_font_ids", [])),
                             getattr(self, "_fallback_font_exact_match", False))
        previous_shaping = self.text_shaping
        families = []
        if need_regular:
            _add_font(self, FALLBACK_REGULAR, "", FONT_FILES[""])
            families.append(FALLBACK_REGULAR)
        if need_symbols:
            _add_font(self, SYMBOLS, "", SYMBOLS_FILE)
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
            self.set_font(style="B" + ("I" if "I" in style else ""))
            fragments = list(super()._preload_font_styles(head, False, None))
        finally:
            self.set_font(style=style)
            self.page = page
        if tail:
            fragments.extend(super()._preload_font_styles(tail, False, _initial_emphasis))
        return tuple(fragments)

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

    # -- header and footer --

    def _content_page(self) -> bool:
        return not (self.has_cover and self.page_no() == 1)

    def header(self) -> None:
        if not self._content_page():
            return
        with self.local_context():
            self.use(8, "", MUTED)
            right = "Cap Réseaux"
            right_w = self.get_string_width(right)
            name = clean_text(self.doc.structure_name, newlines=False)
            name = _one_line(name)
            with self.features((name, "")):
                if self._header_text is None:
                    self._header_text = self.fit_width(name, self.epw - right_w - 8)
                self.set_xy(self.l_margin, 11)
                self.cell(self.epw - right_w - 4, 4, self._header_text, align="L")
            self.set_xy(self.w - self.r_margin - right_w, 11)
            self.cell(right_w, 4, right, align="R")
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            self.line(self.l_margin, 16.5, self.w - self.r_margin, 16.5)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        if not self._content_page():
            return
        with self.local_context():
            self.use(8, "", MUTED)
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            y = self.h - 13
            self.line(self.l_margin, y - 2, self.w - self.r_margin, y - 2)
            page = self.strings["page"].format(x=self.page_no(), n=ALIAS_NB)
            page_w = self.get_string_width(self.strings["page"].format(x=self.page_no(), n="000"))
            title = _one_line(clean_text(self.doc.title, newlines=False))
            with self.features((title, "")):
                if self._footer_text is None:
                    self._footer_text = self.fit_width(title, self.epw - 40)
                self.set_xy(self.l_margin, y)
                self.cell(self.epw - page_w - 6, 4, self._footer_text, align="L")
            self.set_xy(self.w - self.r_margin - page_w - 2, y)
            self.cell(page_w + 2, 4, page, align="R")


# --- the renderer --------------------------------------------------------------------

class _Renderer:
    def __init__(self, document: Document):
        self.doc = document
        self.pdf = _Pdf(document)
        self.strings = self.pdf.strings
        self.lang = self.pdf.lang_key
        self.toc_entries: list[_TocEntry] = []
        self.toc_pages = 0
        self._prepared: dict[int, tuple[Block, object]] = {}
        self._headings: dict[tuple[str, int], tuple[str, int, float]] = {}

    # -- document --

    def render(self) -> bytes:
        doc, pdf = self.doc, self.pdf
        self._metadata()
        pdf.add_page()
        if doc.cover:
            self._cover()
            pdf.add_page()
        else:
            self._title_block()
        toc_titles = [clean_text(b.text, newlines=False) for b in doc.blocks
                      if isinstance(b, Heading) and _level(b) == 1 and b.toc]
        if doc.toc and toc_titles:
            self._toc_placeholder(toc_titles)
        blocks = list(doc.blocks)
        page_break = False  # applied before the next block: a trailing break adds no empty page
        for index, block in enumerate(blocks):
            if isinstance(block, PageBreak):
                page_break = True
                continue
            if page_break and not pdf.at_page_top():
                pdf.add_page()
            page_break = False
            self._block(block, blocks[index + 1:index + 4])
        return bytes(pdf.output())

    def _metadata(self) -> None:
        doc, pdf = self.doc, self.pdf
        pdf.set_title(_one_line(clean_text(doc.title, newlines=False)) or "Cap Réseaux")
        subject = _one_line(clean_text(doc.subtitle, newlines=False))
        name = _one_line(clean_text(doc.structure_name, newlines=False))
        if len(name) > 120:
            name = name[:119].rstrip() + "…"
        pdf.set_subject(" — ".join(part for part in (subject, name) if part))
        pdf.set_author("Cap Réseaux")
        pdf.set_creator("Cap Réseaux")
        keywords = [_one_line(clean_text(k, newlines=False)) for k in doc.keywords]
        pdf.set_keywords(", ".join(k for k in keywords if k))
        lang = _one_line(clean_text(doc.lang, newlines=False))
        pdf.set_lang(lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", lang) else "fr")
        day = doc.date
        pdf.set_creation_date(datetime(day.year, day.month, day.day, tzinfo=timezone.utc))
        pdf.viewer_preferences = _viewer_preferences()

    # -- cover, title block, contents --

    def _cover(self) -> None:
        pdf, doc = self.pdf, self.doc
        width = pdf.epw - 10
        x = pdf.l_margin + 10
        pdf.set_auto_page_break(False)  # the bottom band is drawn below the page-break line
        # Bottom band; the accent bar on the left is drawn at the end, as tall as the text
        pdf.set_fill_color(*ACCENT)
        pdf.rect(0, pdf.h - 28, pdf.w, 28, style="F")
        y = 62
        pdf.use(10, "B", ACCENT)
        pdf.set_char_spacing(1.2)
        pdf.set_xy(x, y)
        pdf.cell(width, 5, "CAP RÉSEAUX")
        pdf.set_char_spacing(0)
        y += 12
        pdf.set_xy(x, y)
        pdf.use(26, "B", INK)
        title = clean_text(doc.title)
        with pdf.features((title, "B")):
            title = pdf.fit_lines(title, width, pdf.line_height(1.25), 4)
            pdf.write_block(title, width, pdf.line_height(1.25), x=x)
        subtitle = clean_text(doc.subtitle)
        if subtitle:
            pdf.ln(3)
            pdf.use(14, "", MUTED)
            with pdf.features((subtitle, "")):
                subtitle = pdf.fit_lines(subtitle, width, pdf.line_height(1.35), 3)
                pdf.write_block(subtitle, width, pdf.line_height(1.35), x=x)
        pdf.ln(8)
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.6)
        pdf.line(x, pdf.y, x + 30, pdf.y)
        pdf.ln(8)
        name = clean_text(doc.structure_name)
        if name:
            pdf.use(16, "B", ACCENT)
            with pdf.features((name, "B")):
                name = pdf.fit_lines(name, width, pdf.line_height(1.3), 3)
                pdf.write_block(name, width, pdf.line_height(1.3), x=x)
            pdf.ln(2)
        pdf.use(11, "", MUTED)
        pdf.set_x(x)
        pdf.cell(width, 6, formatting.long_date(doc.date, self.lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_fill_color(*ACCENT)
        pdf.rect(pdf.l_margin, 62, 2.2, max(120, pdf.y + 4 - 62), style="F")
        pdf.use(9, "", WHITE)
        pdf.set_xy(pdf.l_margin, pdf.h - 17)
        pdf.cell(pdf.epw / 2, 5, self.strings["made_with"], align="L")
        pdf.set_xy(pdf.l_margin + pdf.epw / 2, pdf.h - 17)
        pdf.use(11, "B", WHITE)
        pdf.cell(pdf.epw / 2, 5, "Cap Réseaux", align="R")
        pdf.set_text_color(*INK)
        pdf.set_auto_page_break(True, margin=MARGIN_BOTTOM)

    def _title_block(self) -> None:
        pdf, doc = self.pdf, self.doc
        pdf.use(18, "B", ACCENT)
        title = clean_text(doc.title)
        with pdf.features((title, "B")):
            title = pdf.fit_lines(title, pdf.epw, pdf.line_height(1.25), 3)
            pdf.write_block(title, pdf.epw, pdf.line_height(1.25))
        subtitle = clean_text(doc.subtitle)
        if subtitle:
            pdf.ln(1)
            pdf.use(11.5, "", MUTED)
            with pdf.features((subtitle, "")):
                subtitle = pdf.fit_lines(subtitle, pdf.epw, pdf.line_height(1.35), 2)
                pdf.write_block(subtitle, pdf.epw, pdf.line_height(1.35))
        name = _one_line(clean_text(doc.structure_name, newlines=False))
        line = " · ".join(part for part in (name, formatting.long_date(doc.date, self.lang)) if part)
        pdf.ln(1)
        pdf.use(10, "B", INK)
        with pdf.features((line, "B")):
            line = pdf.fit_lines(line, pdf.epw, pdf.line_height(1.35), 2)
            pdf.write_block(line, pdf.epw, pdf.line_height(1.35))
        pdf.ln(2)
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.6)
        pdf.line(pdf.l_margin, pdf.y, pdf.l_margin + 30, pdf.y)
        pdf.ln(6)
        pdf.use(10.5)

    TOC_TITLE_H = 17.0
    TOC_SIZE = 11.0
    TOC_LINE = 5.6
    TOC_GAP = 2.6
    TOC_NUM_W = 14.0

    def _toc_placeholder(self, titles: list[str]) -> None:
        """Plan the contents now (lines per entry, page of each) so that the number of
        reserved pages is exact, then reserve them."""
        pdf = self.pdf
        pdf.use(self.TOC_SIZE)
        width = pdf.epw - self.TOC_NUM_W - 4
        y = pdf.y + self.TOC_TITLE_H
        offset = 0
        for title in titles:
            with pdf.features((title, "")):
                text = pdf.fit_lines(title, width, self.TOC_LINE, 2)
                lines = len(pdf.multi_cell(width, self.TOC_LINE, text, dry_run=True,
                                           output=MethodReturnValue.LINES)) or 1
            height = lines * self.TOC_LINE + self.TOC_GAP
            if y + height > pdf.bottom - 2:
                offset += 1
                y = pdf.t_margin
            self.toc_entries.append(_TocEntry(text, lines, offset, y))
            y += height
        self.toc_pages = offset + 1
        pdf.insert_toc_placeholder(self._render_toc, pages=self.toc_pages)

    def _render_toc(self, pdf: _Pdf, outline) -> None:
        start = pdf.page
        sections = [s for s in outline if s.level == 0]
        pdf.use(20, "B", ACCENT)
        pdf.set_x(pdf.l_margin)
        pdf.cell(pdf.epw, 10, self.strings["contents"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.6)
        pdf.line(pdf.l_margin, pdf.y + 1, pdf.l_margin + 30, pdf.y + 1)
        width = pdf.epw - self.TOC_NUM_W - 4
        for entry, section in zip(self.toc_entries, sections):
            while pdf.page < start + entry.page_offset:
                pdf.add_page()
            pdf.use(self.TOC_SIZE, "", INK)
            pdf.set_xy(pdf.l_margin, entry.y)
            with pdf.features((entry.text, "")):
                pdf.multi_cell(width, self.TOC_LINE, entry.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                last = entry.text.split("\n")[-1] if "\n" in entry.text else None
                if entry.lines > 1 and last is None:
                    lines = pdf.multi_cell(width, self.TOC_LINE, entry.text, dry_run=True,
                                           output=MethodReturnValue.LINES)
                    last = lines[-1] if lines else ""
                last_w = pdf.get_string_width(last if last is not None else entry.text)
            line_y = entry.y + (entry.lines - 1) * self.TOC_LINE
            number = str(section.page_number)
            pdf.use(self.TOC_SIZE, "B", ACCENT)
            num_w = pdf.get_string_width(number)
            x_end = pdf.w - pdf.r_margin
            dots_from = pdf.l_margin + min(last_w, width) + 2
            dots_to = x_end - num_w - 2
            if dots_to - dots_from > 3:
                with pdf.local_context():
                    pdf.set_draw_color(*MUTED)
                    pdf.set_line_width(0.25)
                    pdf.set_dash_pattern(dash=0.3, gap=1.2)
                    pdf.line(dots_from, line_y + self.TOC_LINE * 0.72, dots_to, line_y + self.TOC_LINE * 0.72)
            pdf.set_xy(x_end - num_w - 1, line_y)
            pdf.cell(num_w + 1, self.TOC_LINE, number, align="R")
            link = pdf.add_link(page=section.page_number)
            pdf.link(pdf.l_margin, entry.y, pdf.epw, entry.lines * self.TOC_LINE, link)
        while pdf.page < start + self.toc_pages - 1:
            pdf.add_page()

    # -- blocks --

    def _block(self, block: Block, following: Sequence[Block]) -> None:
        if isinstance(block, Heading):
            self._heading(block, following)
        elif isinstance(block, Paragraph):
            self._paragraph(block)
        elif isinstance(block, Bullets):
            self._bullets(block)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, RadarChart):
            self._radar(block)
        elif isinstance(block, StackedBars):
            self._bars(block)

    # Heading: size, space before, space after, colour, maximum lines
    HEADING = {1: (17.0, 7.0, 4.0, ACCENT, 3), 2: (13.0, 5.0, 2.0, ACCENT, 3), 3: (11.0, 3.5, 1.2, INK, 3)}

    def _heading_text(self, block: Heading) -> tuple[str, int]:
        return clean_text(block.text), _level(block)

    def _fitted_heading(self, block: Heading) -> tuple[str, int, float]:
        """The heading's text cut to its maximum lines, its level, its full height."""
        key = (block.text, block.level)
        if key not in self._headings:
            pdf = self.pdf
            text, level = self._heading_text(block)
            size, before, after, _, max_lines = self.HEADING[level]
            pdf.use(size, "B")
            with pdf.features((text, "B")):
                text = pdf.fit_lines(text, pdf.epw, pdf.line_height(1.25), max_lines)
                height = pdf.text_height(text, pdf.epw, pdf.line_height(1.25))
            pdf.use(10.5)
            self._headings[key] = (text, level, before + height + after + (3 if level == 1 else 0))
        return self._headings[key]

    def _heading_height(self, block: Heading) -> float:
        return self._fitted_heading(block)[2]

    def _follow_height(self, following: Sequence[Block], depth: int = 0) -> float:
        """The least of what follows a heading that must stay on the heading's page: the
        next heading with what follows it, the first lines of a paragraph (a short one
        with what comes next), the first items of a list, a table's first row, a chart."""
        if not following or depth > 3:
            return 0
        block = following[0]
        if isinstance(block, Heading):
            return self._heading_height(block) + self._follow_height(following[1:], depth + 1)
        if isinstance(block, Paragraph):
            size, factor, _, after = self.PARAGRAPH.get(block.style, self.PARAGRAPH["body"])
            line = size * PT * factor
            lines = 1 + int((len(block.text) + len(block.label)) * size * PT * 0.5 / self.pdf.epw) \
                + block.text.count("\n")
            height = min(3, lines) * line + (8 if block.style == "note" else 0)
            if lines <= 2 and len(following) > 1:  # a one-line introduction: keep what it introduces
                height += after + self._follow_height(following[1:], depth + 1)
            return height
        if isinstance(block, Bullets):
            return 2 * 10.5 * PT * 1.45
        if isinstance(block, Table):
            prepared = self._prepare_table(block)
            return prepared.first_height if prepared else 0
        if isinstance(block, RadarChart):
            return self.RADAR_HEIGHT
        if isinstance(block, StackedBars):
            return min(self._bars_height(block, len(block.categories)), self.pdf.eph)
        return 0

    def _heading(self, block: Heading, following: Sequence[Block]) -> None:
        pdf = self.pdf
        text, level, _ = self._fitted_heading(block)
        size, before, after, color, _ = self.HEADING[level]
        needed = self._heading_height(block) + min(self._follow_height(following), 100)
        if level == 1 and self.doc.kind == "strategy":
            needed = max(needed, 40)
        pdf.ensure_room(needed)
        if not pdf.at_page_top():
            pdf.ln(before)
        pdf.use(size, "B", color)
        with pdf.features((text, "B")):
            if block.toc:
                pdf.start_section(_one_line(text)[:300] or "—", level=level - 1, strict=False)
            pdf.write_block(text, pdf.epw, pdf.line_height(1.25))
        if level == 1:
            pdf.set_draw_color(*ACCENT)
            pdf.set_line_width(0.8)
            pdf.line(pdf.l_margin, pdf.y + 1.5, pdf.l_margin + 22, pdf.y + 1.5)
            pdf.ln(3)
        pdf.ln(after)
        pdf.use(10.5)

    # Paragraph: size, line factor, colour, space after
    PARAGRAPH = {"body": (10.5, 1.45, INK, 2.6), "lead": (12.0, 1.45, INK, 3.4),
                 "small": (8.5, 1.4, MUTED, 2.0), "note": (9.5, 1.45, INK, 4.0)}

    def _label(self, label: str) -> str:
        """« Prochaine étape » + text -> « Prochaine étape : text » (a label that already ends
        with a space or a punctuation mark is kept as it is)."""
        label = _one_line(clean_text(label, newlines=False)) if label else ""
        if not label:
            return ""
        if label[-1] in " \u00a0\u202f":
            return label
        if label[-1] in ":.!?—–-·)":
            return label + " "
        return label + ("\u00a0: " if self.lang == "fr" else ": ")

    def _paragraph(self, block: Paragraph) -> None:
        pdf = self.pdf
        size, factor, color, after = self.PARAGRAPH.get(block.style, self.PARAGRAPH["body"])
        text = clean_text(block.text)
        label = self._label(block.label)
        if not text and not label:
            return
        full = label + text
        pdf.use(size, "", color)
        line = pdf.line_height(factor)
        with pdf.features((label, "B"), (text, "")):
            if block.style == "note":
                self._note(full, len(label), line)
            else:
                if not pdf.at_page_top() and pdf.room() < 2 * line and len(full) > 60:
                    pdf.add_page()
                pdf.write_block(full, pdf.epw, line, bold_prefix=len(label))
        pdf.ln(after)
        pdf.use(10.5)

    def _note(self, text: str, bold: int, line: float) -> None:
        """A light box with an accent bar on the left; too long for a page, plain text."""
        pdf = self.pdf
        pad, bar = 3.2, 1.2
        width = pdf.epw - 2 * pad - bar
        height = pdf.text_height(text, width, line, bold) + 2 * pad
        if height > pdf.eph - 10:
            pdf.write_block(text, pdf.epw, line, bold_prefix=bold)
            return
        pdf.ensure_room(height)
        x, y = pdf.l_margin, pdf.y
        pdf.set_fill_color(*NOTE_FILL)
        pdf.rect(x, y, pdf.epw, height, style="F")
        pdf.set_fill_color(*ACCENT)
        pdf.rect(x, y, bar, height, style="F")
        pdf.set_xy(x + bar + pad, y + pad)
        pdf.write_block(text, width, line, bold_prefix=bold, x=x + bar + pad)
        pdf.set_y(y + height)

    def _bullets(self, block: Bullets) -> None:
        pdf = self.pdf
        items = [clean_text(item) for item in block.items]
        if not items:
            return
        labels = [self._label(block.labels[i]) if i < len(block.labels) else "" for i in range(len(items))]
        pdf.use(10.5)
        line = pdf.line_height(1.45)
        pdf.use(10.5, "B")
        indent = 6.5 if not block.numbered else max(6.5, pdf.get_string_width(f"{len(items)}.") + 2.5)
        for index, (item, label) in enumerate(zip(items, labels)):
            if pdf.room() < line:
                pdf.add_page()
            y = pdf.y
            pdf.use(10.5, "B", ACCENT)
            pdf.set_xy(pdf.l_margin, y)
            marker = f"{index + 1}." if block.numbered else "•"
            pdf.cell(indent, line, marker, align="L" if block.numbered else "C")
            pdf.use(10.5, "", INK)
            with pdf.features((label, "B"), (item, "")):
                pdf.write_block(label + item, pdf.epw - indent, line, bold_prefix=len(label),
                                x=pdf.l_margin + indent)
            pdf.ln(1.2)
        pdf.ln(1.8)

    # -- tables --

    TABLE_SIZE = 9.0
    TABLE_PAD = (1.6, 2.0, 1.6, 2.0)  # top, right, bottom, left
    CELL_MAX_LINES = 36
    HEAD_MAX_LINES = 4

    @dataclass
    class _PreparedTable:
        header: list[str]
        rows: list[list[str]]
        widths: tuple[float, ...]
        size: float
        line: float
        caption: str
        caption_line: float
        first_height: float  # caption + header row + first row: kept together

    def _prepare_table(self, block: Table) -> "_Renderer._PreparedTable | None":
        """Cleaned cells, column widths, giant cells cut (fpdf2 cannot split a row over two
        pages), and the height that must stay together; measured once per block."""
        cached = self._prepared.get(id(block))
        if cached is not None:
            return cached[1]
        pdf = self.pdf
        header = [clean_text(c) for c in block.header]
        rows = [[clean_text(c) for c in row] for row in block.rows]
        columns = max([len(header)] + [len(r) for r in rows])
        if columns == 0:
            self._prepared[id(block)] = (block, None)
            return None
        if header:
            header += [""] * (columns - len(header))
        rows = [r + [""] * (columns - len(r)) for r in rows]
        size = self.TABLE_SIZE if columns <= 6 else (8.0 if columns <= 9 else 7.0)
        pad_x = self.TABLE_PAD[1] + self.TABLE_PAD[3]
        pad_y = self.TABLE_PAD[0] + self.TABLE_PAD[2]
        pdf.use(size, "B")
        line = pdf.line_height(1.35)
        cells = [(c, "B") for c in header] + [(c, "") for r in rows for c in r]
        with pdf.features(*cells):
            # The longest word of each header cell should not be split across lines.
            minimums = [min(pdf.get_string_width(max(c.split() or [""], key=len)[:40]) + pad_x + 1, 45.0)
                        for c in header] if header else [0.0] * columns
            widths = self._column_widths(block.widths, columns, minimums)
            if header:
                header = [self._fit_cell(c, w - pad_x, line, self.HEAD_MAX_LINES) for c, w in zip(header, widths)]
            pdf.use(size)
            rows = [[self._fit_cell(c, w - pad_x, line, self.CELL_MAX_LINES) for c, w in zip(r, widths)]
                    for r in rows]
            first = 0.0
            if header:
                pdf.use(size, "B")
                first += max(pdf.text_height(c, w - pad_x, line) for c, w in zip(header, widths)) + pad_y
            if rows:
                pdf.use(size)
                first += max(pdf.text_height(c, w - pad_x, line) for c, w in zip(rows[0], widths)) + pad_y
        caption = clean_text(block.caption)
        pdf.use(8.5, "B", MUTED)
        caption_line = pdf.line_height(1.35)
        if caption:
            with pdf.features((caption, "B")):
                caption = pdf.fit_lines(caption, pdf.epw, caption_line, 3)
                first += pdf.text_height(caption, pdf.epw, caption_line) + 1.5
        pdf.use(10.5)
        prepared = self._PreparedTable(header, rows, widths, size, line, caption, caption_line, first + 1)
        self._prepared[id(block)] = (block, prepared)  # the block is kept so that its id stays unique
        return prepared

    def _table(self, block: Table) -> None:
        pdf = self.pdf
        table_data = self._prepare_table(block)
        if table_data is None:
            return
        header, rows, size = table_data.header, table_data.rows, table_data.size
        pdf.ensure_room(table_data.first_height)
        if table_data.caption:
            pdf.use(8.5, "B", MUTED)
            with pdf.features((table_data.caption, "B")):
                pdf.write_block(table_data.caption, pdf.epw, table_data.caption_line)
            pdf.ln(1.5)
        cells = [(c, "B") for c in header] + [(c, "") for r in rows for c in r]
        with pdf.features(*cells):
            pdf.use(size, "", INK)
            pdf.set_draw_color(*RULE)
            pdf.set_line_width(0.2)
            pdf.set_fill_color(*WHITE)  # fpdf2 fills the rows left unfilled with the current colour
            with pdf.table(
                width=pdf.epw,
                col_widths=table_data.widths,
                line_height=table_data.line,
                padding=self.TABLE_PAD,
                text_align="LEFT",
                v_align="TOP",
                borders_layout=TableBordersLayout.HORIZONTAL_LINES,
                cell_fill_color=ZEBRA,
                cell_fill_mode=TableCellFillMode.EVEN_ROWS if header else TableCellFillMode.ROWS,
                headings_style=FontFace(family=FAMILY, emphasis="BOLD", color=WHITE, fill_color=ACCENT,
                                        size_pt=size),
                first_row_as_headings=bool(header),
                repeat_headings=1,
            ) as table:
                for row in ([header] if header else []) + rows:
                    cells_row = table.row()
                    for cell in row:
                        cells_row.cell(cell)
        pdf.ln(4)
        pdf.use(10.5)

    def _column_widths(self, relative: Sequence[float], columns: int,
                       minimums: Sequence[float] = ()) -> tuple[float, ...]:
        """Relative widths -> mm, each column at least wide enough for one character (and,
        when the page allows, for the longest word of its header)."""
        values = [float(v) if _is_number(v) and v > 0 else 0.0 for v in list(relative)[:columns]]
        if len(values) < columns or not any(values):
            known = [v for v in values if v > 0]
            filler = sum(known) / len(known) if known else 1.0
            values = [v if v > 0 else filler for v in values] + [filler] * (columns - len(values))
        epw = self.pdf.epw
        floor = min(14.0, epw / columns)  # narrower columns would not hold one character
        wanted = [max(floor, m) for m in list(minimums)[:columns]] + [floor] * (columns - len(minimums))
        if sum(wanted) > epw:
            wanted = [floor] * columns
        pinned: set[int] = set()  # columns set to their minimum; the others share the rest
        while True:
            free = [i for i in range(columns) if i not in pinned]
            rest = epw - sum(wanted[i] for i in pinned)
            total = sum(values[i] for i in free) or 1.0
            widths = [wanted[i] if i in pinned else rest * values[i] / total for i in range(columns)]
            short = [i for i in free if widths[i] < wanted[i] - 1e-6]
            if not short:
                return tuple(widths)
            pinned.update(short)

    def _fit_cell(self, text: str, width: float, line: float, max_lines: int) -> str:
        if not text:
            return text
        estimate = len(text) * 1.4 * self.pdf.font_size / max(width, 1) + text.count("\n")
        if estimate <= max_lines:
            return text
        return self.pdf.fit_lines(text, width, line, max_lines)

    # -- radar chart --

    RADAR_R = 32.0
    RADAR_LABEL_W = 40.0
    RADAR_MARGIN = 15.0  # above and below the outer ring: room for three lines of label
    RADAR_HEIGHT = 12 + 2 * (32.0 + 15.0) + 4  # with a title of two lines at most

    def _radar(self, block: RadarChart) -> None:
        pdf = self.pdf
        pdf.ensure_room(self.RADAR_HEIGHT)
        title = clean_text(block.title)
        self._chart_title(title)
        labels = [clean_text(l, newlines=False) for l in block.labels]
        n = len(labels)
        if n == 0:
            self._no_data()
            return
        values = list(block.values)[:n] + [None] * (n - len(block.values))
        maximum = float(block.maximum) if _is_number(block.maximum) and block.maximum > 0 else 5.0
        cx = pdf.l_margin + pdf.epw / 2
        cy = pdf.y + self.RADAR_MARGIN + self.RADAR_R
        radius = self.RADAR_R

        def point(i: int, r: float) -> tuple[float, float]:
            angle = -math.pi / 2 + 2 * math.pi * i / n
            return cx + r * math.cos(angle), cy + r * math.sin(angle)

        step = _nice_step(maximum / 5) if maximum > 10 else 1.0
        rings = [step * k for k in range(1, int(maximum / step + 1e-9) + 1)]
        if not rings or rings[-1] < maximum - 1e-9:
            rings.append(maximum)
        with pdf.local_context():
            pdf.set_line_width(0.2)
            for ring in rings:
                pdf.set_draw_color(*(RULE if ring == rings[-1] else GRID))
                r = radius * ring / maximum
                if n >= 3:
                    pdf.polygon([point(i, r) for i in range(n)], style="D")
                else:
                    pdf.circle(cx, cy, r, style="D")
            pdf.set_draw_color(*GRID)
            for i in range(n):
                x, y = point(i, radius)
                pdf.line(cx, cy, x, y)
            # ring values along the first axis
            pdf.use(6.5, "", MUTED)
            for ring in rings:
                r = radius * ring / maximum
                text = formatting.number(ring, self.lang)
                width = pdf.get_string_width(text) + 0.5
                pdf.set_xy(cx - 0.8 - width, cy - r - 2.6)
                pdf.cell(width, 3, text, align="R")
            # the values
            scores = []
            for value in values:
                v = float(value) if _is_number(value) else 0.0
                scores.append(min(max(v, 0.0), maximum))
            shape = [point(i, radius * s / maximum) for i, s in enumerate(scores)]
            if n >= 3:
                with pdf.local_context(fill_opacity=0.22):
                    pdf.set_fill_color(*ACCENT)
                    pdf.polygon(shape, style="F")
                pdf.set_draw_color(*ACCENT)
                pdf.set_line_width(0.7)
                pdf.polygon(shape, style="D")
            else:
                pdf.set_draw_color(*ACCENT)
                pdf.set_line_width(0.7)
                for x, y in shape:
                    pdf.line(cx, cy, x, y)
            pdf.set_fill_color(*ACCENT)
            for (x, y), value in zip(shape, values):
                if _is_number(value):
                    pdf.circle(x, y, 0.9, style="F")
        # labels around
        for i, (label, value) in enumerate(zip(labels, values)):
            if _is_number(value):
                score = formatting.number(min(max(float(value), 0.0), maximum), self.lang)
                suffix = f" ({score}/{formatting.number(maximum, self.lang)})"
            else:
                suffix = f" ({self.strings['not_assessed']})"
            self._radar_label(label, suffix, point(i, radius + 3.0), i, n)
        pdf.set_y(cy + radius + self.RADAR_MARGIN + 4)
        pdf.use(10.5)

    def _radar_label(self, label: str, suffix: str, at: tuple[float, float], i: int, n: int) -> None:
        pdf = self.pdf
        angle = -math.pi / 2 + 2 * math.pi * i / n
        cos, sin = math.cos(angle), math.sin(angle)
        width = self.RADAR_LABEL_W
        pdf.use(8, "", INK)
        line = pdf.line_height(1.3)
        with pdf.features((label, "B"), (suffix, "")):
            pdf.use(8, "B", INK)
            label = pdf.fit_lines(label, width, line, 2)
            pdf.use(8, "", INK)
            text = label + suffix
            bold = len(label)
            height = pdf.text_height(text, width, line, bold)
            x, y = at
            if cos > 0.25:
                align, left = "L", x
            elif cos < -0.25:
                align, left = "R", x - width
            else:
                align, left = "C", x - width / 2
            if sin < -0.25:
                top = y - height
            elif sin > 0.25:
                top = y
            else:
                top = y - height / 2
            left = min(max(left, pdf.l_margin), pdf.w - pdf.r_margin - width)
            pdf.set_xy(left, top)
            pdf.write_block(text, width, line, align=align, bold_prefix=bold, x=left)

    # -- stacked bars --

    BAR_LABEL_W = 44.0
    BAR_H = 6.5
    BAR_GAP = 3.2
    BAR_VALUE_W = 16.0

    def _series(self, block: StackedBars) -> list[tuple[str, list[float]]]:
        n = len(block.categories)
        series = []
        for entry in block.series:
            try:
                name, values = entry
                values = list(values)[:n]
            except (TypeError, ValueError):
                continue
            numbers = [float(v) if _is_number(v) and v > 0 else 0.0 for v in values]
            series.append((_one_line(clean_text(name, newlines=False)), numbers + [0.0] * (n - len(numbers))))
        return series

    def _legend_rows(self, names: list[str]) -> list[list[tuple[str, float]]]:
        pdf = self.pdf
        pdf.use(8)
        rows: list[list[tuple[str, float]]] = [[]]
        used = 0.0
        for name in names:
            with pdf.features((name, "")):
                text = pdf.fit_width(name, 70)
                width = 5 + pdf.get_string_width(text) + 6
            if rows[-1] and used + width > pdf.epw:
                rows.append([])
                used = 0.0
            rows[-1].append((text, width))
            used += width
        return rows if rows[0] else []

    def _bars_height(self, block: StackedBars, count: int, legend_rows: int | None = None) -> float:
        if legend_rows is None:
            legend_rows = max(1, math.ceil(len(block.series) / 4))
        line_label = 6 if _is_number(block.line_value) else 0
        return 9 + legend_rows * 5 + 3 + line_label + count * (self.BAR_H + self.BAR_GAP) + 9

    def _bars(self, block: StackedBars) -> None:
        pdf = self.pdf
        title = clean_text(block.title)
        categories = [clean_text(c, newlines=False) for c in block.categories]
        series = self._series(block)
        if not categories or not series:
            pdf.ensure_room(16)
            self._chart_title(title)
            self._no_data()
            return
        legend = self._legend_rows([name for name, _ in series])
        per_page = max(1, int((pdf.eph - self._bars_height(block, 0, len(legend))) // (self.BAR_H + self.BAR_GAP)))
        totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
        line_value = float(block.line_value) if _is_number(block.line_value) and block.line_value >= 0 else None
        top = max(totals + [line_value or 0.0])
        step = _nice_step(top / 5) if top > 0 else 1.0
        axis_max = max(step, math.ceil(top / step - 1e-9) * step)
        unit = _one_line(clean_text(block.unit, newlines=False))
        for start in range(0, len(categories), per_page):
            chunk = range(start, min(len(categories), start + per_page))
            height = self._bars_height(block, len(chunk), len(legend))
            pdf.ensure_room(height)
            chunk_title = title if start == 0 else f"{title} ({self.strings['continued']})"
            self._draw_bars(chunk_title, categories, series, totals, chunk, legend, axis_max, step,
                            line_value, clean_text(block.line_label, newlines=False), unit)

    def _draw_bars(self, title, categories, series, totals, chunk, legend, axis_max, step,
                   line_value, line_label, unit) -> None:
        pdf = self.pdf
        self._chart_title(title)
        # legend
        y = pdf.y
        for row in legend:
            x = pdf.l_margin
            for j, (name, width) in enumerate(row):
                index = sum(len(r) for r in legend[:legend.index(row)]) + j
                pdf.set_fill_color(*SERIES[index % len(SERIES)])
                pdf.rect(x, y + 0.8, 3.4, 3.4, style="F")
                pdf.use(8, "", INK)
                pdf.set_xy(x + 5, y)
                with pdf.features((name, "")):
                    pdf.cell(width - 5, 5, name)
                x += width
            y += 5
        y += 3
        x0 = pdf.l_margin + self.BAR_LABEL_W + 3
        bar_w = pdf.epw - self.BAR_LABEL_W - 3 - self.BAR_VALUE_W

        def at(value: float) -> float:
            return x0 + bar_w * value / axis_max

        if line_value is not None:
            label = _one_line(line_label) or _quantity(line_value, unit, self.lang)
            pdf.use(8, "B", ALERT)
            with pdf.features((label, "B")):
                label = pdf.fit_width(label, pdf.epw - self.BAR_LABEL_W)
                width = pdf.get_string_width(label) + 1
                left = min(max(at(line_value) - width / 2, x0 - self.BAR_LABEL_W / 2), pdf.w - pdf.r_margin - width)
                pdf.set_xy(left, y)
                pdf.cell(width, 4, label, align="C")
            y += 6
        bars_top = y
        bars_bottom = y + len(chunk) * (self.BAR_H + self.BAR_GAP)
        # grid and ticks
        with pdf.local_context():
            pdf.set_line_width(0.2)
            pdf.set_draw_color(*GRID)
            ticks = int(round(axis_max / step))
            pdf.use(7, "", MUTED)
            for k in range(ticks + 1):
                x = at(k * step)
                pdf.line(x, bars_top - 1, x, bars_bottom)
                text = _quantity(k * step, unit, self.lang)
                width = pdf.get_string_width(text) + 1
                pdf.set_xy(x - width / 2, bars_bottom + 1)
                pdf.cell(width, 3.5, text, align="C")
        # bars
        y = bars_top
        for i in chunk:
            pdf.use(8.5, "", INK)
            line = pdf.line_height(1.25)
            with pdf.features((categories[i], "")):
                label = pdf.fit_lines(categories[i], self.BAR_LABEL_W, line, 2)
                height = pdf.text_height(label, self.BAR_LABEL_W, line)
                pdf.set_xy(pdf.l_margin, y + self.BAR_H / 2 - height / 2)
                pdf.write_block(label, self.BAR_LABEL_W, line, align="R", x=pdf.l_margin)
            left = 0.0
            with pdf.local_context():
                pdf.set_draw_color(*WHITE)
                pdf.set_line_width(0.3)
                for j, (_, values) in enumerate(series):
                    value = values[i]
                    if value <= 0:
                        continue
                    pdf.set_fill_color(*SERIES[j % len(SERIES)])
                    pdf.rect(at(left), y, at(left + value) - at(left), self.BAR_H, style="FD")
                    left += value
            pdf.use(8, "B", INK)
            pdf.set_xy(at(totals[i]) + 1.5, y + self.BAR_H / 2 - 2)
            pdf.cell(self.BAR_VALUE_W, 4, _quantity(totals[i], unit, self.lang))
            y += self.BAR_H + self.BAR_GAP
        with pdf.local_context():
            pdf.set_draw_color(*MUTED)
            pdf.set_line_width(0.3)
            pdf.line(x0, bars_top - 1, x0, bars_bottom)
        if line_value is not None:
            with pdf.local_context():
                pdf.set_draw_color(*ALERT)
                pdf.set_line_width(0.5)
                pdf.set_dash_pattern(dash=1.2, gap=0.9)
                pdf.line(at(line_value), bars_top - 2, at(line_value), bars_bottom + 0.5)
        pdf.set_y(bars_bottom + 8)
        pdf.ln(3)
        pdf.use(10.5)

    # -- chart helpers --

    def _chart_title(self, title: str) -> None:
        pdf = self.pdf
        if not title:
            pdf.ln(2)
            return
        pdf.use(10.5, "B", INK)
        with pdf.features((title, "B")):
            title = pdf.fit_lines(title, pdf.epw, pdf.line_height(1.3), 2)
            pdf.write_block(title, pdf.epw, pdf.line_height(1.3))
        pdf.ln(2)

    def _no_data(self) -> None:
        pdf = self.pdf
        pdf.use(9, "", MUTED)
        pdf.write_block(self.strings["no_data"], pdf.epw, 5)
        pdf.ln(3)
        pdf.use(10.5)


def _level(block: Heading) -> int:
    """1, 2 or 3, whatever the block says."""
    return min(3, max(1, int(block.level))) if _is_number(block.level) else 1


def _nice_step(raw: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at least `raw`."""
    if not raw > 0 or not math.isfinite(raw):
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw - 1e-12:
            return factor * power
    return 10 * power


def _viewer_preferences():
    from fpdf.prefs import ViewerPreferences
    return ViewerPreferences(display_doc_title=True)


def render_pdf(document: Document) -> bytes:
    """The Document as PDF bytes; deterministic for the same Document."""
    return _Renderer(document).render()
