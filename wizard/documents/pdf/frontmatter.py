"""What comes before the blocks: document properties, the cover (or a title block), and
the contents (fpdf2's insert_toc_placeholder, level-1 headings, planned before it is drawn
so that the number of reserved pages is exact)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from fpdf.enums import MethodReturnValue, XPos, YPos
from fpdf.prefs import ViewerPreferences

from wizard import formatting
from wizard.documents.blocks import Heading
from wizard.documents.pdf.prose import level
from wizard.documents.pdf.style import (
    ACCENT,
    BODY_SIZE,
    INK,
    MARGIN_BOTTOM,
    MUTED,
    WHITE,
)
from wizard.documents.pdf.text import printable_text
from wizard.documents.words import APP_NAME
from wizard.textclean import single_line

if TYPE_CHECKING:
    from wizard.documents.pdf.canvas import Canvas
    from wizard.documents.pdf.document import Renderer


@dataclass
class TocEntry:
    text: str
    lines: int
    page_offset: int  # 0 = first ToC page
    y: float


def metadata(renderer: Renderer) -> None:
    doc, pdf = renderer.doc, renderer.pdf
    pdf.set_title(single_line(printable_text(doc.title, newlines=False)) or "Cap Réseaux")
    subject = single_line(printable_text(doc.subtitle, newlines=False))
    name = single_line(printable_text(doc.structure_name, newlines=False))
    if len(name) > 120:
        name = name[:119].rstrip() + "…"
    pdf.set_subject(" — ".join(part for part in (subject, name) if part))
    pdf.set_author("Cap Réseaux")
    pdf.set_creator("Cap Réseaux")
    keywords = [single_line(printable_text(k, newlines=False)) for k in doc.keywords]
    pdf.set_keywords(", ".join(k for k in keywords if k))
    lang = single_line(printable_text(doc.lang, newlines=False))
    pdf.set_lang(lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", lang) else "fr")
    day = doc.date
    pdf.set_creation_date(datetime(day.year, day.month, day.day, tzinfo=UTC))
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)


def cover(renderer: Renderer) -> None:
    pdf, doc = renderer.pdf, renderer.doc
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
    pdf.cell(width, 5, APP_NAME.upper())
    pdf.set_char_spacing(0)
    y += 12
    pdf.set_xy(x, y)
    pdf.use(26, "B", INK)
    title = printable_text(doc.title)
    with pdf.features((title, "B")):
        title = pdf.fit_lines(title, width, pdf.line_height(1.25), 4)
        pdf.write_block(title, width, pdf.line_height(1.25), x=x)
    subtitle = printable_text(doc.subtitle)
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
    name = printable_text(doc.structure_name)
    if name:
        pdf.use(16, "B", ACCENT)
        with pdf.features((name, "B")):
            name = pdf.fit_lines(name, width, pdf.line_height(1.3), 3)
            pdf.write_block(name, width, pdf.line_height(1.3), x=x)
        pdf.ln(2)
    pdf.use(11, "", MUTED)
    pdf.set_x(x)
    pdf.cell(width, 6, formatting.long_date(doc.date, renderer.lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_fill_color(*ACCENT)
    pdf.rect(pdf.l_margin, 62, 2.2, max(120, pdf.y + 4 - 62), style="F")
    pdf.use(9, "", WHITE)
    pdf.set_xy(pdf.l_margin, pdf.h - 17)
    pdf.cell(pdf.epw / 2, 5, renderer.strings["made_with"], align="L")
    pdf.set_xy(pdf.l_margin + pdf.epw / 2, pdf.h - 17)
    pdf.use(11, "B", WHITE)
    pdf.cell(pdf.epw / 2, 5, "Cap Réseaux", align="R")
    pdf.set_text_color(*INK)
    pdf.set_auto_page_break(True, margin=MARGIN_BOTTOM)


def title_block(renderer: Renderer) -> None:
    pdf, doc = renderer.pdf, renderer.doc
    pdf.use(18, "B", ACCENT)
    title = printable_text(doc.title)
    with pdf.features((title, "B")):
        title = pdf.fit_lines(title, pdf.epw, pdf.line_height(1.25), 3)
        pdf.write_block(title, pdf.epw, pdf.line_height(1.25))
    subtitle = printable_text(doc.subtitle)
    if subtitle:
        pdf.ln(1)
        pdf.use(11.5, "", MUTED)
        with pdf.features((subtitle, "")):
            subtitle = pdf.fit_lines(subtitle, pdf.epw, pdf.line_height(1.35), 2)
            pdf.write_block(subtitle, pdf.epw, pdf.line_height(1.35))
    name = single_line(printable_text(doc.structure_name, newlines=False))
    line = " · ".join(part for part in (name, formatting.long_date(doc.date, renderer.lang)) if part)
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
    pdf.use(BODY_SIZE)


def contents(renderer: Renderer) -> None:
    """Reserve the contents pages, when the document has any and level-1 headings to list."""
    doc = renderer.doc
    titles = [printable_text(b.text, newlines=False) for b in doc.blocks
              if isinstance(b, Heading) and level(b) == 1 and b.toc]
    if doc.toc and titles:
        _toc_placeholder(renderer, titles)


TOC_TITLE_H = 17.0
TOC_SIZE = 11.0
TOC_LINE = 5.6
TOC_GAP = 2.6
TOC_NUM_W = 14.0


def _toc_placeholder(renderer: Renderer, titles: list[str]) -> None:
    """Plan the contents now (lines per entry, page of each) so that the number of
    reserved pages is exact, then reserve them."""
    pdf = renderer.pdf
    pdf.use(TOC_SIZE)
    width = pdf.epw - TOC_NUM_W - 4
    y = pdf.y + TOC_TITLE_H
    offset = 0
    for title in titles:
        with pdf.features((title, "")):
            text = pdf.fit_lines(title, width, TOC_LINE, 2)
            lines = len(pdf.multi_cell(width, TOC_LINE, text, dry_run=True,
                                       output=MethodReturnValue.LINES)) or 1
        height = lines * TOC_LINE + TOC_GAP
        if y + height > pdf.bottom - 2:
            offset += 1
            y = pdf.t_margin
        renderer.toc_entries.append(TocEntry(text, lines, offset, y))
        y += height
    renderer.toc_pages = offset + 1
    pdf.insert_toc_placeholder(partial(_render_toc, renderer), pages=renderer.toc_pages)


def _render_toc(renderer: Renderer, pdf: Canvas, outline) -> None:
    start = pdf.page
    sections = [s for s in outline if s.level == 0]
    pdf.use(20, "B", ACCENT)
    pdf.set_x(pdf.l_margin)
    pdf.cell(pdf.epw, 10, renderer.strings["contents"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, pdf.y + 1, pdf.l_margin + 30, pdf.y + 1)
    width = pdf.epw - TOC_NUM_W - 4
    for entry, section in zip(renderer.toc_entries, sections):
        while pdf.page < start + entry.page_offset:
            pdf.add_page()
        pdf.use(TOC_SIZE, "", INK)
        pdf.set_xy(pdf.l_margin, entry.y)
        with pdf.features((entry.text, "")):
            pdf.multi_cell(width, TOC_LINE, entry.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            last = entry.text.split("\n")[-1] if "\n" in entry.text else None
            if entry.lines > 1 and last is None:
                lines = pdf.multi_cell(width, TOC_LINE, entry.text, dry_run=True,
                                       output=MethodReturnValue.LINES)
                last = lines[-1] if lines else ""
            last_w = pdf.get_string_width(last if last is not None else entry.text)
        line_y = entry.y + (entry.lines - 1) * TOC_LINE
        number = str(section.page_number)
        pdf.use(TOC_SIZE, "B", ACCENT)
        num_w = pdf.get_string_width(number)
        x_end = pdf.w - pdf.r_margin
        dots_from = pdf.l_margin + min(last_w, width) + 2
        dots_to = x_end - num_w - 2
        if dots_to - dots_from > 3:
            with pdf.local_context():
                pdf.set_draw_color(*MUTED)
                pdf.set_line_width(0.25)
                pdf.set_dash_pattern(dash=0.3, gap=1.2)
                pdf.line(dots_from, line_y + TOC_LINE * 0.72, dots_to, line_y + TOC_LINE * 0.72)
        pdf.set_xy(x_end - num_w - 1, line_y)
        pdf.cell(num_w + 1, TOC_LINE, number, align="R")
        link = pdf.add_link(page=section.page_number)
        pdf.link(pdf.l_margin, entry.y, pdf.epw, entry.lines * TOC_LINE, link)
    while pdf.page < start + renderer.toc_pages - 1:
        pdf.add_page()

