"""The Profile contract (../shared/DESIGN.md): what the conversation learns about a structure.

Only goals, audience.age_bands and resources.hours_per_week are required; everything
else gets a sensible default. Anything wrong (unknown id, negative number, wrong
type, unknown field, true/false or an infinite figure given for a number, a list
longer than its vocabulary) is refused, and `explain` turns the refusal into sentences
(French, or English with lang="en"; wizard/catalogue/errors.yaml) that name the field and
the allowed values.
"""
from __future__ import annotations

import math
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from wizard import errors
from wizard.i18n import phrases
from wizard.vocabulary import ids, literal

Kind = literal("structure_kind")
Country = literal("country")
Territory = literal("territory")
ParentBody = literal("parent_body")
Channel = literal("channel")
Goal = literal("goal")
AgeBand = literal("age_band")
Group = literal("group")
Skill = literal("skill")
Equipment = literal("equipment")
Concern = literal("concern")
OwnAccounts = literal("own_accounts_allowed")
Dimension = literal("maturity_dimension")
say = phrases("errors")  # the sentences of this contract's own rules (errors.refused)


def _plain_number(value):
    """JSON true/false is not a number, though Python counts True as 1; and an infinite or
    NaN figure is refused before any bound is compared with it, so the message says why
    (wizard.errors says it from the error type; pydantic's own English is for logs)."""
    if isinstance(value, bool):
        raise PydanticCustomError("number_not_bool", "a number is expected, not true or false")
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("finite_number", "a finite number is expected")
    return value


Int = Annotated[int, BeforeValidator(_plain_number)]  # 3.0 still counts as 3, true never does
Number = Annotated[float, BeforeValidator(_plain_number), Field(allow_inf_nan=False)]
Level = Annotated[Int, Field(ge=1, le=5)]


def _unique(values: list) -> list:
    seen: set = set()
    dupes: set = set()
    for v in values:  # linear: a long list must not cost its square
        (dupes if v in seen else seen).add(v)
    if dupes:
        raise errors.refused(say, "repeated_values", values=", ".join(sorted(map(str, dupes))))
    return values


def UniqueList(item, *, min_length: int = 0):
    """A list of distinct ids: never longer than the vocabulary it draws from."""
    return Annotated[list[item], Field(min_length=min_length, max_length=len(get_args(item))),
                     AfterValidator(_unique)]


def _at_most(n: int):
    """Refuse a dict with more keys than its vocabulary before validating each key."""
    def check(value):
        if isinstance(value, dict) and len(value) > n:
            raise PydanticCustomError("too_long", "too many keys",
                                      {"max_length": n, "actual_length": len(value)})
        return value
    return BeforeValidator(check)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Structure(_Model):
    name: str = Field("", max_length=200)
    kind: Kind = "autre"
    country: Country = "fr"
    territory: Territory | None = None
    parent_body: ParentBody | None = None
    youth_per_year: Int | None = Field(None, ge=0, le=10_000_000)
    staff: Int | None = Field(None, ge=0, le=100_000)


class Presence(_Model):
    followers: Int = Field(0, ge=0, le=1_000_000_000)
    posts_per_week: Number = Field(0, ge=0, le=500)


class Audience(_Model):
    age_bands: UniqueList(AgeBand, min_length=1)
    groups: UniqueList(Group) = []


Currency = Literal["EUR", "CHF", "CAD"]
CURRENCY_OF_COUNTRY: dict[str, str] = {"fr": "EUR", "be": "EUR", "ch": "CHF", "qc": "CAD"}


class Resources(_Model):
    hours_per_week: Number = Field(ge=0, le=168)
    people: Int = Field(1, ge=1, le=1000)
    skills: UniqueList(Skill) = []
    equipment: UniqueList(Equipment) = []
    budget_per_year: Number = Field(0, ge=0, le=1_000_000_000)
    currency: Currency | None = Field(None, description="Currency of budget_per_year; by default the country's.")
    budget_eur_per_year: Number | None = Field(
        None, ge=0, le=1_000_000_000, exclude=True,
        description="Profiles written before currencies: read as budget_per_year in euros.")
    comms_in_job: bool | None = Field(
        None, description="Someone's job description includes communication (None: not known).")
    followup_counsellors: Int | None = Field(
        None, ge=1, le=1000, description="Staff who follow young people one to one by messaging.")
    followup_youths: Int | None = Field(
        None, ge=0, le=100_000, description="Young people followed by messaging at the same time.")

    @model_validator(mode="after")
    def _legacy_budget(self):
        if self.budget_eur_per_year is not None:
            if self.budget_per_year and self.budget_per_year != self.budget_eur_per_year:
                raise errors.refused(say, "budget_twice")
            if self.currency not in (None, "EUR"):
                raise errors.refused(say, "budget_currency")
            self.budget_per_year, self.currency = self.budget_eur_per_year, "EUR"
            self.budget_eur_per_year = None
        return self


class Constraints(_Model):
    validation_required: bool = False
    own_accounts_allowed: OwnAccounts = "unknown"
    working_hours_only: bool = True


class Profile(_Model):
    structure: Structure = Structure()
    presence: Annotated[dict[Channel, Presence], _at_most(len(get_args(Channel)))] = {}
    goals: UniqueList(Goal, min_length=1)
    audience: Audience
    resources: Resources
    concerns: UniqueList(Concern) = []
    constraints: Constraints = Constraints()
    maturity: Annotated[dict[Dimension, Level], _at_most(len(get_args(Dimension)))] = Field(
        default_factory=dict,
        description="Self-assessment per dimension, 1 (discovery) to 5 (exemplary).",
    )

    @model_validator(mode="after")
    def _currency_of_the_country(self):
        """Amounts are in the structure's currency: the country's unless given (None: not known)."""
        if self.resources.currency is None:
            self.resources.currency = CURRENCY_OF_COUNTRY.get(self.structure.country)
        return self


class ProfileError(ValueError):
    """A refused profile; `messages` holds one sentence per problem, in the language asked."""

    def __init__(self, messages: list[str], lang: str = "fr"):
        self.messages = messages
        super().__init__(say("list_separator", lang).join(messages))


_LITERAL_FIELDS = {
    "kind": "structure_kind", "country": "country", "territory": "territory",
    "parent_body": "parent_body", "goals": "goal", "age_bands": "age_band",
    "groups": "group", "skills": "skill", "equipment": "equipment",
    "concerns": "concern", "own_accounts_allowed": "own_accounts_allowed",
    "presence": "channel", "maturity": "maturity_dimension",
}


def _vocab_for(loc: tuple) -> str | None:
    for part in reversed(loc):
        if isinstance(part, str) and part in _LITERAL_FIELDS:
            return _LITERAL_FIELDS[part]
    return None


def explain(exc: ValidationError, lang: str = "fr") -> list[str]:
    """One sentence per error in `lang`, naming the field and, for ids, the allowed values."""
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        vocab = _vocab_for(loc) if err["type"] in ("literal_error", "enum") else None
        if vocab:
            said = errors.not_allowed(err.get("input"), ", ".join(ids(vocab)), lang)
        else:
            said = errors.message(err, lang)
        out.append(say("field_said", lang, where=errors.where(loc, lang=lang), message=said))
    return out


def parse_profile(data: object, lang: str = "fr") -> Profile:
    """Validate raw data (a dict from JSON, or answers) into a Profile, or raise ProfileError
    whose messages are in `lang` (French by default, "en" for English)."""
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(explain(exc, lang), lang) from None
