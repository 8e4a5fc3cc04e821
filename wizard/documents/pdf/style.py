"""Colours and page geometry of the PDF renderer."""
from __future__ import annotations

from wizard.documents import palette

# Colours: text and filled areas keep a contrast ratio of at least 4.5:1 with what is behind them.
# The charts' colours (activities, radar, reference line, grid) are wizard/documents/palette.py's.
WHITE = palette.rgb(palette.WHITE)
INK = palette.rgb(palette.INK)        # #1F2937, 14.7:1 on white
MUTED = palette.rgb(palette.MUTED)    # #4B5563, 7.6:1 on white
ACCENT = (29, 78, 137)        # #1D4E89, 8.4:1 on white (white on it too)
NOTE_FILL = (238, 243, 248)
ZEBRA = (244, 246, 249)
RULE = palette.rgb(palette.RULE)
GRID = palette.rgb(palette.GRID)
ALERT = palette.rgb(palette.REFERENCE_LINE)  # reference line of the workload chart, 6.5:1 on white
RADAR = palette.rgb(palette.RADAR)

# Geometry (mm)
MARGIN_X = 20.0
MARGIN_TOP = 22.0
MARGIN_BOTTOM = 20.0
PT = 25.4 / 72  # one point in mm
BODY_SIZE = 10.5  # pt
