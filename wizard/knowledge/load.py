"""Load the knowledge base (wizard/knowledge/*.yaml) and check it.

Structure first (pydantic models, here), then meaning (wizard.knowledge.meaning): every
source key cited exists in sources.yaml, every channel / goal / concern / band / country
id is in the vocabulary, every activity used by a channel is in effort.yaml. Each problem
names the file and the entry, so the person editing the data knows where to look; in
French, or in English with lang="en" (wizard/catalogue/validate.yaml).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from wizard import errors, inputs, safeyaml
from wizard.i18n import phrases
from wizard.knowledge import models as m
from wizard.knowledge.meaning import meaning

DIR = Path(__file__).resolve().parent
say = phrases("validate")


class Scoring(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    weights: dict[str, float]
    goal_order_weights: tuple[float, ...]
    group_adjustment_points: float
    ethics_penalty_points: float
    followers_for_full_presence: int
    recommend_threshold: float
    cap: m.Cap
    status: dict[str, float]
    full_time_hours: float
    inbound_messages_per_1000_followers_per_month: dict[str, float]
    inbound_sources: tuple[str, ...]
    weeks_per_month: float
    keep_existing: m.KeepExisting
    missing_usage: m.MissingUsage


FILES: dict[str, TypeAdapter] = {
    "sources": TypeAdapter(dict[str, m.Source]),
    "channels": TypeAdapter(dict[str, m.Channel]),
    "effort": TypeAdapter(dict[str, m.Activity]),
    "arguments": TypeAdapter(list[m.Argument]),
    "kpis": TypeAdapter(list[m.Kpi]),
    "legal": TypeAdapter(list[m.LegalPoint]),
    "charter": TypeAdapter(list[m.Clause]),
    "calendar": TypeAdapter(list[m.CalendarEvent]),
    "maturity": TypeAdapter(dict[str, m.MaturityDimension]),
    "plan": TypeAdapter(list[m.PlanTask]),
    "scoring": TypeAdapter(Scoring),
    "roles": TypeAdapter(m.Roles),
    "audiences": TypeAdapter(m.Audiences),
}


@dataclass(frozen=True)
class Knowledge:
    sources: dict[str, m.Source]
    channels: dict[str, m.Channel]
    effort: dict[str, m.Activity]
    arguments: list[m.Argument]
    kpis: list[m.Kpi]
    legal: list[m.LegalPoint]
    charter: list[m.Clause]
    calendar: list[m.CalendarEvent]
    maturity: dict[str, m.MaturityDimension]
    plan: list[m.PlanTask]
    scoring: Scoring
    roles: m.Roles
    audiences: m.Audiences

    def __hash__(self) -> int:  # identity: one knowledge base per process
        return id(self)


class KnowledgeError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _read(directory: Path, name: str, problems: list[str], lang: str = "fr") -> Any:
    path = directory / f"{name}.yaml"
    if not path.exists():
        problems.append(say("file_problem", lang, file=path.name, message=say("file_missing", lang)))
        return None
    try:  # the level names of maturity.yaml are anchors: aliases allowed, their expansion bounded
        raw = safeyaml.load(inputs.read_text(path, lang=lang), safeyaml.BoundedLoader, lang)
    except inputs.InputError as exc:
        problems.append(say("file_problem", lang, file=path.name, message=exc))
        return None
    except safeyaml.YamlError as exc:
        problems.append(say("file_problem", lang, file=path.name, message=say("yaml_unreadable", lang, reason=exc)))
        return None
    try:
        return FILES[name].validate_python(raw)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = [str(p) for p in err["loc"]]
            entry = loc[0] if loc else name
            if isinstance(raw, list) and loc and loc[0].isdigit() and int(loc[0]) < len(raw):
                item = raw[int(loc[0])]
                number = say("number", lang, n=int(loc[0]) + 1)
                entry = str(item.get("id") or item.get("concern") or number) if isinstance(item, dict) else loc[0]
            where, said = ".".join(loc[1:]), errors.message(err, lang)
            message = errors.say("field_said", lang, where=where, message=said) if where else said
            problems.append(say("entry_problem", lang, file=path.name, entry=entry, message=message))
        return None


def check(directory: Path = DIR, lang: str = "fr") -> tuple[Knowledge | None, list[str]]:
    """The knowledge base and the list of problems in `lang` (empty when it is sound)."""
    problems: list[str] = []
    data = {name: _read(directory, name, problems, lang) for name in FILES}
    if problems:
        return None, problems
    kb = Knowledge(**data)
    problems.extend(meaning(kb, lang))
    return (None if problems else kb), problems


def load(directory: Path = DIR, lang: str = "fr") -> Knowledge:
    kb, problems = check(directory, lang)
    if problems:
        raise KnowledgeError(problems)
    return kb


@cache
def default() -> Knowledge:
    """The shipped knowledge base, read and checked once per process."""
    return load(DIR)
