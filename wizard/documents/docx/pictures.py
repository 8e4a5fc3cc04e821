"""The two charts as PNG pictures for Word, drawn by Pillow (fpdf2's own dependency) with the
PDF's geometry (wizard/documents/geometry.py), colours (wizard/documents/palette.py) and
fonts: no browser, no native Word chart (python-docx has none). The title stays a Word
caption above the picture, and the figures follow in a table (body.py)."""
from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from wizard.documents import geometry as g
from wizard.documents import palette
from wizard.documents.blocks import RadarChart, StackedBars
from wizard.documents.docx.text import amount, number_text, xml_line

SCALE = 8  # pixels per millimetre: 203 dpi
DPI = round(SCALE * 25.4)
PT = 25.4 / 72  # one point in mm
FONTS = Path(__file__).resolve().parent.parent / "fonts"  # the PDF's DejaVu Sans
WORD_ROOM = 225.0  # mm of an A4 page under a caption: more bars go on in another picture


@cache
def _font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), max(1, round(size * PT * SCALE)))


class Picture:
    """A white canvas measured in millimetres, as the PDF page is."""

    def __init__(self, width: float, height: float):
        self.image = Image.new("RGB", (self.px(width), self.px(height)), palette.WHITE)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def px(mm: float) -> int:
        return round(mm * SCALE)

    def at(self, x: float, y: float) -> tuple[int, int]:
        return self.px(x), self.px(y)

    def line(self, points, colour: str, width: float) -> None:
        self.draw.line([self.at(x, y) for x, y in points], fill=colour, width=max(1, self.px(width)), joint="curve")

    def dashed(self, x: float, top: float, bottom: float, colour: str, width: float, dash: float, gap: float):
        y = top
        while y < bottom:
            self.line([(x, y), (x, min(y + dash, bottom))], colour, width)
            y += dash + gap

    def rect(self, x: float, y: float, w: float, h: float, fill: str, outline: str | None = None,
             width: float = 0) -> None:
        box = [self.at(x, y), (self.px(x + w) - 1, self.px(y + h) - 1)]
        self.draw.rectangle(box, fill=fill, outline=outline, width=self.px(width) if outline else 0)

    def translucent_polygon(self, points, colour: str, opacity: float) -> None:
        """Filled at `opacity` over what is drawn already (the rings show through, as in the PDF)."""
        pixels = [self.at(x, y) for x, y in points]
        left, top = min(x for x, _ in pixels), min(y for _, y in pixels)
        box = (left, top, max(x for x, _ in pixels) + 1, max(y for _, y in pixels) + 1)
        region = self.image.crop(box).convert("RGBA")
        layer = Image.new("RGBA", region.size, (0, 0, 0, 0))
        ImageDraw.Draw(layer).polygon([(x - left, y - top) for x, y in pixels],
                                      fill=(*palette.rgb(colour), round(255 * opacity)))
        self.image.paste(Image.alpha_composite(region, layer).convert("RGB"), box[:2])

    def dot(self, x: float, y: float, r: float, colour: str) -> None:
        self.draw.ellipse([self.at(x - r, y - r), self.at(x + r, y + r)], fill=colour)

    # text, placed as fpdf2 places a cell: (x, y) is the top left of a box `h` high
    def width(self, text: str, size: float, bold: bool = False) -> float:
        return _font(size, bold).getlength(text) / SCALE

    def text(self, x: float, y: float, text: str, size: float, colour: str, bold: bool = False,
             h: float = 0, align: str = "L") -> None:
        anchor = {"L": "lm", "C": "mm", "R": "rm"}[align]
        self.draw.text(self.at(x, y + h / 2), text, fill=colour, font=_font(size, bold), anchor=anchor)

    def ellipsize(self, text: str, width: float, size: float, bold: bool = False) -> str:
        if self.width(text, size, bold) <= width:
            return text
        low, high = 0, len(text)
        while low < high:  # the longest start that fits with its ellipsis
            middle = (low + high + 1) // 2
            if self.width(text[:middle].rstrip() + "…", size, bold) <= width:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…"

    def wrap(self, text: str, width: float, size: float, bold: bool, max_lines: int) -> list[str]:
        """`text` in lines of `width`, at most `max_lines`, the last cut with an ellipsis."""
        lines, current, rest = [], "", text.split()
        while rest and len(lines) < max_lines:
            word = rest.pop(0)
            candidate = f"{current} {word}" if current else word
            if self.width(candidate, size, bold) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
                current = ""
                rest.insert(0, word)
                continue
            cut = self.ellipsize(word, width, size, bold)[:-1] or word[:1]  # a word wider than a line
            lines.append(cut)
            if word[len(cut):]:
                rest.insert(0, word[len(cut):])
        if current and len(lines) < max_lines:
            lines.append(current)
            current = ""
        if rest or current:
            lines[-1] = self.ellipsize(f"{lines[-1]} {' '.join([current] + rest).strip()}", width, size, bold)
        return lines

    def png(self) -> bytes:
        out = io.BytesIO()
        self.image.save(out, format="PNG", dpi=(DPI, DPI), compress_level=6)
        return out.getvalue()


