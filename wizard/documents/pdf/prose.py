"""Headings, paragraphs, notes and lists; a heading is kept with what follows it."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from wizard.documents.blocks import (
    Block,
    Bullets,
    Heading,
    Paragraph,
    RadarChart,
    StackedBars,
    Table,
)
from wizard.documents.pdf import charts, tables
from wizard.documents.pdf.style import ACCENT, BODY_SIZE, INK, MUTED, NOTE_FILL, PT
from wizard.documents.pdf.text import is_number, printable_text
from wizard.textclean import single_line

if TYPE_CHECKING:
    from wizard.documents.pdf.document import Renderer

# Heading: size, space before, space after, colour, maximum lines
HEADING = {1: (17.0, 7.0, 4.0, ACCENT, 3), 2: (13.0, 5.0, 2.0, ACCENT, 3), 3: (11.0, 3.5, 1.2, INK, 3)}
# Paragraph: size, line factor, colour, space after
PARAGRAPH = {"body": (10.5, 1.45, INK, 2.6), "lead": (12.0, 1.45, INK, 3.4),
             "small": (8.5, 1.4, MUTED, 2.0), "note": (9.5, 1.45, INK, 4.0), "compact": (9.5, 1.4, INK, 1.8)}


def level(block: Heading) -> int:
    """1, 2 or 3, whatever the block says."""
    return min(3, max(1, int(block.level))) if is_number(block.level) else 1


def fitted_heading(r: Renderer, block: Heading) -> tuple[str, int, float]:
    """The heading's text cut to its maximum lines, its level, its full height."""
    key = (block.text, block.level)
    if key not in r.headings:
        pdf = r.pdf
        text, lvl = printable_text(block.text), level(block)
        size, before, after, _, max_lines = HEADING[lvl]
        pdf.use(size, "B")
        with pdf.features((text, "B")):
            text = pdf.fit_lines(text, pdf.epw, pdf.line_height(1.25), max_lines)
            height = pdf.text_height(text, pdf.epw, pdf.line_height(1.25))
        pdf.use(BODY_SIZE)
        r.headings[key] = (text, lvl, before + height + after + (3 if lvl == 1 else 0))
    return r.headings[key]


def follow_height(r: Renderer, following: Sequence[Block], depth: int = 0) -> float:
    """The least of what follows a heading that must stay on the heading's page: the
    next heading with what follows it, the first lines of a paragraph (a short one
    with what comes next), the first items of a list, a table's first row, a chart."""
    if not following or depth > 3:
        return 0
    block = following[0]
    if isinstance(block, Heading):
        return fitted_heading(r, block)[2] + follow_height(r, following[1:], depth + 1)
    if isinstance(block, Paragraph):
        size, factor, _, after = PARAGRAPH.get(block.style, PARAGRAPH["body"])
        line = size * PT * factor
        lines = 1 + int((len(block.text) + len(block.label)) * size * PT * 0.5 / r.pdf.epw) \
            + block.text.count("\n")
        height = min(3, lines) * line + (8 if block.style == "note" else 0)
        if lines <= 2 and len(following) > 1:  # a one-line introduction: keep what it introduces
            height += after + follow_height(r, following[1:], depth + 1)
        return height
    if isinstance(block, Bullets):
        return 2 * BODY_SIZE * PT * 1.45
    if isinstance(block, Table):
        prepared = tables.prepare(r, block)
        return prepared.first_height if prepared else 0
    if isinstance(block, RadarChart):
        return charts.RADAR_HEIGHT
    if isinstance(block, StackedBars):
        return min(charts.bars_height(block, len(block.categories)), r.pdf.eph)
    return 0


def heading(r: Renderer, block: Heading) -> None:
    pdf = r.pdf
    text, lvl, height = fitted_heading(r, block)
    size, before, after, color, _ = HEADING[lvl]
    needed = height + min(follow_height(r, r.following), 100)
    if lvl == 1 and r.doc.kind == "strategy":
        needed = max(needed, 40)
    pdf.ensure_room(needed)
    if not pdf.at_page_top():
        pdf.ln(before)
    pdf.use(size, "B", color)
    with pdf.features((text, "B")):
        if block.toc:
            pdf.start_section(single_line(text)[:300] or "—", level=lvl - 1, strict=False)
        pdf.write_block(text, pdf.epw, pdf.line_height(1.25))
    if lvl == 1:
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.8)
        pdf.line(pdf.l_margin, pdf.y + 1.5, pdf.l_margin + 22, pdf.y + 1.5)
        pdf.ln(3)
    pdf.ln(after)
    pdf.use(BODY_SIZE)


def label(r: Renderer, text: str) -> str:
    """« Prochaine étape » + text -> « Prochaine étape : text » (a label that already ends
    with a space or a punctuation mark is kept as it is)."""
    text = single_line(printable_text(text, newlines=False)) if text else ""
    if not text:
        return ""
    if text[-1] in " \u00a0\u202f":
        return text
    if text[-1] in ":.!?—–-·)":
        return text + " "
    return text + ("\u00a0: " if r.lang == "fr" else ": ")


def paragraph(r: Renderer, block: Paragraph) -> None:
    pdf = r.pdf
    size, factor, color, after = PARAGRAPH.get(block.style, PARAGRAPH["body"])
    text = printable_text(block.text)
    prefix = label(r, block.label)
    if not text and not prefix:
        return
    full = prefix + text
    pdf.use(size, "", color)
    line = pdf.line_height(factor)
    with pdf.features((prefix, "B"), (text, "")):
        if block.style == "note":
            note(r, full, len(prefix), line)
        else:
            if not pdf.at_page_top() and pdf.room() < 2 * line and len(full) > 60:
                pdf.add_page()
            pdf.write_block(full, pdf.epw, line, bold_prefix=len(prefix))
    pdf.ln(after)
    pdf.use(BODY_SIZE)


def note(r: Renderer, text: str, bold: int, line: float) -> None:
    """A light box with an accent bar on the left; too long for a page, plain text."""
    pdf = r.pdf
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


def bullets(r: Renderer, block: Bullets) -> None:
    pdf = r.pdf
    items = [printable_text(item) for item in block.items]
    if not items:
        return
    labels = [label(r, block.labels[i]) if i < len(block.labels) else "" for i in range(len(items))]
    pdf.use(BODY_SIZE)
    line = pdf.line_height(1.45)
    pdf.use(BODY_SIZE, "B")
    indent = 6.5 if not block.numbered else max(6.5, pdf.get_string_width(f"{len(items)}.") + 2.5)
    for index, (item, prefix) in enumerate(zip(items, labels)):
        if pdf.room() < line:
            pdf.add_page()
        y = pdf.y
        pdf.use(BODY_SIZE, "B", ACCENT)
        pdf.set_xy(pdf.l_margin, y)
        marker = f"{index + 1}." if block.numbered else "•"
        pdf.cell(indent, line, marker, align="L" if block.numbered else "C")
        pdf.use(BODY_SIZE, "", INK)
        with pdf.features((prefix, "B"), (item, "")):
            pdf.write_block(prefix + item, pdf.epw - indent, line, bold_prefix=len(prefix),
                            x=pdf.l_margin + indent)
        pdf.ln(1.2)
    pdf.ln(1.8)
