"""French first, English beside: the one text model and the one lookup every module uses."""
from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field


class Text(BaseModel):
    """A text in French (required) and English (optional: French is shown when it is missing)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    fr: str = Field(min_length=1)
    en: str | None = None

    def get(self, lang: str = "fr") -> str:
        return (self.en or self.fr) if lang == "en" else self.fr


def lookup(table: Mapping[str, Mapping[str, str]], key: str, lang: str = "fr", **values) -> str:
    """table[key][lang], French when that language is missing, with {placeholders} filled."""
    entry = table[key]
    text = entry.get(lang) or entry["fr"]
    return text.format(**values) if values else text


def typeset_fr(text: str) -> str:
    """French typography for our own fixed texts (never for user text): typographic
    apostrophe, no-break space before : ; ! ? » and after «."""
    text = text.replace("'", "\u2019").replace("« ", "«\u00a0")
    return re.sub(r" ([:;!?»])", "\u00a0\\1", text)
