"""A Document (blocks.py) drawn as an A4 PDF with fpdf2: no browser, no network.

    render(document) -> bytes        (also named render_pdf)

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

    fonts.py        shipped fonts, parsed once per process; advance widths per face
    text.py         printable_text (what the fonts can print), small text helpers
    wrap.py         fpdf2's line breaking in linear time, from those advance widths
    canvas.py       the FPDF subclass: fonts on demand, bold prefixes, fast multi_cell
    furniture.py    running header and « page X / Y » footer
    frontmatter.py  properties, cover or title block, contents
    prose.py        headings, paragraphs, notes, lists
    tables.py       tables
    charts.py       radar and stacked bars, as vector paths
    document.py     the renderer: one handler per block type (HANDLERS)
"""
from __future__ import annotations

from wizard.documents.pdf.canvas import Canvas
from wizard.documents.pdf.document import HANDLERS, Renderer, render_pdf
from wizard.documents.pdf.fonts import (
           FALLBACK_REGULAR,
           FAMILY,
           FONT_DIR,
           FONT_FILES,
           SYMBOLS,
           SYMBOLS_FILE,
)
from wizard.documents.pdf.style import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PT
from wizard.documents.pdf.text import HAS_SHAPING, PLACEHOLDER, printable_text

render = render_pdf
_Renderer = Renderer  # the names tests/documents/test_content.py and older callers use
_Pdf = Canvas

__all__ = [
           "FALLBACK_REGULAR",
           "FAMILY",
           "FONT_DIR",
           "FONT_FILES",
           "HANDLERS",
           "HAS_SHAPING",
           "MARGIN_BOTTOM",
           "MARGIN_TOP",
           "MARGIN_X",
           "PLACEHOLDER",
           "PT",
           "SYMBOLS",
           "SYMBOLS_FILE",
           "printable_text",
           "render",
           "render_pdf",
]
