"""Charts drawn as vector paths by fpdf2 itself (no browser, no image): the maturity radar
and the stacked workload bars, which go on over the next page when they have many bars. Sizes
and axes are wizard/documents/geometry.py's and colours palette.py's, as in the Word pictures."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from wizard import formatting
from wizard.documents import geometry, palette
from wizard.documents.blocks import RadarChart, StackedBars
from wizard.documents.geometry import (
    BAR_GAP,
    BAR_H,
    BAR_LABEL_W,
    BAR_VALUE_W,
    RADAR_LABEL_W,
    RADAR_MARGIN,
    RADAR_R,
)
from wizard.documents.pdf.style import (
    ALERT,
    BODY_SIZE,
    GRID,
    INK,
    MUTED,
    RADAR,
    RULE,
    WHITE,
)
from wizard.documents.pdf.text import is_number, printable_text, quantity
from wizard.textclean import single_line

if TYPE_CHECKING:
    from wizard.documents.pdf.canvas import Canvas
    from wizard.documents.pdf.document import Renderer

RADAR_HEIGHT = 12 + 2 * (RADAR_R + RADAR_MARGIN) + 4  # with a title of two lines at most


def radar(renderer: Renderer, block: RadarChart) -> None:
    pdf = renderer.pdf
    pdf.ensure_room(RADAR_HEIGHT)
    title = printable_text(block.title)
    _chart_title(pdf, title)
    labels = [printable_text(l, newlines=False) for l in block.labels]
    n = len(labels)
    if n == 0:
        _no_data(renderer)
        return
    values = geometry.radar_values(block)
    maximum = geometry.radar_maximum(block)
    cx = pdf.l_margin + pdf.epw / 2
    cy = pdf.y + RADAR_MARGIN + RADAR_R
    radius = RADAR_R

    def point(i: int, r: float) -> tuple[float, float]:
        return geometry.radar_point(cx, cy, r, i, n)

    rings = geometry.radar_rings(maximum)
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
            text = formatting.number(ring, renderer.lang)
            width = pdf.get_string_width(text) + 0.5
            pdf.set_xy(cx - 0.8 - width, cy - r - 2.6)
            pdf.cell(width, 3, text, align="R")
        # the values
        scores = geometry.radar_scores(block)
        shape = [point(i, radius * s / maximum) for i, s in enumerate(scores)]
        if n >= 3:
            with pdf.local_context(fill_opacity=palette.RADAR_FILL_OPACITY):
                pdf.set_fill_color(*RADAR)
                pdf.polygon(shape, style="F")
            pdf.set_draw_color(*RADAR)
            pdf.set_line_width(0.7)
            pdf.polygon(shape, style="D")
        else:
            pdf.set_draw_color(*RADAR)
            pdf.set_line_width(0.7)
            for x, y in shape:
                pdf.line(cx, cy, x, y)
        pdf.set_fill_color(*RADAR)
        for (x, y), value in zip(shape, values):
            if value is not None:
                pdf.circle(x, y, 0.9, style="F")
    # labels around
    for i, (label, value) in enumerate(zip(labels, values)):
        if value is not None:
            score = formatting.number(min(max(float(value), 0.0), maximum), renderer.lang)
            suffix = f" ({score}/{formatting.number(maximum, renderer.lang)})"
        else:
            suffix = f" ({renderer.strings['not_assessed']})"
        _radar_label(renderer, label, suffix, point(i, radius + geometry.RADAR_LABEL_GAP), i, n)
    pdf.set_y(cy + radius + RADAR_MARGIN + 4)
    pdf.use(BODY_SIZE)


def _radar_label(renderer: Renderer, label: str, suffix: str, at: tuple[float, float], i: int, n: int) -> None:
    pdf = renderer.pdf
    horizontal, vertical = geometry.radar_anchor(i, n)
    width = RADAR_LABEL_W
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
        align = horizontal
        left = {"L": x, "R": x - width, "C": x - width / 2}[horizontal]
        top = {"bottom": y - height, "top": y, "middle": y - height / 2}[vertical]
        left = min(max(left, pdf.l_margin), pdf.w - pdf.r_margin - width)
        pdf.set_xy(left, top)
        pdf.write_block(text, width, line, align=align, bold_prefix=bold, x=left)


# -- stacked bars --


def _series(block: StackedBars, lang: str) -> list[tuple[str, list[float], tuple[int, int, int]]]:
    """(printable name, values, colour): each activity in its palette colour (wizard/documents/palette.py)."""
    series = geometry.bar_series(block)
    colours = palette.series_colours([name for name, _ in series], lang)
    return [(single_line(printable_text(name, newlines=False)), values, palette.rgb(colour))
            for (name, values), colour in zip(series, colours)]


def _legend_rows(pdf: Canvas, names: list[str]) -> list[list[tuple[str, float]]]:
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


def bars_height(block: StackedBars, count: int, legend_rows: int | None = None) -> float:
    if legend_rows is None:
        legend_rows = max(1, math.ceil(len(block.series) / 4))
    return geometry.bars_height(count, legend_rows, is_number(block.line_value))


def bars(renderer: Renderer, block: StackedBars) -> None:
    pdf = renderer.pdf
    title = printable_text(block.title)
    categories = [printable_text(c, newlines=False) for c in block.categories]
    series = _series(block, renderer.lang)
    if not categories or not series:
        pdf.ensure_room(16)
        _chart_title(pdf, title)
        _no_data(renderer)
        return
    legend = _legend_rows(pdf, [name for name, _, _ in series])
    per_page = geometry.bars_per_page(pdf.eph, len(legend), is_number(block.line_value))
    totals = [sum(values[i] for _, values, _ in series) for i in range(len(categories))]
    line_value = geometry.bar_line(block)
    axis_max, step = geometry.bar_axis(totals, line_value)
    unit = single_line(printable_text(block.unit, newlines=False))
    for start in range(0, len(categories), per_page):
        chunk = range(start, min(len(categories), start + per_page))
        height = bars_height(block, len(chunk), len(legend))
        pdf.ensure_room(height)
        chunk_title = title if start == 0 else f"{title} ({renderer.strings['continued']})"
        _draw_bars(renderer, chunk_title, categories, series, totals, chunk, legend, axis_max, step,
                   line_value, printable_text(block.line_label, newlines=False), unit)


def _draw_bars(renderer: Renderer, title, categories, series, totals, chunk, legend, axis_max, step,
               line_value, line_label, unit) -> None:
    pdf = renderer.pdf
    _chart_title(pdf, title)
    # legend
    y = pdf.y
    index = 0
    for row in legend:
        x = pdf.l_margin
        for name, width in row:
            pdf.set_fill_color(*series[index][2])
            index += 1
            pdf.rect(x, y + 0.8, geometry.LEGEND_SWATCH, geometry.LEGEND_SWATCH, style="F")
            pdf.use(8, "", INK)
            pdf.set_xy(x + 5, y)
            with pdf.features((name, "")):
                pdf.cell(width - 5, 5, name)
            x += width
        y += geometry.LEGEND_ROW
    y += 3
    x0 = pdf.l_margin + BAR_LABEL_W + 3
    bar_w = pdf.epw - BAR_LABEL_W - 3 - BAR_VALUE_W

    def at(value: float) -> float:
        return x0 + bar_w * value / axis_max

    if line_value is not None:
        label = single_line(line_label) or quantity(line_value, unit, renderer.lang)
        pdf.use(8, "B", ALERT)
        with pdf.features((label, "B")):
            label = pdf.fit_width(label, pdf.epw - BAR_LABEL_W)
            width = pdf.get_string_width(label) + 1
            left = min(max(at(line_value) - width / 2, x0 - BAR_LABEL_W / 2), pdf.w - pdf.r_margin - width)
            pdf.set_xy(left, y)
            pdf.cell(width, 4, label, align="C")
        y += 6
    bars_top = y
    bars_bottom = y + len(chunk) * (BAR_H + BAR_GAP)
    # grid and ticks
    with pdf.local_context():
        pdf.set_line_width(0.2)
        pdf.set_draw_color(*GRID)
        ticks = int(round(axis_max / step))
        pdf.use(7, "", MUTED)
        for k in range(ticks + 1):
            x = at(k * step)
            pdf.line(x, bars_top - 1, x, bars_bottom)
            text = quantity(k * step, unit, renderer.lang)
            width = pdf.get_string_width(text) + 1
            pdf.set_xy(x - width / 2, bars_bottom + 1)
            pdf.cell(width, 3.5, text, align="C")
    # bars
    y = bars_top
    for i in chunk:
        pdf.use(8.5, "", INK)
        line = pdf.line_height(1.25)
        with pdf.features((categories[i], "")):
            label = pdf.fit_lines(categories[i], BAR_LABEL_W, line, 2)
            height = pdf.text_height(label, BAR_LABEL_W, line)
            pdf.set_xy(pdf.l_margin, y + BAR_H / 2 - height / 2)
            pdf.write_block(label, BAR_LABEL_W, line, align="R", x=pdf.l_margin)
        left = 0.0
        with pdf.local_context():
            pdf.set_draw_color(*WHITE)
            pdf.set_line_width(0.3)
            for _, values, colour in series:
                value = values[i]
                if value <= 0:
                    continue
                pdf.set_fill_color(*colour)
                pdf.rect(at(left), y, at(left + value) - at(left), BAR_H, style="FD")
                left += value
        pdf.use(8, "B", INK)
        pdf.set_xy(at(totals[i]) + 1.5, y + BAR_H / 2 - 2)
        pdf.cell(BAR_VALUE_W, 4, quantity(totals[i], unit, renderer.lang))
        y += BAR_H + BAR_GAP
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
    pdf.use(BODY_SIZE)


# -- chart helpers --


def _chart_title(pdf: Canvas, title: str) -> None:
    if not title:
        pdf.ln(2)
        return
    pdf.use(10.5, "B", INK)
    with pdf.features((title, "B")):
        title = pdf.fit_lines(title, pdf.epw, pdf.line_height(1.3), 2)
        pdf.write_block(title, pdf.epw, pdf.line_height(1.3))
    pdf.ln(2)


def _no_data(renderer: Renderer) -> None:
    pdf = renderer.pdf
    pdf.use(9, "", MUTED)
    pdf.write_block(renderer.strings["no_data"], pdf.epw, 5)
    pdf.ln(3)
    pdf.use(BODY_SIZE)
