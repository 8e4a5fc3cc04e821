"""Show text typed by a person exactly as typed: no Markdown, no HTML, no Streamlit directives."""
from __future__ import annotations

import re
import unicodedata

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")


def inert(text: str) -> str:
    """Backslash-escape every character Markdown or Streamlit would interpret."""
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")
