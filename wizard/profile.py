"""The Profile contract (../shared/DESIGN.md): what the conversation learns about a structure.

Only goals, audience.age_bands and resources.hours_per_week are required; everything
else gets a sensible default. Anything wrong (unknown id, negative number, wrong
type, unknown field) is refused, and `explain` turns the refusal into French
sentences that name the field and the allowed values.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

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


def _unique(values: list) -> list:
    dupes = sorted({str(v) for v in values if values.count(v) > 1})
    if dupes:
        raise ValueError(f"valeur répétée : {', '.join(dupes)}")
    return values


def UniqueList(item, *, min_length: int = 0, max_length: int | None = None):
    return Annotated[list[item], Field(min_length=min_length, max_length=max_length), AfterValidator(_unique)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Structure(_Model):
    name: str = Field("", max_length=200)
    kind: Kind = "autre"
    country: Country = "fr"
    territory: Territory | None = None
    parent_body: ParentBody | None = None
    youth_per_year: int | None = Field(None, ge=0, le=10_000_000)
    staff: int | None = Field(None, ge=0, le=100_000)


class Presence(_Model):
    followers: int = Field(0, ge=0)
    posts_per_week: float = Field(0, ge=0, le=500)


class Audience(_Model):
    age_bands: UniqueList(AgeBand, min_length=1)
    groups: UniqueList(Group) = []


class Resources(_Model):
    hours_per_week: float = Field(ge=0, le=168)
    people: int = Field(1, ge=1, le=1000)
    skills: UniqueList(Skill) = []
    equipment: UniqueList(Equipment) = []
    budget_eur_per_year: float = Field(0, ge=0)


class Constraints(_Model):
    validation_required: bool = False
    own_accounts_allowed: OwnAccounts = "unknown"
    working_hours_only: bool = True


class Profile(_Model):
    structure: Structure = Structure()
    presence: dict[Channel, Presence] = {}
    goals: UniqueList(Goal, min_length=1)
    audience: Audience
    resources: Resources
    concerns: UniqueList(Concern) = []
    constraints: Constraints = Constraints()
    maturity: dict[Dimension, Annotated[int, Field(ge=1, le=5)]] = Field(
        default_factory=dict,
        description="Self-assessment per dimension, 1 (discovery) to 5 (exemplary).",
    )


class ProfileError(ValueError):
    """A refused profile; `messages` holds one French sentence per problem."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__(" ; ".join(messages))


def _where(loc: tuple) -> str:
    return ".".join(str(p) for p in loc if not str(p).startswith("function-")) or "profil"


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


def explain(exc: ValidationError) -> list[str]:
    """One French sentence per error, naming the field and, for ids, the allowed values."""
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if p not in ("[key]",))
        where = _where(loc)
        typ = err["type"]
        given = err.get("input")
        if typ in ("literal_error", "enum"):
            vocab = _vocab_for(loc)
            allowed = ", ".join(ids(vocab)) if vocab else err["msg"]
            out.append(f"{where} : « {given} » n’est pas une valeur permise (valeurs possibles : {allowed})")
        elif typ == "missing":
            out.append(f"{where} : champ obligatoire manquant")
        elif typ == "extra_forbidden":
            out.append(f"{where} : champ inconnu")
        elif typ in ("greater_than_equal", "greater_than"):
            out.append(f"{where} : doit être supérieur ou égal à {err['ctx'].get('ge', err['ctx'].get('gt'))} (reçu : {given})")
        elif typ in ("less_than_equal", "less_than"):
            out.append(f"{where} : doit être inférieur ou égal à {err['ctx'].get('le', err['ctx'].get('lt'))} (reçu : {given})")
        elif typ == "too_short":
            out.append(f"{where} : au moins {err['ctx']['min_length']} valeur(s) attendue(s)")
        elif typ == "too_long":
            out.append(f"{where} : au plus {err['ctx']['max_length']} valeur(s) ou caractères")
        elif typ.endswith(("_type", "_parsing", "_from_float")):
            expected = {"int": "un nombre entier", "float": "un nombre", "bool": "vrai ou faux",
                        "string": "un texte", "list": "une liste", "dict": "un objet",
                        "model": "un objet"}.get(typ.split("_")[0], "une autre forme de valeur")
            out.append(f"{where} : {expected} attendu (reçu : {given!r:.60})")
        elif typ == "value_error":
            out.append(f"{where} : {err['ctx']['error']}")
        else:
            out.append(f"{where} : {err['msg']}")
    return out


def parse_profile(data: object) -> Profile:
    """Validate raw data (a dict from JSON, or answers) into a Profile, or raise ProfileError."""
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(explain(exc)) from None
