"""The Strategy contract (../shared/DESIGN.md): what the engine builds from a Profile.

Views (page, PDF, DOCX, JSON) only read it. Every recommendation carries its reasons,
sentences that cite the answer and the fact behind them; source keys appear in
brackets ([DIPLOMEO-2025]) and each one resolves in `sources`.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_KEY = r"[A-Za-z0-9][A-Za-z0-9-]*"
SOURCE_KEY = re.compile(rf"\[({_KEY}(?:\s*[,;]\s*{_KEY})*)\]")  # [KEY] or [KEY1, KEY2]


def split_keys(group: str) -> list[str]:
    """The keys inside one bracket: "A-2020, B-2021" -> ["A-2020", "B-2021"]."""
    return [k.strip() for k in re.split(r"[,;]", group)]


def keys_in(text: str) -> list[str]:
    """Source keys cited in a sentence: "[A-2020]" and "[A-2020, B-2021]" alike."""
    return [k for group in SOURCE_KEY.findall(text) for k in split_keys(group)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ScoreParts(_Model):
    """The 0–100 components behind a channel's score, before their weights."""
    audience: float
    goals: float
    resources: float
    presence: float
    adjustment: float = 0


class WorkItem(_Model):
    channel: str | None  # None: shared across channels (monitoring, measurement)
    activity: str
    category: str
    count_per_week: float
    hours_per_week: float
    low_hours_per_week: float
    high_hours_per_week: float


class ChannelRecommendation(_Model):
    id: str
    label: str
    score: int = Field(ge=0, le=100)
    role: str
    reasons: list[str] = Field(min_length=1)
    posts_per_week: float
    hours_per_week: float
    rhythm: dict[str, float]  # items per week by activity id
    rhythm_text: list[str] = []  # the same, readable: "2 × publication image avec légende"
    rhythm_level: Literal["minimum", "recommended"]
    score_parts: ScoreParts
    sources: list[str] = []
    role_id: str = ""  # the role of the plan this channel fills (roles.yaml), "" when only by score
    kept_existing: bool = False  # an existing account kept for its community


class ExcludedChannel(_Model):
    id: str
    label: str
    score: int = Field(ge=0, le=100)
    reasons: list[str] = Field(min_length=1)
    cause: Literal["age", "fit", "capacity", "cap", "ethics", "duplicate", "role_taken", "refused"]
    rest: list[str] = []  # an existing account left out: how to put it to rest (nothing deleted)


class Assumption(_Model):
    activity: str
    label: str
    unit: str
    low_hours: float
    high_hours: float
    used_hours: float
    assumption: bool
    basis: str  # why this range, then why `used_hours` and how the work was counted
    sources: list[str] = []
    adjusted_for: list[str] = []  # skills of the team that lowered used_hours (the low end instead of the middle)
    light: bool = False  # the light range of a one-network plan
    sized_with: list[str] = []  # effort.yaml sizing parameters that counted the work (floor, messages per youth…)
    defaults: list[str] = []  # Profile fields not given, replaced by a labelled assumption


class WorkShare(_Model):
    """Hours a week of one activity category on one channel (None: the shared work)."""
    channel: str | None
    category: str
    hours_per_week: float


class Workload(_Model):
    available_hours_per_week: float
    estimated_hours_per_week: float
    low_hours_per_week: float
    high_hours_per_week: float
    status: Literal["ok", "tight", "over"]
    share_of_available: float | None  # estimated / available, None when nothing is available
    share_of_full_time: float  # estimated / full_time_hours
    full_time_hours: float = 35
    by_channel: dict[str, float]
    shared_hours_per_week: float = 0  # work no single channel carries (monitoring, review…): by_channel + shared = estimated
    shared_label: str = ""  # what the shared part is, in words
    by_activity: dict[str, float]
    breakdown: list[WorkShare] = []  # by channel and activity category: what the page and the PDF charts draw
    items: list[WorkItem]
    ways_out: list[str] = []
    assumptions: list[Assumption]


class Evidence(_Model):
    text: str
    sources: list[str]
    id: str = ""  # stable within its argument (arguments.yaml)


class Argument(_Model):
    """An objection and its answer. `title` and `response` advise the team (strategy document);
    `objection`, `answer`, `safeguard` and `cost` speak to the officials (the note, « nous »),
    with the hours the plan counts already filled in. Only the evidence and passages that
    apply to this structure are kept (French law in France, parents' consent for minors…)."""
    concern: str
    title: str
    response: str
    evidence: list[Evidence] = Field(min_length=1)
    id: str = ""  # stable knowledge id (arguments.yaml)
    objection: str = ""  # as an official says it
    answer: str = ""  # written for the officials
    safeguard: str = ""
    cost: str = ""
    lead: list[str] = []  # evidence ids the note quotes with the answer
    legal: list[str] = []  # ids of this strategy's legal points that back the answer


class UsageFigure(_Model):
    """The published share of one age band of the audience using a recommended network."""
    channel: str
    band: str
    value: float
    population: str  # who was asked, where, how, when (« 16–25 ans, France, usage déclaré… »)
    country: str
    year: int
    sources: list[str]


