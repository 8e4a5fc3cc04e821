"""The knowledge base's meaning checks, once its structure is sound (wizard.knowledge.load).

Every source key cited exists in sources.yaml, every channel / goal / concern / band /
country id is in the vocabulary, every activity used by a channel is in effort.yaml,
arguments.yaml has its two voices, and channels.yaml keeps figures out of its reasoning.
Each problem names the file and the entry, in French or in English (`lang`; the sentences
are in wizard/catalogue/validate.yaml), so the person editing the data knows where to look.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from wizard.i18n import phrases
from wizard.knowledge import models as m
from wizard.vocabulary import ids

if TYPE_CHECKING:
    from wizard.knowledge.load import Knowledge

say = phrases("validate")

# effort.yaml entries and sizing parameters the workload engine reads by name
ENGINE_EFFORT: dict[str, tuple[str, ...]] = {
    "monitoring": (), "measurement": (), "validation": (), "participation": (),
    "moderation": ("floor_messages_per_month",),
    "followup_message": ("messages_per_youth_per_week", "youths_per_counsellor", "counsellors_per_person"),
    "followup_inbox": (),
}
# arguments.yaml entries the note for elected officials reads by id (documents/brief), each standing
ENGINE_ARGUMENTS = ("channels_choice", "savings", "public_neutrality")
# An answer for officials says what we do; advice to the team starts with an imperative
# (« Limitez-vous… », « Ne publiez… », « Faites… »).
_IMPERATIVE = re.compile(r"(?:^|[.!?…]\s+)(?:N[’']|Ne )?(?:[A-ZÀ-Ý]\w*ez|Faites|Dites)\b")
_PLACEHOLDERS = {"answer": {"alternative"}, "cost": {"hours"}, "cost_without": set()}


@dataclass
class _Check:
    """The problems found in one file, each « file : « entry » : message » in `lang`."""
    file: str
    lang: str = "fr"
    problems: list[str] = field(default_factory=list)

    def add(self, entry: str, problem: str, /, **values) -> None:
        """`problem`: a key of validate.yaml, filled with `values`."""
        message = say(problem, self.lang, **values)
        self.problems.append(say("entry_problem", self.lang, file=self.file, entry=entry, message=message))


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


def meaning(kb: Knowledge, lang: str = "fr") -> list[str]:
    """Every meaning problem of a structurally sound knowledge base, in `lang`."""
    v = {name: set(ids(name)) for name in ("channel", "goal", "concern", "age_band", "group", "skill",
                                           "equipment", "country", "structure_kind", "maturity_dimension",
                                           "own_accounts_allowed", "parent_body")}
    out: list[str] = []

    def known_sources(c: _Check, entry: str, obj: Any) -> None:
        for key in _sources_of(obj):
            if key not in kb.sources:
                c.add(entry, "source_unknown", source=key)

    def ids_in(c: _Check, entry: str, values, vocab: str) -> None:
        """Each value an id of `vocab`; the message names what it is (« réseau », « pays »…)."""
        for value in values:
            if value not in v[vocab]:
                c.add(entry, "id_unknown", what=say(f"vocab_{vocab}", lang), value=value,
                      allowed=", ".join(sorted(v[vocab])))

    c = _Check("channels.yaml", lang)
    ids_in(c, "channels", kb.channels, "channel")
    for cid, ch in kb.channels.items():
        known_sources(c, cid, ch)
        ids_in(c, cid, ch.usage, "age_band")
        ids_in(c, cid, ch.usage_by_country, "country")
        for bands in ch.usage_by_country.values():
            ids_in(c, cid, bands, "age_band")
        ids_in(c, cid, ch.min_age.by_country, "country")
        ids_in(c, cid, ch.goals, "goal")
        ids_in(c, cid, ch.roles, "goal")
        missing = v["goal"] - set(ch.goals)
        if missing:
            c.add(cid, "goals_without_fit", goals=", ".join(sorted(missing)))
        ids_in(c, cid, ch.groups, "group")
        ids_in(c, cid, ch.skills, "skill")
        ids_in(c, cid, ch.equipment, "equipment")
        for fmt in ch.formats:
            if fmt not in kb.effort:
                c.add(cid, "format_unknown", format=fmt)
        for level in (ch.rhythm_minimum, ch.rhythm_recommended):
            for act in level.items:
                if act not in ch.formats:
                    c.add(cid, "rhythm_not_format", activity=act)
    out += c.problems

    c = _Check("effort.yaml", lang)
    for aid, act in kb.effort.items():
        known_sources(c, aid, act)
        for skill in act.with_skill.skills if act.with_skill else ():
            if skill not in v["skill"]:
                c.add(aid, "skill_unknown", skill=skill, allowed=", ".join(sorted(v["skill"])))
    for aid, params in ENGINE_EFFORT.items():
        if aid not in kb.effort:
            c.add(aid, "activity_missing")
            continue
        for name in params:
            if name not in kb.effort[aid].sizing:
                c.add(aid, "sizing_missing", name=name)
    out += c.problems

    out += _arguments(kb, v, known_sources, ids_in, lang)

    c = _Check("kpis.yaml", lang)
    for k in kb.kpis:
        ids_in(c, k.id, k.goals, "goal")
        ids_in(c, k.id, k.applies_to.channels, "channel")
        known_sources(c, k.id, k)
    for goal in sorted(v["goal"] - {g for k in kb.kpis for g in k.goals}):
        c.add(goal, "goal_without_kpi")
    for goal in sorted({g for k in kb.kpis for g in k.goals}):  # whatever the one channel, a KPI for the goal
        for cid, ch in kb.channels.items():
            if not any(goal in k.goals and (k.applies_to.whole_plan or k.applies_to.measures(cid, ch.messaging))
                       for k in kb.kpis):
                c.add(goal, "goal_without_kpi_for", channel=cid)
    out += c.problems

    for fname, items in (("legal.yaml", kb.legal), ("charter.yaml", kb.charter), ("plan.yaml", kb.plan)):
        c = _Check(fname, lang)
        for item in items:
            known_sources(c, item.id, item)
            if (isinstance(item, m.LegalPoint) and not item.check_official_text and item.sources
                    and all(k in kb.sources and kb.sources[k].secondary for k in item.sources)):
                c.add(item.id, "secondary_only")
            w = item.when
            ids_in(c, item.id, w.concerns_any, "concern")
            ids_in(c, item.id, w.goals_any, "goal")
            ids_in(c, item.id, w.age_bands_any, "age_band")
            ids_in(c, item.id, w.channels_any, "channel")
            ids_in(c, item.id, w.countries_any, "country")
            ids_in(c, item.id, w.kinds_any, "structure_kind")
            ids_in(c, item.id, w.parent_bodies_any, "parent_body")
            ids_in(c, item.id, w.own_accounts_allowed_in, "own_accounts_allowed")
            ids_in(c, item.id, w.maturity_at_most, "maturity_dimension")
        out += c.problems

    c = _Check("calendar.yaml", lang)
    for e in kb.calendar:
        known_sources(c, e.id, e)
        ids_in(c, e.id, e.goals, "goal")
        ids_in(c, e.id, e.age_bands, "age_band")
        ids_in(c, e.id, e.countries, "country")
        if not e.countries:
            c.add(e.id, "countries_empty")
        if any(not 1 <= mo <= 12 for mo in e.months):
            c.add(e.id, "months_outside")
    out += c.problems

    c = _Check("maturity.yaml", lang)
    ids_in(c, "maturity", kb.maturity, "maturity_dimension")
    for dim in sorted(v["maturity_dimension"] - set(kb.maturity)):
        c.add(dim, "dimension_without_levels")
    for dim, d in kb.maturity.items():
        if set(d.levels) != {1, 2, 3, 4, 5}:
            c.add(dim, "levels_one_to_five")
    out += c.problems

    c = _Check("scoring.yaml", lang)
    for entry, keys in (("cap", kb.scoring.cap.small_sources + kb.scoring.cap.assumption_sources),
                        ("keep_existing", kb.scoring.keep_existing.sources),
                        ("inbound_sources", kb.scoring.inbound_sources)):
        for key in keys:
            if key not in kb.sources:
                c.add(entry, "source_unknown", source=key)
    if set(kb.scoring.weights) != {"audience", "goals", "resources", "presence"}:
        c.add("weights", "weights_expected")
    out += c.problems
    out += _fit_figures(kb, v, lang)
    return out


def _arguments(kb: Knowledge, v: dict[str, set[str]], known_sources, ids_in, lang: str) -> list[str]:
    """arguments.yaml: ids, the two voices, evidence, conditions, what the engine fills in."""
    c = _Check("arguments.yaml", lang)
    seen: set[str] = set()
    legal = {pt.id for pt in kb.legal}
    for a in kb.arguments:
        if a.id in seen:
            c.add(a.id, "argument_twice")
        seen.add(a.id)
        if a.use == "answer" and a.concern not in v["concern"]:
            c.add(a.id, "concern_unknown", concern=a.concern)
        if a.use != "answer" and a.concern != "general":
            c.add(a.id, "use_needs_general", use=a.use)
        needed = {"answer": ("objection", "answer", "safeguard", "cost"), "standing": ("objection", "answer",
                                                                                     "safeguard"), "context": ()}
        for name in needed[a.use]:
            if getattr(a, name) is None or not getattr(a, name).en:
                c.add(a.id, "voice_missing", name=name)
        if a.answer is not None and _IMPERATIVE.search(a.answer.fr):
            c.add(a.id, "answer_imperative")
        for name, allowed in _PLACEHOLDERS.items():
            value = getattr(a, name)
            for lang_text in (value.fr, value.en or "") if value is not None else ():
                for found in set(re.findall(r"\{(\w*)\}", lang_text)) - allowed:
                    c.add(a.id, "placeholder_unfilled", name=name, placeholder="{" + found + "}")
        if a.cost is not None and "{hours}" in a.cost.fr and not a.counts:
            c.add(a.id, "cost_without_counts", placeholder="{hours}")
        for act in a.counts:
            if act != "*" and act not in kb.effort:
                c.add(a.id, "counts_unknown", activity=act)
        evidence = [e.id for e in a.evidence]
        if len(set(evidence)) != len(evidence):
            c.add(a.id, "evidence_twice")
        for eid in a.lead:
            if eid not in evidence:
                c.add(a.id, "lead_unknown", id=eid)
        if all(e.when != m.Condition() for e in a.evidence):
            c.add(a.id, "evidence_all_conditional")
        for pid in a.legal:
            if pid not in legal:
                c.add(a.id, "legal_unknown", id=pid)
        for where, w in [("when", a.when), *((f"{e.id}.when", e.when) for e in a.evidence),
                         *((f"also {say('number', lang, n=n)}.when", x.when) for n, x in enumerate(a.also, 1))]:
            entry = f"{a.id}.{where}"
            ids_in(c, entry, w.concerns_any, "concern")
            ids_in(c, entry, w.goals_any, "goal")
            ids_in(c, entry, w.age_bands_any, "age_band")
            ids_in(c, entry, w.channels_any, "channel")
            ids_in(c, entry, w.countries_any, "country")
            ids_in(c, entry, w.kinds_any, "structure_kind")
            ids_in(c, entry, w.parent_bodies_any, "parent_body")
        known_sources(c, a.id, a)
    answered = {a.concern for a in kb.arguments if a.use == "answer"}
    for concern in sorted(v["concern"] - answered):
        c.add(concern, "concern_without_argument")
    for aid in ENGINE_ARGUMENTS:
        if not any(a.id == aid and a.use == "standing" for a in kb.arguments):
            c.add(aid, "standing_missing")
    return c.problems


def _fit_figures(kb: Knowledge, v: dict[str, set[str]], lang: str) -> list[str]:
    """channels.yaml goals and groups: the reasoning (`why`) holds no figure and no age range,
    the figures (`figures`) say which bands, countries, year and sources they are, and a
    usage or adult-usage figure comes with every other country's figure the knowledge base
    holds for it (wizard.engine.figures then says « faute de chiffre pour … » only when true)."""
    percent = re.compile(r"\d[\s\u00a0\u202f]*%")
    age_range = re.compile(r"\d+\s*[–-]\s*\d+(\s|\u00a0)*(ans|year)")
    country_word = re.compile(r"\b(français|française|belges?|suisses?|québécois|américains?|France|Belgique|Suisse|Québec"
                              r"|États-Unis|French|Belgian|Swiss|Quebec|American|US|Belgium|Switzerland|United States)\b")
    countries = (v["country"] - {"autre"}) | {"us"}
    c = _Check("channels.yaml", lang)
    for cid, ch in kb.channels.items():
        known = {band: {u.country for u in [ch.usage.get(band)] if u}
                 | {k for k, bands in ch.usage_by_country.items() if band in bands} for band in v["age_band"]}
        adults = {k for k, table in kb.audiences.adult.items() if cid in table}
        for section, fits in (("goals", ch.goals), ("groups", ch.groups)):
            for key, fit in fits.items():
                entry = f"{cid}.{section}.{key}"
                for which, said in (("fr", fit.why.fr), ("en", fit.why.en or "")):
                    if percent.search(said):
                        c.add(entry, "why_percent", which=which)
                    if age_range.search(said):
                        c.add(entry, "why_age_range", which=which)
                for n, fig in enumerate(fit.figures, 1):
                    where = say("figure_number", lang, entry=entry, n=n)
                    for band in fig.bands:
                        if band not in v["age_band"]:
                            c.add(where, "band_unknown", band=band, allowed=", ".join(sorted(v["age_band"])))
                    for country in fig.countries:
                        if country not in countries:
                            c.add(where, "id_unknown", what=say("vocab_country", lang), value=country,
                                  allowed=", ".join(sorted(countries)))
                    for key_ in fig.sources:
                        if key_ not in kb.sources:
                            c.add(where, "source_unknown", source=key_)
                    for which, said in (("fr", fig.text.fr), ("en", fig.text.en or "")):
                        if str(fig.year) in said:
                            c.add(where, "figure_year", which=which, year=fig.year)
                        if country_word.search(said):
                            c.add(where, "figure_country", which=which)
                    if fig.point == "use":
                        for band in fig.bands:
                            have = {k for g in fit.figures if g.point == "use" and band in g.bands for k in g.countries}
                            for k in sorted(known.get(band, set()) - have):
                                c.add(where, "usage_missing_country", band=band, country=k)
                    if fig.point == "adult_use":
                        have = {k for g in fit.figures if g.point == "adult_use" for k in g.countries}
                        for k in sorted(adults - have):
                            c.add(where, "adult_missing_country", country=k)
    return c.problems
