"""Show text typed by a person exactly as typed: no Markdown, no HTML, no Streamlit directives."""
from __future__ import annotations

import re

from wizard.textclean import strip_controls

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")


def inert(text: str) -> str:
    """Backslash-escape every character Markdown or Streamlit would interpret, after removing
    control characters and bidi overrides (an RLO would show the rest of the line reversed)."""
    text = strip_controls(text)
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")
