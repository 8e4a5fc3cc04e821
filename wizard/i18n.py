"""French first, English beside: the one text model and the one catalogue every module reads.

Every sentence a person reads that is not questionnaire or knowledge data (those keep their
fr/en pairs in their own YAML) lives in wizard/catalogue/*.yaml: one format (a key, then its
`fr` and `en` texts, {placeholders} filled with str.format), one loader here, keys addressed
as (file, key). French texts are typeset once at load (’, no-break spaces before : ; ! ? »).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

CATALOGUE = Path(__file__).resolve().parent / "catalogue"
LANGS = ("fr", "en")


class Text(BaseModel):
    """A text in French (required) and English (optional: French is shown when it is missing)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    fr: str = Field(min_length=1)
    en: str | None = None

    def get(self, lang: str = "fr") -> str:
        return (self.en or self.fr) if lang == "en" else self.fr


def typeset_fr(text: str) -> str:
    """French typography for our own fixed texts (never for user text): typographic
    apostrophe, no-break space before : ; ! ? » and after «."""
    text = text.replace("'", "\u2019").replace("« ", "«\u00a0")
    return re.sub(r" ([:;!?»])", "\u00a0\\1", text)


@cache
def catalogue() -> dict[str, dict[str, dict[str, str]]]:
    """file -> key -> {"fr": …, "en": …}, read once per process."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for path in sorted(CATALOGUE.glob("*.yaml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out[path.stem] = {key: {"fr": typeset_fr(v["fr"]), "en": v["en"]} for key, v in entries.items()}
    return out


def text(area: str, key: str, lang: str = "fr", **values) -> str:
    """The catalogue's text for (area, key) in `lang` (French when the language is unknown)."""
    entry = catalogue()[area][key]
    said = entry.get(lang if lang in LANGS else "fr") or entry["fr"]
    return said.format(**values) if values else said


def phrases(area: str) -> Callable[..., str]:
    """A lookup bound to one file of the catalogue: phrases("chat")("progress", "en", n=1, total=3)."""
    def lookup(key: str, lang: str = "fr", **values) -> str:
        return text(area, key, lang, **values)
    lookup.area = area  # type: ignore[attr-defined]
    return lookup


def table(area: str, lang: str) -> Mapping[str, str]:
    """Every text of one file in one language, for builders that index them (t["key"])."""
    entries = catalogue()[area]
    return {key: v.get(lang if lang in LANGS else "fr") or v["fr"] for key, v in entries.items()}


def lookup(table_: Mapping[str, Mapping[str, str]], key: str, lang: str = "fr", **values) -> str:
    """table[key][lang] for the few tables that are data, not interface (French when missing)."""
    entry = table_[key]
    said = entry.get(lang) or entry["fr"]
    return said.format(**values) if values else said
