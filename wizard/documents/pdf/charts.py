"""Charts drawn as vector paths by fpdf2 itself (no browser, no image): the maturity radar
and the stacked workload bars, which go on over the next page when they have many bars."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from wizard import formatting
from wizard.documents.blocks import RadarChart, StackedBars
from wizard.documents.pdf.style import (
    ACCENT,
    ALERT,
    BODY_SIZE,
    GRID,
    INK,
    MUTED,
    RULE,
    SERIES,
    WHITE,
)
from wizard.documents.pdf.text import is_number, printable_text, quantity
from wizard.textclean import single_line

if TYPE_CHECKING:
    from wizard.documents.pdf.canvas import Canvas
    from wizard.documents.pdf.document import Renderer

RADAR_R = 32.0
RADAR_LABEL_W = 40.0
RADAR_MARGIN = 15.0  # above and below the outer ring: room for three lines of label
RADAR_HEIGHT = 12 + 2 * (32.0 + 15.0) + 4  # with a title of two lines at most


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
    values = list(block.values)[:n] + [None] * (n - len(block.values))
    maximum = float(block.maximum) if is_number(block.maximum) and block.maximum > 0 else 5.0
    cx = pdf.l_margin + pdf.epw / 2
    cy = pdf.y + RADAR_MARGIN + RADAR_R
    radius = RADAR_R

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
            text = formatting.number(ring, renderer.lang)
            width = pdf.get_string_width(text) + 0.5
            pdf.set_xy(cx - 0.8 - width, cy - r - 2.6)
            pdf.cell(width, 3, text, align="R")
        # the values
        scores = []
        for value in values:
            v = float(value) if is_number(value) else 0.0
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
            if is_number(value):
                pdf.circle(x, y, 0.9, style="F")
    # labels around
    for i, (label, value) in enumerate(zip(labels, values)):
        if is_number(value):
            score = formatting.number(min(max(float(value), 0.0), maximum), renderer.lang)
            suffix = f" ({score}/{formatting.number(maximum, renderer.lang)})"
        else:
            suffix = f" ({renderer.strings['not_assessed']})"
        _radar_label(renderer, label, suffix, point(i, radius + 3.0), i, n)
    pdf.set_y(cy + radius + RADAR_MARGIN + 4)
    pdf.use(BODY_SIZE)


def _radar_label(renderer: Renderer, label: str, suffix: str, at: tuple[float, float], i: int, n: int) -> None:
    pdf = renderer.pdf
    angle = -math.pi / 2 + 2 * math.pi * i / n
    cos, sin = math.cos(angle), math.sin(angle)
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


def _series(block: StackedBars) -> list[tuple[str, list[float]]]:
    n = len(block.categories)
    series = []
    for entry in block.series:
        try:
            name, values = entry
            values = list(values)[:n]
        except (TypeError, ValueError):
            continue
        numbers = [float(v) if is_number(v) and v > 0 else 0.0 for v in values]
        series.append((single_line(printable_text(name, newlines=False)), numbers + [0.0] * (n - len(numbers))))
    return series


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
    line_label = 6 if is_number(block.line_value) else 0
    return 9 + legend_rows * 5 + 3 + line_label + count * (BAR_H + BAR_GAP) + 9


def bars(renderer: Renderer, block: StackedBars) -> None:
    pdf = renderer.pdf
    title = printable_text(block.title)
    categories = [printable_text(c, newlines=False) for c in block.categories]
    series = _series(block)
    if not categories or not series:
        pdf.ensure_room(16)
        _chart_title(pdf, title)
        _no_data(renderer)
        return
    legend = _legend_rows(pdf, [name for name, _ in series])
    per_page = max(1, int((pdf.eph - bars_height(block, 0, len(legend))) // (BAR_H + BAR_GAP)))
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    line_value = float(block.line_value) if is_number(block.line_value) and block.line_value >= 0 else None
    top = max(totals + [line_value or 0.0])
    step = _nice_step(top / 5) if top > 0 else 1.0
    axis_max = max(step, math.ceil(top / step - 1e-9) * step)
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
            for j, (_, values) in enumerate(series):
                value = values[i]
                if value <= 0:
                    continue
                pdf.set_fill_color(*SERIES[j % len(SERIES)])
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


def _nice_step(raw: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at least `raw`."""
    if not raw > 0 or not math.isfinite(raw):
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw - 1e-12:
            return factor * power
    return 10 * power

