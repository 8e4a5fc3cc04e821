"""The closed vocabularies of the Profile contract, read from vocabulary.yaml.

One source for the allowed ids (the Profile validates against them), their labels
(the chat, the summary and later the documents show them) and their aliases (the
free-text parser understands them), so the three can never drift apart.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from wizard import safeyaml

PATH = Path(__file__).with_name("vocabulary.yaml")
LANGS = ("fr", "en")


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    fr: str = Field(min_length=1)
    en: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()

    def label(self, lang: str = "fr") -> str:
        return self.en if lang == "en" else self.fr

    def names(self) -> tuple[str, ...]:
        """Every name a person may type for this term, label first."""
        return (self.fr, self.en, self.id, *self.aliases)


_FILE = TypeAdapter(dict[str, list[Term]])


@cache
def vocabularies() -> dict[str, tuple[Term, ...]]:
    raw = safeyaml.load(PATH.read_text(encoding="utf-8"))  # no aliases: one list, read as written
    data = _FILE.validate_python(raw)
    for name, terms in data.items():
        seen = [t.id for t in terms]
        dupes = {i for i in seen if seen.count(i) > 1}
        if dupes:
            raise ValueError(f"{PATH.name} : identifiant en double dans « {name} » : {', '.join(sorted(dupes))}")
    return {name: tuple(terms) for name, terms in data.items()}


def terms(name: str) -> tuple[Term, ...]:
    return vocabularies()[name]


def ids(name: str) -> tuple[str, ...]:
    return tuple(t.id for t in terms(name))


def term(name: str, id_: str) -> Term:
    for t in terms(name):
        if t.id == id_:
            return t
    raise KeyError(f"{name}: {id_}")


@cache
def label(name: str, id_: str, lang: str = "fr") -> str:
    """Pure and called for every sentence the engine writes: cached."""
    return term(name, id_).label(lang)


def literal(name: str):
    """A typing.Literal of the vocabulary's ids, so pydantic lists them in its errors and schema."""
    return Literal[ids(name)]  # type: ignore[valid-type]