# -- radar --

def radar_png(block: RadarChart, lang: str, not_assessed: str) -> bytes:
    labels = [xml_line(label) for label in block.labels]
    n = len(labels)
    values, scores = g.radar_values(block), g.radar_scores(block)
    maximum = g.radar_maximum(block)
    pic = Picture(g.TEXT_WIDTH, 2 * (g.RADAR_MARGIN + g.RADAR_R) + 4)
    cx, cy, radius = g.TEXT_WIDTH / 2, g.RADAR_MARGIN + g.RADAR_R + 2, g.RADAR_R

    def point(i: int, r: float) -> tuple[float, float]:
        return g.radar_point(cx, cy, r, i, n)

    rings = g.radar_rings(maximum)
    for ring in rings:
        r = radius * ring / maximum
        colour = palette.RULE if ring == rings[-1] else palette.GRID
        if n >= 3:
            shape = [point(i, r) for i in range(n)]
            pic.line(shape + shape[:1], colour, 0.2)
        else:
            pic.draw.ellipse([pic.at(cx - r, cy - r), pic.at(cx + r, cy + r)], outline=colour, width=pic.px(0.2))
    for i in range(n):
        pic.line([(cx, cy), point(i, radius)], palette.GRID, 0.2)
    for ring in rings:
        pic.text(cx - 0.8, cy - radius * ring / maximum - 2.6, number_text(ring, lang), 6.5, palette.MUTED,
                 h=3, align="R")
    shape = [point(i, radius * s / maximum) for i, s in enumerate(scores)]
    if n >= 3:
        pic.translucent_polygon(shape, palette.RADAR, palette.RADAR_FILL_OPACITY)
        pic.line(shape + shape[:1], palette.RADAR, 0.7)
    else:
        for x, y in shape:
            pic.line([(cx, cy), (x, y)], palette.RADAR, 0.7)
    for (x, y), value in zip(shape, values):
        if value is not None:
            pic.dot(x, y, 0.9, palette.RADAR)
    of = number_text(maximum, lang)
    for i, (label, value) in enumerate(zip(labels, values)):
        score = number_text(min(max(value, 0.0), maximum), lang) if value is not None else ""
        suffix = f"({score}/{of})" if value is not None else f"({not_assessed})"
        _radar_label(pic, label, suffix, point(i, radius + g.RADAR_LABEL_GAP), g.radar_anchor(i, n))
    return pic.png()


def _radar_label(pic: Picture, label: str, suffix: str, at, anchor) -> None:
    """The label in bold (two lines at most) then its score, against the point as in the PDF."""
    width, size, line = g.RADAR_LABEL_W, 8, 8 * PT * 1.3
    lines = [[(text, True)] for text in pic.wrap(label, width, size, True, 2)] if label else []
    if lines and sum(pic.width(t, size, b) for t, b in lines[-1]) + pic.width(" " + suffix, size) <= width:
        lines[-1].append((" " + suffix, False))
    else:
        lines.append([(pic.ellipsize(suffix, width, size), False)])
    horizontal, vertical = anchor
    x, y = at
    height = len(lines) * line
    left = {"L": x, "R": x - width, "C": x - width / 2}[horizontal]
    top = {"bottom": y - height, "top": y, "middle": y - height / 2}[vertical]
    left = min(max(left, 0.0), g.TEXT_WIDTH - width)
    for row, parts in enumerate(lines):
        whole = sum(pic.width(text, size, bold) for text, bold in parts)
        start = {"L": left, "R": left + width - whole, "C": left + (width - whole) / 2}[horizontal]
        for text, bold in parts:
            pic.text(start, top + row * line, text, size, palette.INK, bold=bold, h=line)
            start += pic.width(text, size, bold)


# -- stacked bars --

