"""The shape of the knowledge base: facts with their sources, and labelled assumptions.

Every file under wizard/knowledge/*.yaml is validated against these models (structure),
then cross-checked by wizard.knowledge.load (meaning: every source key exists, every
channel / goal / concern id is in the vocabulary, every French text is present).
A figure is either sourced (`sources: [KEY, ...]`) or an assumption (`assumption: true`
with `basis`, shown to users as an adjustable estimate) — never neither.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wizard.i18n import Text  # one text model for questionnaires and knowledge


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)




# --- sources.yaml ---------------------------------------------------------------

class Source(_Model):
    publisher: str = Field(min_length=1)
    title: str = Field(min_length=1)
    year: int | None = None
    url: str | None = None
    secondary: bool = False  # read through a press or blog summary of the original
    note: str | None = None


# --- channels.yaml ----------------------------------------------------------------

class Usage(_Model):
    """Share (%) of an age band using a network, as published."""
    value: float = Field(ge=0, le=100)
    population: Text  # e.g. "16–25 ans, France, usage déclaré (2025)"
    sources: tuple[str, ...] = Field(min_length=1)


class MinAge(_Model):
    default: int = Field(ge=0, le=21)
    by_country: dict[str, int] = {}  # country id -> minimum age there (Discord: fr 15)
    sources: tuple[str, ...] = ()
    verified: bool = True  # False: only third-party summaries were read (REFERENCE says UNVERIFIED)
    note: Text | None = None

    @model_validator(mode="after")
    def _sourced(self):
        if self.verified and not self.sources:
            raise ValueError("a verified minimum age needs sources (or verified: false with a note)")
        return self


class Fit(_Model):
    """How well a channel serves a goal or a group: 0 (not at all) to 3 (very well).

    An appraisal, not a measurement: `why` explains it and cites sources when a field
    account or a figure supports it."""
    score: int = Field(ge=0, le=3)
    why: Text
    sources: tuple[str, ...] = ()


class Rhythm(_Model):
    """Items per week by activity id (effort.yaml), e.g. {image_post: 2, story: 4}."""
    items: dict[str, float]
    basis: Text
    sources: tuple[str, ...] = ()
    assumption: bool = True


class Channel(_Model):
    usage: dict[str, Usage]  # age band -> headline figure (France when available)
    usage_by_country: dict[str, dict[str, Usage]] = {}  # country -> band -> figure
    min_age: MinAge
    formats: tuple[str, ...] = Field(min_length=1)  # activity ids the channel is made of
    goals: dict[str, Fit]  # goal id -> fit
    groups: dict[str, Fit] = {}  # audience group id -> fit (missing: neutral)
    roles: dict[str, Text] = {}  # goal id -> the role the channel plays for it
    skills: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    rhythm_minimum: Rhythm
    rhythm_recommended: Rhythm
    messaging: bool = False  # one-to-one or group messaging rather than public posts
    notes: tuple[Fit, ...] = ()  # privacy / ethics / professional-account notes (score unused: 0)
    ethics: Text | None = None  # a platform-ethics concern about this network
    professional_account: Text


# --- effort.yaml --------------------------------------------------------------------

class Activity(_Model):
    label: Text
    unit: Text  # "par publication", "par semaine"…
    low_hours: float = Field(ge=0)
    high_hours: float = Field(ge=0)
    category: Literal["creation", "publication", "interaction", "monitoring", "measurement", "validation"]
    per: Literal["item", "week", "month", "hundred_messages"]
    assumption: bool
    basis: Text
    sources: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _range(self):
        if self.high_hours < self.low_hours:
            raise ValueError("high_hours < low_hours")
        if not self.assumption and not self.sources:
            raise ValueError("a figure that is not an assumption needs sources")
        return self

    @property
    def mid_hours(self) -> float:
        return (self.low_hours + self.high_hours) / 2


# --- arguments.yaml, kpis.yaml, legal.yaml, charter.yaml, calendar.yaml, maturity.yaml, plan.yaml

class Evidence(_Model):
    text: Text
    sources: tuple[str, ...] = Field(min_length=1)


class Argument(_Model):
    concern: str  # concern id, or "general" for the default set
    title: Text
    response: Text
    evidence: tuple[Evidence, ...] = Field(min_length=1)


class Kpi(_Model):
    id: str
    goals: tuple[str, ...] = Field(min_length=1)
    name: Text
    definition: Text
    how_to_measure: Text
    target: Text  # realistic target, relative to the structure's own baseline when no figure exists
    sources: tuple[str, ...] = ()


class Condition(_Model):
    """When a clause / task / legal point applies. Every listed test must hold (empty: always)."""
    concerns_any: tuple[str, ...] = ()
    goals_any: tuple[str, ...] = ()
    age_bands_any: tuple[str, ...] = ()
    channels_any: tuple[str, ...] = ()  # among recommended channels
    countries_any: tuple[str, ...] = ()
    kinds_any: tuple[str, ...] = ()
    validation_required: bool | None = None
    working_hours_only: bool | None = None
    own_accounts_allowed_in: tuple[str, ...] = ()
    messaging_channel: bool | None = None  # a recommended channel is a messaging one
    maturity_at_most: dict[str, int] = {}  # dimension -> level; applies if any listed dimension is ≤


class LegalPoint(_Model):
    id: str
    title: Text
    rule: Text
    action: Text
    sources: tuple[str, ...] = Field(min_length=1)
    when: Condition = Condition()


class Clause(_Model):
    id: str
    title: Text
    text: Text
    sources: tuple[str, ...] = ()
    when: Condition = Condition()


class CalendarEvent(_Model):
    id: str
    months: tuple[int, ...] = Field(min_length=1)  # 1..12
    title: Text
    idea: Text  # what a youth structure can publish then
    sources: tuple[str, ...] = ()
    verified: bool = True
    goals: tuple[str, ...] = ()
    age_bands: tuple[str, ...] = ()
    countries: tuple[str, ...] = ("fr",)


class MaturityLevel(_Model):
    name: Text
    next_step: Text


class MaturityDimension(_Model):
    levels: dict[int, MaturityLevel]  # 1..5


class PlanTask(_Model):
    id: str
    week: int = Field(ge=1, le=13)
    title: Text
    detail: Text
    per_channel: bool = False  # repeated for each recommended channel ({channel} in texts)
    when: Condition = Condition()
    sources: tuple[str, ...] = ()
