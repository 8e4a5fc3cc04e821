"""Colours and page geometry of the PDF renderer."""
from __future__ import annotations

# Colours: text and filled areas keep a contrast ratio of at least 4.5:1 with what is behind them.
WHITE = (255, 255, 255)
INK = (31, 41, 55)            # #1F2937, 14.7:1 on white
MUTED = (75, 85, 99)          # #4B5563, 7.6:1 on white
ACCENT = (29, 78, 137)        # #1D4E89, 8.4:1 on white (white on it too)
NOTE_FILL = (238, 243, 248)
ZEBRA = (244, 246, 249)
RULE = (203, 208, 216)
GRID = (214, 219, 226)
ALERT = (180, 35, 24)         # #B42318, reference line of the workload chart, 6.5:1 on white
SERIES = [(29, 78, 137), (230, 159, 0), (0, 158, 115), (204, 121, 167),
          (86, 180, 233), (213, 94, 0), (107, 114, 128), (140, 109, 31)]  # Okabe–Ito based

# Geometry (mm)
MARGIN_X = 20.0
MARGIN_TOP = 22.0
MARGIN_BOTTOM = 20.0
PT = 25.4 / 72  # one point in mm
BODY_SIZE = 10.5  # pt
