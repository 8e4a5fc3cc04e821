"""The blocks in Word: real heading styles, list styles (each numbered list restarts at 1),
real tables whose header row repeats on every page, and each chart as a caption, a picture
drawn without a browser (pictures.py: the PDF's geometry and colours) and its data table,
the workload's activities shaded in their palette colours (wizard/documents/palette.py)."""
from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt, RGBColor

from wizard.documents import palette
from wizard.documents.blocks import (
    Bullets,
    Heading,
    Paragraph,
    RadarChart,
    StackedBars,
    Table,
)
from wizard.documents.docx import pictures
from wizard.documents.docx.styles import HEADER_FILL, TEXT_WIDTH, unlisted_heading_style
from wizard.documents.docx.text import (
    amount,
    finite,
    number_text,
    short,
    xml_line,
    xml_text,
)
from wizard.documents.docx.xml import TCPR_AFTER_SHD, element

if TYPE_CHECKING:
    from wizard.documents.docx.writer import Writer

ALT_LIMIT = 1000  # characters of a picture's description


def heading(writer: Writer, block: Heading) -> None:
    text = xml_line(block.text)
    if not text:
        return
    level = min(max(int(block.level), 1), 3)
    style = f"Heading {level}" if block.toc else _unlisted_style(writer, level)
    writer.paragraph(style).add_run(text)


def _unlisted_style(writer: Writer, level: int) -> str:
    if level not in writer.unlisted_styles:
        name = writer.words["style_unlisted"].format(level=level)
        unlisted_heading_style(writer.doc, name, level)
        writer.unlisted_styles[level] = name
    return writer.unlisted_styles[level]


def text_paragraph(writer: Writer, block: Paragraph) -> None:
    label, text = xml_text(block.label), xml_text(block.text)
    if not label and not text:
        return
    words = writer.words
    style = {"body": None, "lead": words["style_lead"], "small": words["style_small"],
             "note": words["style_note"]}.get(block.style)
    paragraph = writer.paragraph(style)
    if label:
        paragraph.add_run(label).bold = True
    if text:
        paragraph.add_run(text)


def bullets(writer: Writer, block: Bullets) -> None:
    items = [xml_text(item) for item in block.items]
    labels = [xml_text(label) for label in block.labels] + [""] * len(items)
    if not any(items) and not any(labels):
        return
    num_id = _restarted_numbering(writer.doc) if block.numbered else None
    style = "List Number" if block.numbered else "List Bullet"
    for item, label in zip(items, labels):
        if not item and not label:
            continue
        paragraph = writer.paragraph(style)
        if num_id is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
        if label:
            paragraph.add_run(label).bold = True
        if item:
            paragraph.add_run(item)


def _restarted_numbering(doc) -> int | None:
    """A new list instance of List Number's definition, starting again at 1."""
    try:
        numbering = doc.part.numbering_part.element
        style_num_id = doc.styles["List Number"].element.pPr.numPr.numId.val
        abstract_id = numbering.num_having_numId(style_num_id).abstractNumId.val
    except (AttributeError, KeyError):  # a template without it: the style's own numbering
        return None
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def table(writer: Writer, block: Table) -> None:
    data_table(writer, block.header, block.rows, block.widths, block.caption)


def data_table(writer: Writer, header: Iterable[str], rows: Iterable[Iterable[str]], widths: Iterable[float],
               caption: str = "", last_row_emphasis: bool = False, width: int = TEXT_WIDTH,
               header_fills: Sequence[str | None] = ()) -> None:
    """`header_fills`: a colour (« #RRGGBB ») per header cell, None for the usual one; the
    text on it is white or ink, whichever reads better (palette.text_on)."""
    doc = writer.doc
    header = [xml_text(h) for h in header]
    rows = [[xml_text(c) for c in row] for row in rows]
    columns = max([len(header)] + [len(r) for r in rows])
    if columns == 0:
        return
    caption = xml_text(caption).strip()
    if caption:
        writer.paragraph("Caption").add_run(caption)
    elif writer.pending_break:  # a table cannot carry "page break before": an empty paragraph does
        writer.paragraph()
    writer.at_page_start = False
    has_header = any(header)
    grid = doc.add_table(rows=(1 if has_header else 0) + len(rows), cols=columns)
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False  # fixed layout: a 5,000-character word wraps instead of widening
    column_widths = _column_widths(list(widths), columns, width)
    for index, column_width in enumerate(column_widths):
        grid.columns[index].width = column_width
    all_rows = ([header] if has_header else []) + rows
    cell_style = doc.styles[writer.words["style_cell"]]
    for row_index, (row, values) in enumerate(zip(grid.rows, all_rows)):
        is_header = has_header and row_index == 0
        is_last = last_row_emphasis and row_index == len(all_rows) - 1
        if is_header:
            row._tr.get_or_add_trPr().append(element("w:tblHeader"))  # repeated at the top of every page
        for index, cell in enumerate(row.cells):
            cell.width = column_widths[index]
            text = values[index] if index < len(values) else ""
            paragraph = cell.paragraphs[0]
            paragraph.style = cell_style
            fill = header_fills[index] if is_header and index < len(header_fills) else None
            if text:
                run = paragraph.add_run(text)
                if is_header:
                    run.bold = True
                if is_last:
                    run.italic = True
                if fill:
                    run.font.color.rgb = RGBColor.from_string(palette.text_on(fill).lstrip("#"))
            if is_header:
                tc_pr = cell._tc.get_or_add_tcPr()
                shade = fill.lstrip("#").upper() if fill else HEADER_FILL
                tc_pr.insert_element_before(element("w:shd", val="clear", color="auto", fill=shade),
                                            *TCPR_AFTER_SHD)
    spacer = doc.add_paragraph()  # Word glues consecutive tables together otherwise
    spacer.paragraph_format.space_after = Pt(0)


