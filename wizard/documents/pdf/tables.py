"""Tables: column widths that keep header words whole, giant cells cut, fpdf2's table()."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fpdf.enums import TableBordersLayout, TableCellFillMode
from fpdf.fonts import FontFace

from wizard.documents.blocks import Table
from wizard.documents.pdf.fonts import FAMILY
from wizard.documents.pdf.style import ACCENT, BODY_SIZE, INK, MUTED, RULE, WHITE, ZEBRA
from wizard.documents.pdf.text import is_number, printable_text

if TYPE_CHECKING:
    from wizard.documents.pdf.document import Renderer

TABLE_SIZE = 9.0
TABLE_PAD = (1.6, 2.0, 1.6, 2.0)  # top, right, bottom, left
CELL_MAX_LINES = 36
HEAD_MAX_LINES = 4


@dataclass
class PreparedTable:
    header: list[str]
    rows: list[list[str]]
    widths: tuple[float, ...]
    size: float
    line: float
    caption: str
    caption_line: float
    first_height: float  # caption + header row + first row: kept together


def prepare(r: Renderer, block: Table) -> PreparedTable | None:
    """Cleaned cells, column widths, giant cells cut (fpdf2 cannot split a row over two
    pages), and the height that must stay together; measured once per block."""
    cached = r.prepared.get(id(block))
    if cached is not None:
        return cached[1]
    pdf = r.pdf
    header = [printable_text(c) for c in block.header]
    rows = [[printable_text(c) for c in row] for row in block.rows]
    columns = max([len(header)] + [len(row) for row in rows])
    if columns == 0:
        r.prepared[id(block)] = (block, None)
        return None
    if header:
        header += [""] * (columns - len(header))
    rows = [row + [""] * (columns - len(row)) for row in rows]
    size = TABLE_SIZE if columns <= 6 else (8.0 if columns <= 9 else 7.0)
    pad_x = TABLE_PAD[1] + TABLE_PAD[3]
    pad_y = TABLE_PAD[0] + TABLE_PAD[2]
    pdf.use(size, "B")
    line = pdf.line_height(1.35)
    cells = [(c, "B") for c in header] + [(c, "") for row in rows for c in row]
    with pdf.features(*cells):
        # The longest word of each header cell should not be split across lines.
        minimums = [min(pdf.get_string_width(max(c.split() or [""], key=len)[:40]) + pad_x + 1, 45.0)
                    for c in header] if header else [0.0] * columns
        widths = column_widths(pdf.epw, block.widths, columns, minimums)
        if header:
            header = [fit_cell(pdf, c, w - pad_x, line, HEAD_MAX_LINES) for c, w in zip(header, widths)]
        pdf.use(size)
        rows = [[fit_cell(pdf, c, w - pad_x, line, CELL_MAX_LINES) for c, w in zip(row, widths)] for row in rows]
        first = 0.0
        if header:
            pdf.use(size, "B")
            first += max(pdf.text_height(c, w - pad_x, line) for c, w in zip(header, widths)) + pad_y
        if rows:
            pdf.use(size)
            first += max(pdf.text_height(c, w - pad_x, line) for c, w in zip(rows[0], widths)) + pad_y
    caption = printable_text(block.caption)
    pdf.use(8.5, "B", MUTED)
    caption_line = pdf.line_height(1.35)
    if caption:
        with pdf.features((caption, "B")):
            caption = pdf.fit_lines(caption, pdf.epw, caption_line, 3)
            first += pdf.text_height(caption, pdf.epw, caption_line) + 1.5
    pdf.use(BODY_SIZE)
    prepared = PreparedTable(header, rows, widths, size, line, caption, caption_line, first + 1)
    r.prepared[id(block)] = (block, prepared)  # the block is kept so that its id stays unique
    return prepared


def table(r: Renderer, block: Table) -> None:
    pdf = r.pdf
    prepared = prepare(r, block)
    if prepared is None:
        return
    header, rows, size = prepared.header, prepared.rows, prepared.size
    pdf.ensure_room(prepared.first_height)
    if prepared.caption:
        pdf.use(8.5, "B", MUTED)
        with pdf.features((prepared.caption, "B")):
            pdf.write_block(prepared.caption, pdf.epw, prepared.caption_line)
        pdf.ln(1.5)
    cells = [(c, "B") for c in header] + [(c, "") for row in rows for c in row]
    with pdf.features(*cells):
        pdf.use(size, "", INK)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        pdf.set_fill_color(*WHITE)  # fpdf2 fills the rows left unfilled with the current colour
        with pdf.table(
            width=pdf.epw,
            col_widths=prepared.widths,
            line_height=prepared.line,
            padding=TABLE_PAD,
            text_align="LEFT",
            v_align="TOP",
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            cell_fill_color=ZEBRA,
            cell_fill_mode=TableCellFillMode.EVEN_ROWS if header else TableCellFillMode.ROWS,
            headings_style=FontFace(family=FAMILY, emphasis="BOLD", color=WHITE, fill_color=ACCENT,
                                    size_pt=size),
            first_row_as_headings=bool(header),
            repeat_headings=1,
        ) as drawn:
            for row in ([header] if header else []) + rows:
                cells_row = drawn.row()
                for cell in row:
                    cells_row.cell(cell)
    pdf.ln(4)
    pdf.use(BODY_SIZE)


def column_widths(epw: float, relative: Sequence[float], columns: int,
                  minimums: Sequence[float] = ()) -> tuple[float, ...]:
    """Relative widths -> mm, each column at least wide enough for one character (and,
    when the page allows, for the longest word of its header)."""
    values = [float(v) if is_number(v) and v > 0 else 0.0 for v in list(relative)[:columns]]
    if len(values) < columns or not any(values):
        known = [v for v in values if v > 0]
        filler = sum(known) / len(known) if known else 1.0
        values = [v if v > 0 else filler for v in values] + [filler] * (columns - len(values))
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


def fit_cell(pdf, text: str, width: float, line: float, max_lines: int) -> str:
    if not text:
        return text
    estimate = len(text) * 1.4 * pdf.font_size / max(width, 1) + text.count("\n")
    if estimate <= max_lines:
        return text
    return pdf.fit_lines(text, width, line, max_lines)
