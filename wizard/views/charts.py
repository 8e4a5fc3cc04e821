"""Plotly figures read from a Strategy (the page's charts; the PDF draws its own natively)."""
from __future__ import annotations

import plotly.graph_objects as go

from wizard.documents import palette
from wizard.formatting import hours
from wizard.i18n import table
from wizard.strategy import Strategy

CATEGORIES = ("creation", "publication", "interaction", "monitoring", "measurement", "validation")
# one colour per activity, the PDF's and the Word file's too (wizard/documents/palette.py)
COLOURS = tuple(palette.ACTIVITY_COLOURS[c] for c in CATEGORIES)


def _l(lang: str) -> dict[str, str]:
    return table("charts", lang)  # wizard/catalogue/charts.yaml


def _wrap(label: str, width: int = 14) -> str:
    """Break long axis labels over lines so they fit a phone screen."""
    words, lines = label.split(), [""]
    for w in words:
        if lines[-1] and len(lines[-1]) + 1 + len(w) > width:
            lines.append(w)
        else:
            lines[-1] = f"{lines[-1]} {w}".strip()
    return "<br>".join(lines)


def maturity_radar(s: Strategy, lang: str = "fr") -> go.Figure:
    """Assessed dimensions only: a dimension not asked is not drawn as a zero."""
    assessed = [m for m in s.maturity if m.score is not None]
    labels = [_wrap(m.label) for m in assessed]
    values = [m.score for m in assessed]
    red, green, blue = palette.rgb(palette.RADAR)
    fig = go.Figure(go.Scatterpolar(r=values + values[:1], theta=labels + labels[:1], fill="toself",
                                    line_color=palette.RADAR, name=_l(lang)["maturity"],
                                    fillcolor=f"rgba({red}, {green}, {blue}, {palette.RADAR_FILL_OPACITY})",
                                    hovertemplate="%{theta}\u00a0: %{r}/5<extra></extra>"))
    fig.update_layout(polar={"radialaxis": {"range": [0, 5], "dtick": 1}, "angularaxis": {"tickfont": {"size": 11}}},
                      showlegend=False, margin={"l": 70, "r": 70, "t": 50, "b": 40}, height=380,
                      title={"text": _l(lang)["maturity"], "x": 0.5}, separators=", " if lang == "fr" else ".,")
    return fig


def workload_bars(s: Strategy, lang: str = "fr") -> go.Figure:
    """Hours per week stacked by activity: one bar per channel, shared work, and the total,
    which the dashed line of the hours available is there to compare with."""
    l = _l(lang)
    names = {c.id: c.label for c in s.channels}
    bars = [c.id for c in s.channels] + ["shared", "total"]
    names |= {"shared": l["shared"], "total": l["total"]}
    fig = go.Figure()
    parts = s.workload.breakdown
    for colour, cat in zip(COLOURS, CATEGORIES):
        values = [round(sum(x.hours_per_week for x in parts
                            if x.category == cat and bar in ("total", x.channel or "shared")), 2) for bar in bars]
        if any(values):
            fig.add_bar(x=[names[b] for b in bars], y=values, name=l[cat], marker_color=colour,
                        marker_line_color=palette.WHITE, marker_line_width=1,
                        hovertemplate="%{x} · " + l[cat] + "\u00a0: %{y} h<extra></extra>")
    fig.add_hline(y=s.workload.available_hours_per_week, line_dash="dash", line_color=palette.REFERENCE_LINE,
                  annotation_text=f"{l['available']} ({hours(s.workload.available_hours_per_week, lang)})",
                  annotation_position="top left")
    fig.update_layout(barmode="stack", yaxis_title=l["hours"], legend={"orientation": "h", "y": -0.2},
                      separators=", " if lang == "fr" else ".,",
                      margin={"l": 40, "r": 10, "t": 30, "b": 10}, height=380)
    return fig
