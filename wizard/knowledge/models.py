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

from wizard.errors import refused
from wizard.i18n import Text, phrases  # Text: for questionnaires and knowledge alike
from wizard.knowledge.planning import (  # noqa: F401  (re-exported: knowledge.models is the one place to look)
    AudienceFigure,
    Audiences,
    Cap,
    KeepExisting,
    MissingUsage,
    Role,
    RoleFit,
    Roles,
    WithoutAccount,
)

say = phrases("validate")  # the rules below, said in French or English (errors.refused)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- sources.yaml ---------------------------------------------------------------

class Source(_Model):
    """A source as a document lists it. A plain string is the name or title *as published*, kept
    in its own language in every document; a `Text` (fr/en) is Cap Réseaux's own description of it
    (« Entretien avec… », « Audition à l'Assemblée nationale… »), written in the document's language.
    `via`: the page a secondary source was read through, said « d'après … » / « via … »."""
    publisher: str | Text
    title: str | Text
    year: int | None = None
    url: str | None = None
    secondary: bool = False  # read through a press or blog summary of the original
    via: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _not_empty(self):
        for value in (self.publisher, self.title):
            if isinstance(value, str) and not value.strip():
                raise refused(say, "source_empty")
            if isinstance(value, Text) and not value.en:
                raise refused(say, "source_needs_english")
        return self

    def title_in(self, lang: str) -> str:
        return self.title if isinstance(self.title, str) else self.title.get(lang)

    def publisher_in(self, lang: str) -> str:
        return self.publisher if isinstance(self.publisher, str) else self.publisher.get(lang)

    @property
    def title_published(self) -> bool:
        return isinstance(self.title, str)


# --- channels.yaml ----------------------------------------------------------------

class Usage(_Model):
    """Share (%) of an age band using a network, as published, with the country and year of
    the figure (a reason names them when the figure is not of the structure's country)."""
    value: float = Field(ge=0, le=100)
    population: Text  # e.g. "16–25 ans, France, usage déclaré (2025)"
    country: str  # fr, be, ch, qc, us
    year: int
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
            raise refused(say, "min_age_needs_sources")
        return self


class FitFigure(_Model):
    """A published figure behind an appraisal, kept out of `why` so that a reason cites only
    the figures that fit the audience's age bands and the structure's country
    (wizard.engine.figures decides which, and adds the year, and the country when foreign)."""
    text: Text  # the figure as a clause, without its year or its country: the engine adds them
    bands: tuple[str, ...] = ()  # age-band ids the figure stands for (empty: not about an age band, e.g. adults)
    countries: tuple[str, ...] = Field(min_length=1)  # where it was measured: fr, be, ch, qc, us
    year: int  # of the data, as the text would say it
    sources: tuple[str, ...] = Field(min_length=1)
    # what it measures: figures of a fit with the same point are alternatives (one per country
    # and band), e.g. "use" (share of the band using the network), "adult_use", "training_search"
    point: str = "use"


class Fit(_Model):
    """How well a channel serves a goal or a group: 0 (not at all) to 3 (very well).

    An appraisal, not a measurement: `why` explains it and cites sources when a field
    account supports it. In goals and groups, `why` holds no figure: the published figures
    that support it are `figures`, each with its bands, countries, year and sources."""
    score: int = Field(ge=0, le=3)
    why: Text
    sources: tuple[str, ...] = ()  # what backs `why` itself (the figures carry their own)
    figures: tuple[FitFigure, ...] = ()  # data order is preference, among alternatives


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

class _Figure(_Model):
    """A sourced figure or a labelled assumption (`basis` says which, and why)."""
    assumption: bool
    basis: Text
    sources: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _sourced(self):
        if not self.assumption and not self.sources:
            raise refused(say, "figure_needs_sources")
        return self


class Light(_Figure):
    """A lighter range for a plan of at most `channels_at_most` networks (monitoring, review)."""
    channels_at_most: int = Field(ge=1)
    low_hours: float = Field(ge=0)
    high_hours: float = Field(ge=0)


class WithSkill(_Figure):
    """A skill of the team (any of `skills`) that lowers the time of this work: the low end is used."""
    skills: tuple[str, ...] = Field(min_length=1)


class Parameter(_Figure):
    """A count that sizes an activity from the profile (messages a month, young people per counsellor…)."""
    value: float = Field(ge=0)
    unit: Text


