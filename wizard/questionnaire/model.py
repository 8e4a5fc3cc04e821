"""The questionnaire as data: the structural layer (pydantic).

A questionnaire file is YAML; each question names the Profile field it fills, its
kind, its options, its help text and an optional `when` condition. Meaning (does the
field exist, is the option allowed, does the condition point backwards…) is checked
by wizard.questionnaire.load, after this layer.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from wizard.i18n import Text  # one text model for questionnaires and knowledge
from wizard.profile import Int, Number

Kind = Literal["single", "multi", "ranked", "number", "scale", "text"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)




class Option(_Model):
    value: str | bool | int
    label: Text | None = None
    aliases: tuple[str, ...] = ()

    @classmethod
    def coerce(cls, raw: Any) -> Any:
        return raw if isinstance(raw, dict) else {"value": raw}


class Question(_Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    field: str = Field(min_length=1)
    kind: Kind
    text: Text
    help: Text | None = None
    optional: bool = False
    skip_label: Text | None = None  # the quick reply that skips an optional question (default « Passer »)
    none_reply: Text | None = None  # a quick reply (« Aucun ») answering « none of them » ([]) to a multi question
    options: tuple[Option, ...] | None = None
    when: dict[str, Any] | None = None
    for_each: str | None = None
    max_choices: Int | None = Field(None, ge=1)
    min: Number | None = None  # finite, never true/false (the Profile's own number rules)
    max: Number | None = None
    unit: Literal["count", "hours", "eur", "money", "posts"] | None = None  # money: in the country's currency
    suggestions: tuple[Number, ...] = ()
    scale_labels: dict[int, Text] | None = None
    placeholder: Text | None = None

    @field_validator("options", mode="before")
    @classmethod
    def _short_options(cls, raw):
        if isinstance(raw, list):
            return [Option.coerce(o) for o in raw]
        return raw


class Questionnaire(_Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: int = 1
    title: Text
    intro: Text | None = None
    outro: Text | None = None
    questions: tuple[Question, ...] = Field(min_length=1)

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)

    def index(self, qid: str) -> int:
        return [q.id for q in self.questions].index(qid)
