"""The geometry of the two document charts, shared by the PDF (drawn by fpdf2,
wizard/documents/pdf/charts.py) and the Word pictures (drawn by Pillow,
wizard/documents/docx/pictures.py): sizes in millimetres, the value axis, the radar's rings
and angles, and the numbers a chart block may carry cleaned the same way."""
from __future__ import annotations

import math

from wizard.documents.blocks import RadarChart, StackedBars

TEXT_WIDTH = 170.0  # mm: A4 less 2 × 20 mm (PDF) or 2 × 2 cm (Word)

RADAR_R = 32.0
RADAR_LABEL_W = 40.0
RADAR_MARGIN = 15.0  # above and below the outer ring: room for three lines of label
RADAR_LABEL_GAP = 3.0  # between the outer ring and a label

BAR_LABEL_W = 44.0
BAR_H = 6.5
BAR_GAP = 3.2
BAR_VALUE_W = 16.0
LEGEND_SWATCH = 3.4
LEGEND_ROW = 5.0


def finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def nice_step(raw: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at least `raw`."""
    if not raw > 0 or not math.isfinite(raw):
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw - 1e-12:
            return factor * power
    return 10 * power


# -- radar --

def radar_maximum(block: RadarChart) -> float:
    return float(block.maximum) if finite(block.maximum) and block.maximum > 0 else 5.0


def radar_values(block: RadarChart) -> list[float | None]:
    """One value per label (None: not assessed)."""
    n = len(block.labels)
    values = list(block.values)[:n] + [None] * (n - len(block.values))
    return [float(v) if finite(v) else None for v in values]


def radar_scores(block: RadarChart) -> list[float]:
    """What is drawn: each value within 0..maximum, 0 when not assessed."""
    maximum = radar_maximum(block)
    return [min(max(v, 0.0), maximum) if v is not None else 0.0 for v in radar_values(block)]


def radar_rings(maximum: float) -> list[float]:
    step = nice_step(maximum / 5) if maximum > 10 else 1.0
    rings = [step * k for k in range(1, int(maximum / step + 1e-9) + 1)]
    if not rings or rings[-1] < maximum - 1e-9:
        rings.append(maximum)
    return rings


def radar_angle(i: int, n: int) -> float:
    """The first axis points up, the others follow clockwise (y grows downwards)."""
    return -math.pi / 2 + 2 * math.pi * i / n


def radar_point(cx: float, cy: float, r: float, i: int, n: int) -> tuple[float, float]:
    angle = radar_angle(i, n)
    return cx + r * math.cos(angle), cy + r * math.sin(angle)


def radar_anchor(i: int, n: int) -> tuple[str, str]:
    """How a label sits against its point: (L|C|R, top|middle|bottom)."""
    angle = radar_angle(i, n)
    cos, sin = math.cos(angle), math.sin(angle)
    horizontal = "L" if cos > 0.25 else "R" if cos < -0.25 else "C"
    vertical = "bottom" if sin < -0.25 else "top" if sin > 0.25 else "middle"
    return horizontal, vertical


# -- stacked bars --

def bar_series(block: StackedBars) -> list[tuple[object, list[float]]]:
    """(name as given, one value ≥ 0 per category) for every well-formed series."""
    n = len(block.categories)
    out = []
    for entry in block.series:
        try:
            name, values = entry
            values = list(values)[:n]
        except (TypeError, ValueError):
            continue
        numbers = [float(v) if finite(v) and v > 0 else 0.0 for v in values]
        out.append((name, numbers + [0.0] * (n - len(numbers))))
    return out


def bar_line(block: StackedBars) -> float | None:
    return float(block.line_value) if finite(block.line_value) and block.line_value >= 0 else None


def bar_axis(totals: list[float], line_value: float | None) -> tuple[float, float]:
    """(axis maximum, tick step): the largest bar or the reference line, rounded up to a tick."""
    top = max(totals + [line_value or 0.0])
    step = nice_step(top / 5) if top > 0 else 1.0
    return max(step, math.ceil(top / step - 1e-9) * step), step


def bars_per_page(room: float, legend_rows: int, with_line: bool) -> int:
    """How many bars fit under the legend in `room` mm (the PDF's page, a Word picture)."""
    return max(1, int((room - bars_height(0, legend_rows, with_line)) // (BAR_H + BAR_GAP)))


def bars_height(count: int, legend_rows: int, with_line: bool) -> float:
    """Title, legend, reference line label, `count` bars, axis values (mm)."""
    return 9 + legend_rows * LEGEND_ROW + 3 + (6 if with_line else 0) + count * (BAR_H + BAR_GAP) + 9