def bars_pngs(block: StackedBars, lang: str) -> list[bytes]:
    """One picture, or several when the bars would not fit one page (as the PDF goes on)."""
    categories = [xml_line(c) for c in block.categories]
    series = g.bar_series(block)
    if not categories or not series:
        return []
    colours = palette.series_colours([name for name, _ in series], lang)
    names = [xml_line(name) for name, _ in series]
    unit = xml_line(block.unit).strip()
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    line_value = g.bar_line(block)
    axis_max, step = g.bar_axis(totals, line_value)
    probe = Picture(1, 1)
    legend = _legend_rows(probe, names)
    per_picture = g.bars_per_page(WORD_ROOM, len(legend), line_value is not None)
    out = []
    for start in range(0, len(categories), per_picture):
        chunk = range(start, min(len(categories), start + per_picture))
        height = g.bars_height(len(chunk), len(legend), line_value is not None) - 9 + 2  # no title
        pic = Picture(g.TEXT_WIDTH, height)
        _draw_bars(pic, categories, series, colours, totals, chunk, legend, axis_max, step, line_value,
                   xml_line(block.line_label), unit, lang)
        out.append(pic.png())
    return out


def _legend_rows(pic: Picture, names: list[str]) -> list[list[tuple[str, float]]]:
    rows: list[list[tuple[str, float]]] = [[]]
    used = 0.0
    for name in names:
        text = pic.ellipsize(name, 70, 8)
        width = 5 + pic.width(text, 8) + 6
        if rows[-1] and used + width > g.TEXT_WIDTH:
            rows.append([])
            used = 0.0
        rows[-1].append((text, width))
        used += width
    return rows if rows[0] else []


def _draw_bars(pic: Picture, categories, series, colours, totals, chunk, legend, axis_max, step, line_value,
               line_label, unit, lang) -> None:
    y, index = 2.0, 0
    for row in legend:
        x = 0.0
        for name, width in row:
            pic.rect(x, y + 0.8, g.LEGEND_SWATCH, g.LEGEND_SWATCH, colours[index])
            pic.text(x + 5, y, name, 8, palette.INK, h=g.LEGEND_ROW)
            index += 1
            x += width
        y += g.LEGEND_ROW
    y += 3
    x0 = g.BAR_LABEL_W + 3
    bar_w = g.TEXT_WIDTH - g.BAR_LABEL_W - 3 - g.BAR_VALUE_W

    def at(value: float) -> float:
        return x0 + bar_w * value / axis_max

    if line_value is not None:
        label = pic.ellipsize(line_label or amount(line_value, unit, lang), g.TEXT_WIDTH - g.BAR_LABEL_W, 8, True)
        width = pic.width(label, 8, True) + 1
        left = min(max(at(line_value) - width / 2, x0 - g.BAR_LABEL_W / 2), g.TEXT_WIDTH - width)
        pic.text(left + width / 2, y, label, 8, palette.REFERENCE_LINE, bold=True, h=4, align="C")
        y += 6
    top, bottom = y, y + len(chunk) * (g.BAR_H + g.BAR_GAP)
    ticks = round(axis_max / step)
    for k in range(ticks + 1):
        x = at(k * step)
        pic.line([(x, top - 1), (x, bottom)], palette.GRID, 0.2)
        pic.text(x, bottom + 1, amount(k * step, unit, lang), 7, palette.MUTED, h=3.5, align="C")
    line = 8.5 * PT * 1.25
    for i in chunk:
        label = pic.wrap(categories[i], g.BAR_LABEL_W, 8.5, False, 2)
        first = y + g.BAR_H / 2 - len(label) * line / 2
        for row, text in enumerate(label):
            pic.text(g.BAR_LABEL_W, first + row * line, text, 8.5, palette.INK, h=line, align="R")
        left = 0.0
        for (_, values), colour in zip(series, colours):
            if values[i] <= 0:
                continue
            pic.rect(at(left), y, at(left + values[i]) - at(left), g.BAR_H, colour, palette.WHITE, 0.3)
            left += values[i]
        pic.text(at(totals[i]) + 1.5, y + g.BAR_H / 2 - 2, amount(totals[i], unit, lang), 8, palette.INK,
                 bold=True, h=4)
        y += g.BAR_H + g.BAR_GAP
    pic.line([(x0, top - 1), (x0, bottom)], palette.MUTED, 0.3)
    if line_value is not None:
        pic.dashed(at(line_value), top - 2, bottom + 0.5, palette.REFERENCE_LINE, 0.5, 1.2, 0.9)