def radar(writer: Writer, block: RadarChart) -> None:
    if not block.labels:  # nothing to show
        return
    words, lang = writer.words, writer.lang
    values = list(block.values) + [None] * max(0, len(block.labels) - len(block.values))
    rows = [(label, words["not_assessed"] if value is None else number_text(value, lang))
            for label, value in zip(block.labels, values)]
    header = (words["dimension"], words["score"].format(maximum=number_text(block.maximum, lang)))
    _caption(writer, block.title)
    _picture(writer, pictures.radar_png(block, lang, words["not_assessed"]),
             _alt(block.title, [f"{label}{words['alt_sep']}{value}" for label, value in rows]))
    data_table(writer, header, rows, (3, 1), width=Cm(12))  # compact: two short columns


def bars(writer: Writer, block: StackedBars) -> None:
    if not block.categories:  # nothing to show
        return
    words, lang = writer.words, writer.lang
    unit = xml_text(block.unit).strip()

    def written(value: float | None) -> str:
        return amount(value, unit, lang)

    header = [words["category"]] + [name for name, _ in block.series] + [words["total"]]
    rows = []
    for index, category in enumerate(block.categories):
        cells, total = [category], 0.0
        for _, values in block.series:
            value = values[index] if index < len(values) else None
            cells.append(written(value) if value is not None else "")
            if finite(value):
                total += value
        cells.append(written(total))
        rows.append(cells)
    if block.line_value is not None:
        label = xml_text(block.line_label).strip() or words["reference"]
        rows.append([label] + [""] * len(block.series) + [written(block.line_value)])
    widths = (2,) + (1,) * (len(block.series) + 1)
    fills = [None] + palette.series_colours([name for name, _ in block.series], lang) + [None]
    _caption(writer, block.title)
    alt = _alt(block.title, [f"{row[0]}{words['alt_sep']}{row[-1]}" for row in rows])
    for png in pictures.bars_pngs(block, lang):
        _picture(writer, png, alt)
    data_table(writer, header, rows, widths, last_row_emphasis=block.line_value is not None, header_fills=fills)


def _caption(writer: Writer, title: str) -> None:
    caption = xml_text(title).strip()
    if caption:
        writer.paragraph("Caption").add_run(caption)


def _alt(title: str, parts: list[str]) -> str:
    """What a screen reader says of a picture: its title, then each figure."""
    said = " — ".join(p for p in (xml_text(title).strip(), xml_text("; ".join(parts))) if p)
    return short(said.replace("\n", " "), ALT_LIMIT)


def _picture(writer: Writer, png: bytes, alt: str) -> None:
    """The picture across the text width, kept with what follows, described for a screen reader."""
    paragraph = writer.paragraph()
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=TEXT_WIDTH)
    shape._inline.docPr.set("descr", alt)


def _column_widths(relative: list[float], columns: int, width: int = TEXT_WIDTH) -> list[int]:
    weights = [w if isinstance(w, (int, float)) and math.isfinite(w) and w > 0 else 0 for w in relative[:columns]]
    if len(weights) < columns or sum(weights) <= 0:
        weights = [1.0] * columns
    else:
        smallest = min(w for w in weights if w > 0)
        weights = [w if w > 0 else smallest for w in weights]
    total = sum(weights)
    return [int(width * w / total) for w in weights]
