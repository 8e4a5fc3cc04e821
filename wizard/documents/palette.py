"""The colours of the charts, defined once for every format: the page's Plotly charts
(wizard/views/charts.py), the PDF's charts (wizard/documents/pdf/charts.py) and the Word
file's pictures and tables (wizard/documents/docx/).

One colour per activity category (Workload.breakdown[].category), in the order every chart
stacks them. Each colour keeps at least 3:1 against the white page (WCAG 2.1 1.4.11, graphics),
and a text written on it in white or in INK keeps 4.5:1 (1.4.3; `text_on` picks which). The six
stay apart from one another and from the reference line under simulated protanopia, deuteranopia
and tritanopia (Machado 2009 at full severity: at least 26 CIE76 ΔE between any two, where
Okabe–Ito's six reach 16). tests/documents/test_colours.py checks the contrasts and that the
three formats draw each category in its colour.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from wizard.i18n import table

ACTIVITY_COLOURS: dict[str, str] = {
    "creation": "#0761DC",     # blue, 5.6:1 on white
    "publication": "#C68900",  # amber, 3.0:1 on white, INK on it 4.9:1
    "interaction": "#2AA76B",  # green, 3.1:1 on white, INK on it 4.8:1
    "monitoring": "#380B83",   # indigo, 13.6:1 on white
    "measurement": "#6A3F3E",  # brown, 8.8:1 on white
    "validation": "#B33494",   # magenta, 5.5:1 on white
}
OTHER_COLOURS = ("#6B7280", "#8C6D1F")  # a series that is no activity category, in turn
RADAR = "#1D4E89"           # the maturity radar's line and fill (22 % opacity)
REFERENCE_LINE = "#B42318"  # the hours available, dashed, 6.5:1 on white
INK = "#1F2937"             # text, 14.7:1 on white
MUTED = "#4B5563"           # axis values, 7.6:1 on white
GRID = "#D6DBE2"            # grid lines and inner rings
RULE = "#CBD0D8"            # the radar's outer ring
WHITE = "#FFFFFF"
RADAR_FILL_OPACITY = 0.22


def rgb(colour: str) -> tuple[int, int, int]:
    """« #1D4E89 » -> (29, 78, 137)."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _luminance(colour: str) -> float:
    channels = [c / 255 for c in rgb(colour)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(fill: str) -> str:
    """WHITE or INK, whichever reads better on `fill`."""
    return WHITE if contrast(fill, WHITE) >= contrast(fill, INK) else INK


@cache
def _categories(lang: str) -> dict[str, str]:
    """Series name -> activity category: the names the strategy document gives the series
    (wizard/catalogue/strategy_doc.yaml `c.*`, as content_strategy.workload_chart writes them),
    and the bare ids it falls back to."""
    names = table("strategy_doc", lang)
    out = {category: category for category in ACTIVITY_COLOURS}
    out |= {names[f"c.{category}"].strip(): category for category in ACTIVITY_COLOURS if f"c.{category}" in names}
    return out


def category_of(name: object, lang: str = "fr") -> str | None:
    """The activity category a series name stands for, None for any other series."""
    return _categories("en" if lang == "en" else "fr").get(str(name).strip()) if name is not None else None


def series_colours(names: Sequence[object], lang: str = "fr") -> list[str]:
    """One colour per series: its activity's colour, else the next of OTHER_COLOURS."""
    out, others = [], 0
    for name in names:
        category = category_of(name, lang)
        if category is None:
            out.append(OTHER_COLOURS[others % len(OTHER_COLOURS)])
            others += 1
        else:
            out.append(ACTIVITY_COLOURS[category])
    return out