class Activity(_Figure):
    label: Text
    unit: Text  # "par publication", "par semaine"…
    low_hours: float = Field(ge=0)
    high_hours: float = Field(ge=0)
    category: Literal["creation", "publication", "interaction", "monitoring", "measurement", "validation"]
    per: Literal["item", "week", "month", "hundred_messages", "message", "person_week"]
    light: Light | None = None
    with_skill: WithSkill | None = None
    sizing: dict[str, Parameter] = {}

    @model_validator(mode="after")
    def _range(self):
        for low, high in ((self.low_hours, self.high_hours),
                          (self.light.low_hours, self.light.high_hours) if self.light else (0, 0)):
            if high < low:
                raise refused(say, "range_upside_down")
        return self

    @property
    def mid_hours(self) -> float:
        return (self.low_hours + self.high_hours) / 2


# --- arguments.yaml, kpis.yaml, legal.yaml, charter.yaml, calendar.yaml, maturity.yaml, plan.yaml

class Evidence(_Model):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")  # stable within its argument
    text: Text
    sources: tuple[str, ...] = Field(min_length=1)
    when: Condition = Field(default_factory=lambda: Condition())  # who it is shown to (empty: everyone)


class Passage(_Model):
    """A sentence added to an answer when it applies (parents' consent only for minors…)."""
    text: Text
    when: Condition


class Argument(_Model):
    """An objection of the hierarchy and its answer (arguments.yaml).

    `concern`: the concern id it answers, or "general" for the arguments every note uses
    (the context facts, and the standing answers: which networks, what the hours replace,
    public agents' neutrality). `title` and `response` are for the team (the strategy: advice);
    `objection`, `answer`, `safeguard` and `cost` are for the officials (the note, « nous »).
    Every fact is an `evidence` with its sources; an unsourced claim is said as Cap Réseaux's
    appraisal. `{hours}` in `cost` is filled by the engine with the hours the plan counts for
    the activities of `counts` (`*`: the whole plan), rounded to the half hour; `cost_without`
    is said instead when the plan counts none. `{alternative}` in `answer` names the other ways
    in for someone who refuses a platform."""
    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    concern: str  # concern id, or "general"
    # answer: answers `concern`; standing: in every note (which networks, what the hours replace,
    # public agents' neutrality); context: the sourced facts that open the note (`lead`)
    use: Literal["answer", "standing", "context"] = "answer"
    title: Text
    response: Text
    objection: Text | None = None  # required for answer and standing (the loader checks)
    answer: Text | None = None
    also: tuple[Passage, ...] = ()
    safeguard: Text | None = None
    cost: Text | None = None  # required for answer
    cost_without: Text | None = None
    counts: tuple[str, ...] = ()  # effort activity ids behind {hours}; "*" for the whole plan
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    lead: tuple[str, ...] = ()  # evidence ids the note opens with (context arguments)
    legal: tuple[str, ...] = ()  # legal.yaml points that back the answer, when the strategy has them
    when: Condition = Field(default_factory=lambda: Condition())  # whom it applies to (empty: everyone)


class KpiScope(_Model):
    """Which recommended channels a KPI measures: any listed channel, any publishing network
    (channels.yaml `messaging: false`), any messaging channel (`messaging: true`). Empty: the plan
    as a whole (a survey, a reception form), listed whatever the channels."""
    channels: tuple[str, ...] = ()
    publishing: bool = False
    messaging: bool = False

    @property
    def whole_plan(self) -> bool:
        return not (self.channels or self.publishing or self.messaging)

    def measures(self, channel: str, messaging: bool) -> bool:
        """This channel (its id, and whether it is a messaging one) is among those the KPI measures."""
        return channel in self.channels or (self.publishing and not messaging) or (self.messaging and messaging)


class Kpi(_Model):
    id: str
    goals: tuple[str, ...] = Field(min_length=1)
    applies_to: KpiScope = KpiScope()
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
    parent_bodies_any: tuple[str, ...] = ()
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
    # the text was read only through secondary pages (REFERENCE "(p)"): the rule then says
    # « à vérifier dans le texte officiel » (the loader requires it when every source is secondary)
    check_official_text: bool = False


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
    countries: tuple[str, ...] = ("fr",)  # where the date holds; an international day lists every country id


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


Evidence.model_rebuild()
Passage.model_rebuild()
Argument.model_rebuild()