class TimeAsked(_Model):
    """The hours the note asks for, rounded to the half hour: `by_channel` + `shared_hours_per_week`
    = `hours_per_week` exactly (the total is the sum of the rounded parts)."""
    by_channel: dict[str, float]  # recommended channel id -> hours a week, in the channels' order
    shared_hours_per_week: float
    shared_label: str  # what the shared part is (monitoring, monthly review…)
    hours_per_week: float
    low_hours_per_week: float  # the estimate's range, rounded outwards
    high_hours_per_week: float
    rounding_hours: float = 0.5
    share_of_full_time: float
    full_time_hours: float = 35
    equipment_needed: list[str] = []  # equipment ids the recommended networks use and the team lacks
    equipment_held: list[str] = []  # those it already has


class Ask(_Model):
    """One decision asked of the officials."""
    id: Literal["open_accounts", "keep_accounts", "own_accounts", "validator", "charter", "hours", "review"]
    channels: list[str] = []  # open_accounts, keep_accounts: which
    hours_per_week: float | None = None  # hours: what is asked (TimeAsked.hours_per_week)
    on: date | None = None  # review: the date
    kpis: list[str] = []  # review: the indicators it reads


class Decision(_Model):
    """What the note for elected officials asks, and what it rests on."""
    time: TimeAsked
    asks: list[Ask]
    review_on: date  # end of the 90-day plan
    public_body: bool  # the parent body is a public one (commune, intercommunalité…)
    country: str = "fr"  # the structure's country: the salutation, the law and the currency follow it
    minors: bool  # the audience includes minors (11–14, 15–17)


class Warning(_Model):
    code: str
    message: str
    channel: str | None = None


class MaturityScore(_Model):
    dimension: str
    label: str
    score: int | None  # 1–5, None when not assessed
    level: str
    next_step: str


class Kpi(_Model):
    id: str
    goals: list[str]
    channels: list[str] = []  # the recommended channels it measures (empty: the plan as a whole)
    name: str
    definition: str
    how_to_measure: str
    target: str
    sources: list[str] = []


class PlanTask(_Model):
    id: str
    title: str
    detail: str
    channel: str | None = None
    sources: list[str] = []


class PlanWeek(_Model):
    week: int = Field(ge=1, le=13)
    starts_on: date
    tasks: list[PlanTask]


class CharterClause(_Model):
    id: str
    title: str
    text: str
    sources: list[str] = []


class LegalPoint(_Model):
    id: str
    title: str
    rule: str
    action: str
    sources: list[str]


class CalendarEvent(_Model):
    id: str
    title: str
    idea: str
    verified: bool
    sources: list[str] = []


class CalendarMonth(_Model):
    month: str  # "2026-12"
    label: str  # "décembre 2026"
    events: list[CalendarEvent]


class SourceRef(_Model):
    key: str
    publisher: str
    title: str  # as published, or Cap Réseaux's description of it in the strategy's language
    year: int | None = None
    url: str | None = None
    secondary: bool = False
    via: str | None = None  # the page a secondary source was read through
    title_published: bool = True  # False: `title` describes the document (no published title recorded)


class Strategy(_Model):
    generated_on: date
    lang: str = "fr"
    structure_name: str
    simulation: list[str] = []  # what a what-if changed from the answers ("Heures par semaine = 12 h 30"); empty = the answers
    summary: list[str]
    channels: list[ChannelRecommendation]
    excluded: list[ExcludedChannel]
    workload: Workload
    arguments: list[Argument]
    context_arguments: list[Argument] = []  # the facts that open the note to elected officials
    standing_arguments: list[Argument] = []  # answered in every note: which networks, what it replaces…
    usage: list[UsageFigure] = []  # per recommended channel, the audience's bands with a published figure
    decision: Decision | None = None  # the note's asks, hours and review date
    warnings: list[Warning]
    maturity: list[MaturityScore]
    kpis: list[Kpi]
    plan: list[PlanWeek]
    charter: list[CharterClause]
    legal: list[LegalPoint]
    calendar: list[CalendarMonth]
    sources: list[SourceRef]
    currency: str | None = None  # of every amount (EUR, CHF, CAD); None: not known
    not_covered: list[str] = []  # what the knowledge base does not cover for this structure (said, not guessed)
    not_covered_ids: list[str] = []  # the same, as ids (engine/country.py), in the same order

    def cited_keys(self) -> set[str]:
        """Every source key the strategy cites: [KEY] in its sentences and its `sources` lists."""
        found: set[str] = set()
        for model in _iter_models(self):
            for name in type(model).model_fields:
                value = getattr(model, name)
                if name == "sources" and model is not self:
                    found.update(value)
                elif isinstance(value, str):
                    found.update(keys_in(value))
                elif isinstance(value, list):
                    found.update(k for v in value if isinstance(v, str) for k in keys_in(v))
        return found


def _iter_models(value):
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from _iter_models(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _iter_models(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _iter_models(v)
