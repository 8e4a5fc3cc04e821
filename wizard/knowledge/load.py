"""Load the knowledge base (wizard/knowledge/*.yaml) and check it.

Structure first (pydantic models), then meaning: every source key cited exists in
sources.yaml, every channel / goal / concern / band / country id is in the
vocabulary, every activity used by a channel is in effort.yaml. Each problem names
the file and the entry, so the person editing the data knows where to look.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from wizard import errors_fr, inputs, safeyaml
from wizard.knowledge import models as m
from wizard.vocabulary import ids

DIR = Path(__file__).resolve().parent


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


@dataclass
class _Check:
    file: str
    problems: list[str] = field(default_factory=list)

    def add(self, entry: str, message: str) -> None:
        self.problems.append(f"{self.file} : « {entry} » : {message}")


def _read(directory: Path, name: str, problems: list[str]) -> Any:
    path = directory / f"{name}.yaml"
    if not path.exists():
        problems.append(f"{path.name} : fichier manquant")
        return None
    try:  # the level names of maturity.yaml are anchors: aliases allowed, their expansion bounded
        raw = safeyaml.load(inputs.read_text(path), safeyaml.BoundedLoader)
    except inputs.InputError as exc:
        problems.append(f"{path.name} : {exc}")
        return None
    except safeyaml.YamlError as exc:
        problems.append(f"{path.name} : YAML illisible : {exc}")
        return None
    try:
        return FILES[name].validate_python(raw)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = [str(p) for p in err["loc"]]
            entry = loc[0] if loc else name
            if isinstance(raw, list) and loc and loc[0].isdigit() and int(loc[0]) < len(raw):
                item = raw[int(loc[0])]
                entry = str(item.get("id") or item.get("concern") or f"n° {int(loc[0]) + 1}") if isinstance(item, dict) else loc[0]
            where = ".".join(loc[1:])
            problems.append(f"{path.name} : « {entry} » : {where + ' : ' if where else ''}{errors_fr.message(err)}")
        return None


def check(directory: Path = DIR) -> tuple[Knowledge | None, list[str]]:
    """The knowledge base and the list of problems (empty when it is sound)."""
    problems: list[str] = []
    data = {name: _read(directory, name, problems) for name in FILES}
    if problems:
        return None, problems
    kb = Knowledge(**data)
    problems.extend(_meaning(kb))
    return (None if problems else kb), problems


def load(directory: Path = DIR) -> Knowledge:
    kb, problems = check(directory)
    if problems:
        raise KnowledgeError(problems)
    return kb


@cache
def default() -> Knowledge:
    """The shipped knowledge base, read and checked once per process."""
    return load(DIR)


# effort.yaml entries and sizing parameters the workload engine reads by name
ENGINE_EFFORT: dict[str, tuple[str, ...]] = {
    "monitoring": (), "measurement": (), "validation": (), "participation": (),
    "moderation": ("floor_messages_per_month",),
    "followup_message": ("messages_per_youth_per_week", "youths_per_counsellor", "counsellors_per_person"),
    "followup_inbox": (),
}


def _sources_of(obj: Any) -> list[str]:
    """Every `sources` list inside a model, however deep."""
    out: list[str] = []
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if name == "sources" and isinstance(value, tuple):
                out.extend(value)
            else:
                out.extend(_sources_of(value))
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            out.extend(_sources_of(v))
    elif isinstance(obj, dict):
        for v in obj.values():
            out.extend(_sources_of(v))
    return out


def _meaning(kb: Knowledge) -> list[str]:
    v = {name: set(ids(name)) for name in ("channel", "goal", "concern", "age_band", "group", "skill",
                                           "equipment", "country", "structure_kind", "maturity_dimension",
                                           "own_accounts_allowed")}
    out: list[str] = []

    def known_sources(c: _Check, entry: str, obj: Any) -> None:
        for key in _sources_of(obj):
            if key not in kb.sources:
                c.add(entry, f"source inconnue « {key} » (absente de sources.yaml)")

    def ids_in(c: _Check, entry: str, what: str, values, vocab: str) -> None:
        for value in values:
            if value not in v[vocab]:
                c.add(entry, f"{what} inconnu « {value} » (valeurs possibles : {', '.join(sorted(v[vocab]))})")

    c = _Check("channels.yaml")
    ids_in(c, "channels", "réseau", kb.channels, "channel")
    for cid, ch in kb.channels.items():
        known_sources(c, cid, ch)
        ids_in(c, cid, "tranche d’âge", ch.usage, "age_band")
        ids_in(c, cid, "pays", ch.usage_by_country, "country")
        for bands in ch.usage_by_country.values():
            ids_in(c, cid, "tranche d’âge", bands, "age_band")
        ids_in(c, cid, "pays", ch.min_age.by_country, "country")
        ids_in(c, cid, "objectif", ch.goals, "goal")
        ids_in(c, cid, "objectif", ch.roles, "goal")
        missing = v["goal"] - set(ch.goals)
        if missing:
            c.add(cid, f"objectifs sans appréciation : {', '.join(sorted(missing))}")
        ids_in(c, cid, "public", ch.groups, "group")
        ids_in(c, cid, "compétence", ch.skills, "skill")
        ids_in(c, cid, "matériel", ch.equipment, "equipment")
        for fmt in ch.formats:
            if fmt not in kb.effort:
                c.add(cid, f"format inconnu « {fmt} » (absent de effort.yaml)")
        for level in (ch.rhythm_minimum, ch.rhythm_recommended):
            for act in level.items:
                if act not in ch.formats:
                    c.add(cid, f"rythme : « {act} » n’est pas un format de ce réseau")
    out += c.problems

    c = _Check("effort.yaml")
    for aid, act in kb.effort.items():
        known_sources(c, aid, act)
        for skill in act.with_skill.skills if act.with_skill else ():
            if skill not in v["skill"]:
                c.add(aid, f"with_skill : compétence inconnue « {skill} » (valeurs possibles : {', '.join(sorted(v['skill']))})")
    for aid, params in ENGINE_EFFORT.items():
        if aid not in kb.effort:
            c.add(aid, "activité manquante (le calcul de la charge de travail s’en sert)")
            continue
        for name in params:
            if name not in kb.effort[aid].sizing:
                c.add(aid, f"sizing : paramètre « {name} » manquant (le calcul de la charge de travail s’en sert)")
    out += c.problems

    c = _Check("arguments.yaml")
    for a in kb.arguments:
        if a.concern != "general" and a.concern not in v["concern"]:
            c.add(a.concern, "inquiétude inconnue")
        known_sources(c, a.concern, a)
    for concern in sorted(v["concern"] - {a.concern for a in kb.arguments}):
        c.add(concern, "aucun argument pour cette inquiétude")
    out += c.problems

    c = _Check("kpis.yaml")
    for k in kb.kpis:
        ids_in(c, k.id, "objectif", k.goals, "goal")
        ids_in(c, k.id, "réseau", k.applies_to.channels, "channel")
        known_sources(c, k.id, k)
    for goal in sorted(v["goal"] - {g for k in kb.kpis for g in k.goals}):
        c.add(goal, "aucun indicateur pour cet objectif")
    for goal in sorted({g for k in kb.kpis for g in k.goals}):  # whatever the one channel, a KPI for the goal
        for cid, ch in kb.channels.items():
            if not any(goal in k.goals and (k.applies_to.whole_plan or k.applies_to.measures(cid, ch.messaging))
                       for k in kb.kpis):
                c.add(goal, f"aucun indicateur pour cet objectif quand seul « {cid} » est recommandé "
                            "(ajoutez un indicateur sans applies_to, ou élargissez applies_to)")
    out += c.problems

    for fname, items in (("legal.yaml", kb.legal), ("charter.yaml", kb.charter), ("plan.yaml", kb.plan)):
        c = _Check(fname)
        for item in items:
            known_sources(c, item.id, item)
            if (isinstance(item, m.LegalPoint) and not item.check_official_text and item.sources
                    and all(k in kb.sources and kb.sources[k].secondary for k in item.sources)):
                c.add(item.id, "toutes ses sources sont secondaires : ajoutez check_official_text: true "
                               "(la règle dira « à vérifier dans le texte officiel »)")
            w = item.when
            ids_in(c, item.id, "inquiétude", w.concerns_any, "concern")
            ids_in(c, item.id, "objectif", w.goals_any, "goal")
            ids_in(c, item.id, "tranche d’âge", w.age_bands_any, "age_band")
            ids_in(c, item.id, "réseau", w.channels_any, "channel")
            ids_in(c, item.id, "pays", w.countries_any, "country")
            ids_in(c, item.id, "type de structure", w.kinds_any, "structure_kind")
            ids_in(c, item.id, "autorisation", w.own_accounts_allowed_in, "own_accounts_allowed")
            ids_in(c, item.id, "dimension", w.maturity_at_most, "maturity_dimension")
        out += c.problems

    c = _Check("calendar.yaml")
    for e in kb.calendar:
        known_sources(c, e.id, e)
        ids_in(c, e.id, "objectif", e.goals, "goal")
        ids_in(c, e.id, "tranche d’âge", e.age_bands, "age_band")
        ids_in(c, e.id, "pays", e.countries, "country")
        if not e.countries:
            c.add(e.id, "countries vide : indiquez les pays où la date vaut (tous pour une journée internationale)")
        if any(not 1 <= mo <= 12 for mo in e.months):
            c.add(e.id, "mois hors de 1 à 12")
    out += c.problems

    c = _Check("maturity.yaml")
    ids_in(c, "maturity", "dimension", kb.maturity, "maturity_dimension")
    for dim in sorted(v["maturity_dimension"] - set(kb.maturity)):
        c.add(dim, "dimension sans niveaux")
    for dim, d in kb.maturity.items():
        if set(d.levels) != {1, 2, 3, 4, 5}:
            c.add(dim, "les niveaux doivent aller de 1 à 5")
    out += c.problems

    c = _Check("scoring.yaml")
    for entry, keys in (("cap", kb.scoring.cap.small_sources + kb.scoring.cap.assumption_sources),
                        ("keep_existing", kb.scoring.keep_existing.sources),
                        ("inbound_sources", kb.scoring.inbound_sources)):
        for key in keys:
            if key not in kb.sources:
                c.add(entry, f"source inconnue « {key} » (absente de sources.yaml)")
    if set(kb.scoring.weights) != {"audience", "goals", "resources", "presence"}:
        c.add("weights", "attendu : audience, goals, resources, presence")
    out += c.problems
    out += _fit_figures(kb, v)
    return out


def _fit_figures(kb: Knowledge, v: dict[str, set[str]]) -> list[str]:
    """channels.yaml goals and groups: the reasoning (`why`) holds no figure and no age range,
    the figures (`figures`) say which bands, countries, year and sources they are, and a
    usage or adult-usage figure comes with every other country's figure the knowledge base
    holds for it (wizard.engine.figures then says « faute de chiffre pour … » only when true)."""
    import re

    percent = re.compile(r"\d[\s\u00a0\u202f]*%")
    age_range = re.compile(r"\d+\s*[–-]\s*\d+(\s|\u00a0)*(ans|year)")
    country_word = re.compile(r"\b(français|française|belges?|suisses?|québécois|américains?|France|Belgique|Suisse|Québec"
                              r"|États-Unis|French|Belgian|Swiss|Quebec|American|US|Belgium|Switzerland|United States)\b")
    countries = (v["country"] - {"autre"}) | {"us"}
    c = _Check("channels.yaml")
    for cid, ch in kb.channels.items():
        known = {band: {u.country for u in [ch.usage.get(band)] if u}
                 | {k for k, bands in ch.usage_by_country.items() if band in bands} for band in v["age_band"]}
        adults = {k for k, table in kb.audiences.adult.items() if cid in table}
        for section, fits in (("goals", ch.goals), ("groups", ch.groups)):
            for key, fit in fits.items():
                entry = f"{cid}.{section}.{key}"
                for lang, text in (("fr", fit.why.fr), ("en", fit.why.en or "")):
                    if percent.search(text):
                        c.add(entry, f"why.{lang} contient un pourcentage : mettez ce chiffre dans « figures », "
                                     "avec ses tranches d’âge, son pays, son année et ses sources")
                    if age_range.search(text):
                        c.add(entry, f"why.{lang} cite une tranche d’âge : mettez-la dans le texte d’un chiffre de "
                                     "« figures », avec ses tranches d’âge (« bands »)")
                for n, fig in enumerate(fit.figures, 1):
                    where = f"{entry}.figures n° {n}"
                    for band in fig.bands:
                        if band not in v["age_band"]:
                            c.add(where, f"tranche d’âge inconnue « {band} » (valeurs possibles : "
                                         f"{', '.join(sorted(v['age_band']))})")
                    for country in fig.countries:
                        if country not in countries:
                            c.add(where, f"pays inconnu « {country} » (valeurs possibles : {', '.join(sorted(countries))})")
                    for key_ in fig.sources:
                        if key_ not in kb.sources:
                            c.add(where, f"source inconnue « {key_} » (absente de sources.yaml)")
                    for lang, text in (("fr", fig.text.fr), ("en", fig.text.en or "")):
                        if str(fig.year) in text:
                            c.add(where, f"text.{lang} contient son année ({fig.year}) : le moteur l’ajoute")
                        if country_word.search(text):
                            c.add(where, f"text.{lang} nomme un pays : le moteur le nomme quand le chiffre est étranger")
                    if fig.point == "use":
                        for band in fig.bands:
                            have = {k for g in fit.figures if g.point == "use" and band in g.bands for k in g.countries}
                            for k in sorted(known.get(band, set()) - have):
                                c.add(where, f"chiffre d’usage pour « {band} » sans celui de « {k} » que donne "
                                             "usage / usage_by_country : ajoutez-le à « figures »")
                    if fig.point == "adult_use":
                        have = {k for g in fit.figures if g.point == "adult_use" for k in g.countries}
                        for k in sorted(adults - have):
                            c.add(where, f"chiffre d’usage adulte sans celui de « {k} » que donne audiences.yaml : "
                                         "ajoutez-le à « figures »")
    return c.problems
