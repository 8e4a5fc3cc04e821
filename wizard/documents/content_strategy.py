"""The strategy document: a Strategy turned into neutral blocks, once, for every renderer.

The PDF and the Word file draw the same Document, so they always say the same thing.
Sentences from the engine go through `Citations` (source keys become numbers that
match the Sources list); the structure's name is user text and goes through `plain`
only, so it prints as typed. Fixed sentences exist in French and English.
"""
from __future__ import annotations

import re

from wizard.documents.blocks import (
    Block,
    Bullets,
    Document,
    Heading,
    Paragraph,
    RadarChart,
    StackedBars,
    Table,
)
from wizard.documents.citations import Citations
from wizard.documents.grammar import after_label
from wizard.documents.shared import (
    display_name,
    full_time_hours,
    label,
    lang_of,
    short,
    simulated,
    simulation_note,
)
from wizard.formatting import hours, long_date, money, number, percent
from wizard.i18n import table
from wizard.profile import Profile
from wizard.strategy import Strategy

CATEGORIES = ("creation", "publication", "interaction", "monitoring", "measurement", "validation")

_T = {lang: table("strategy_doc", lang) for lang in ("fr", "en")}  # wizard/catalogue/strategy_doc.yaml

SECTIONS = ("summary", "maturity", "channels", "workload", "plan", "kpis", "charter", "legal", "calendar",
            "arguments", "sources")


def section_titles(lang: str = "fr") -> list[str]:
    """The level-1 headings, in order (the tests and the table of contents rely on them)."""
    return [_T[lang][f"s.{s}"] for s in SECTIONS]


def strategy_document(strategy: Strategy, profile: Profile) -> Document:
    lang = lang_of(strategy)
    t = _T[lang]
    cite = Citations(strategy.sources)
    name = display_name(strategy, profile, lang)
    blocks: list[Block] = []
    for section in SECTIONS:  # in reading order, so sources are numbered as the reader meets them
        blocks.append(Heading(t[f"s.{section}"]))
        blocks.extend(_BUILDERS[section](strategy, profile, cite, t, lang))
    return Document(
        kind="strategy", title=t["title"], subtitle=t["subtitle"] + (t["simulated"] if simulated(strategy) else ""),
        structure_name=short(name), date=strategy.generated_on, lang=lang, cover=True, toc=True,
        blocks=tuple(blocks), keywords=(t["title"], *(c.label for c in strategy.channels)),
    )


def _summary(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    out: list[Block] = simulation_note(s, lang)
    out += [Bullets(tuple(cite.text(x) for x in s.summary))] if s.summary else []
    out += [Paragraph(after_label(t["warning"], cite.text(w.message)), label=t["warning"], style="note")
            for w in s.warnings]
    facts = key_facts(s, profile, lang)
    out += [Heading(t["facts"], level=2), Bullets(tuple(v for _, v in facts), labels=tuple(k for k, _ in facts))]
    return out


def key_facts(s: Strategy, profile: Profile, lang: str) -> list[tuple[str, str]]:
    """(label, value) for what the profile says of the structure; unknown facts are left out."""
    t, st, res = _T[lang], profile.structure, profile.resources
    facts = [(t["f.name"], display_name(s, profile, lang)), (t["f.kind"], label("structure_kind", st.kind, lang)),
             (t["f.country"], label("country", st.country, lang))]
    if st.territory:
        facts.append((t["f.territory"], after_label(t["f.territory"], label("territory", st.territory, lang))))
    if st.parent_body:
        facts.append((t["f.parent"], label("parent_body", st.parent_body, lang)))
    if st.youth_per_year is not None:
        facts.append((t["f.youth"], number(st.youth_per_year, lang)))
    if st.staff is not None:
        facts.append((t["f.staff"], t["staff_one" if st.staff == 1 else "staff"].format(n=number(st.staff, lang))))
    per_week = t["per_week_one" if res.people == 1 else "per_week"]
    facts.append((t["f.hours"], per_week.format(h=hours(res.hours_per_week, lang), n=number(res.people, lang))))
    if res.budget_per_year:  # in the structure's currency (« 500 CHF », « CA$500 »)
        facts.append((t["f.budget"], money(res.budget_per_year, res.currency, lang)))
    facts.append((t["f.ages"], ", ".join(label("age_band", a, lang) for a in profile.audience.age_bands)))
    if profile.audience.groups:
        facts.append((t["f.groups"], ", ".join(after_label(t["f.groups"], label("group", g, lang))
                                               for g in profile.audience.groups)))
    facts.append((t["f.goals"], ", ".join(after_label(t["f.goals"], label("goal", g, lang)) for g in profile.goals)))
    return facts


def table(t, header: tuple[str, ...], rows, widths=()) -> list[Block]:
    """A table, or one sentence when there is no row (a renderer need not draw an empty table)."""
    rows = tuple(tuple(r) for r in rows)
    return [Table(header, rows, widths=widths)] if rows else [Paragraph(t["empty"])]


def _maturity(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    if not s.maturity:
        return [Paragraph(t["empty"])]
    out: list[Block] = [RadarChart(t["radar"], tuple(m.label for m in s.maturity),
                                   tuple(None if m.score is None else float(m.score) for m in s.maturity))]
    if all(m.score is None for m in s.maturity):
        out.append(Paragraph(t["radar_empty"], style="note"))
    rows = tuple((m.label, "—" if m.score is None else f"{m.score}/5", m.level, cite.text(m.next_step))
                 for m in s.maturity)
    return out + table(t, (t["m.dimension"], t["m.score"], t["m.level"], t["m.next"]), rows, (2, 1, 1.5, 4))


def _channels(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    out: list[Block] = [] if s.channels else [Paragraph(t["no_channel"])]
    for c in s.channels:
        out.append(Heading(f"{c.label} — {c.role}", level=2))
        out.append(Paragraph(t["ch.score_text"].format(score=c.score), label=t["ch.score"]))
        if c.rhythm_text:
            out.append(Paragraph(cite.text(", ".join(c.rhythm_text)) + ".",
                                 label=t["ch.rhythm"].format(level=t[f"level.{c.rhythm_level}"])))
        out.append(Paragraph(t["ch.hours_text"].format(h=hours(c.hours_per_week, lang)), label=t["ch.hours"]))
        out.append(Bullets(tuple(cite.text(r) for r in c.reasons)))
    if s.excluded:
        out.append(Heading(t["why_not"], level=2))
        out.append(Bullets(tuple(after_label(t["sep"], cite.text(e.reasons[0])) for e in s.excluded),
                           labels=tuple(f"{e.label}{t['sep']}" for e in s.excluded)))
    return out


def _workload(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    w = s.workload
    of_available = ("" if w.share_of_available is None
                    else t["w.of_available"].format(p=percent(w.share_of_available, lang)))
    out: list[Block] = [
        Paragraph(t["ch.hours_text"].format(h=hours(w.available_hours_per_week, lang)), label=t["w.available"]),
        Paragraph(t["w.estimated_text"].format(h=hours(w.estimated_hours_per_week, lang),
                                               low=hours(w.low_hours_per_week, lang),
                                               high=hours(w.high_hours_per_week, lang), of_available=of_available),
                  label=t["w.estimated"]),
        Paragraph(t[f"status.{w.status}"], label=t["w.status"]),
        Paragraph(t["w.full_time_text"].format(p=percent(w.share_of_full_time, lang),
                                               h=hours(full_time_hours(s), lang)), label=t["w.full_time"]),
    ]
    if w.items:
        out.append(workload_chart(s, t))
    if w.ways_out:
        out += [Paragraph(t["w.ways_out"]), Bullets(tuple(cite.text(x) for x in w.ways_out))]
    out += [Heading(t["w.assumptions"], level=2), Paragraph(t["w.assumptions_note"], style="note")]
    rows = []
    for a in w.assumptions:
        low, high = hours(a.low_hours, lang), hours(a.high_hours, lang)
        span = low if low == high else t["a.range_text"].format(low=low, high=high)
        basis = a.basis if a.assumption else f"{t['a.published']}{t['sep']}{a.basis}"
        rows.append((a.label, f"{span} {a.unit}", hours(a.used_hours, lang), cite.text(basis, a.sources)))
    return out + table(t, (t["a.activity"], t["a.range"], t["a.used"], t["a.basis"]), rows, (2, 1.4, 1, 4))


def workload_chart(s: Strategy, t) -> StackedBars:
    """One bar per recommended channel plus one for shared work, stacked by activity category."""
    w = s.workload
    ids = [c.id for c in s.channels] + [None]
    names = [c.label for c in s.channels] + [t["w.shared"]]
    hours_of = {(x.channel, x.category): x.hours_per_week for x in w.breakdown}
    present = [c for c in CATEGORIES if any(x.category == c for x in w.breakdown)]
    present += sorted({x.category for x in w.breakdown} - set(CATEGORIES))  # a category added later still shows
    series = tuple((t.get(f"c.{cat}", cat), tuple(hours_of.get((ch, cat), 0.0) for ch in ids)) for cat in present)
    return StackedBars(t["w.chart"], tuple(names), series, unit="h",
                       line_value=w.available_hours_per_week, line_label=t["w.line"])


def _plan(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    rows = tuple((str(week.week), long_date(week.starts_on, lang),
                  "\n".join(cite.text(task.title, task.sources) for task in week.tasks)) for week in s.plan)
    if not rows:
        return [Paragraph(t["empty"])]
    out: list[Block] = [Table((t["p.week"], t["p.from"], t["p.tasks"]), rows, widths=(1, 2, 6)),
                        Heading(t["p.details"], level=2)]
    for week in s.plan:
        out.append(Heading(t["p.week_title"].format(n=week.week, d=long_date(week.starts_on, lang)),
                           level=3, toc=False))
        out.append(Bullets(tuple(after_label(t["sep"], cite.text(task.detail)) for task in week.tasks),
                           labels=tuple(f"{cite.text(task.title)}{t['sep']}" for task in week.tasks)))
    return out


def _kpis(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    rows = tuple((k.name, cite.text(k.definition, k.sources), cite.text(k.how_to_measure), cite.text(k.target))
                 for k in s.kpis)
    return table(t, (t["k.name"], t["k.definition"], t["k.how"], t["k.target"]), rows,
                 (2, 3, 3, 2.5))  # the first column holds « d’information », « contributeurs » unsplit at A4


def _charter(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    if not s.charter:
        return [Paragraph(t["empty"])]
    return [Paragraph(t["charter_intro"]),
            Bullets(tuple(after_label(t["sep"], cite.text(c.text, c.sources)) for c in s.charter),
                    labels=tuple(f"{c.title}{t['sep']}" for c in s.charter))]


def _legal(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    rows = tuple((p.title, cite.text(p.rule, p.sources), cite.text(p.action)) for p in s.legal)
    out = table(t, (t["l.point"], t["l.rule"], t["l.action"]), rows, (2, 4, 3.5))
    if s.not_covered:  # said, not guessed: what the knowledge base does not cover for this country
        out += [Paragraph(t["not_covered"]), Bullets(tuple(cite.text(x) for x in s.not_covered))]
    return out


_TO_CONFIRM = re.compile(r"\s*\((à confirmer|to be confirmed)\)$")


def _calendar(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    """One row per new event; events that go on from an earlier month share one short row."""
    rows, first_seen = [], {}
    for month in s.calendar:
        new = [e for e in month.events if e.id not in first_seen]
        going_on = [e for e in month.events if e.id in first_seen]
        for e in new:
            first_seen[e.id] = month.label
            rows.append(["", _moment(e, cite, t), cite.text(e.idea, e.sources)])
        if going_on:
            since = ", ".join(dict.fromkeys(first_seen[e.id] for e in going_on))
            rows.append(["", "\n".join(_moment(e, cite, t) for e in going_on), t["cal.again"].format(month=since)])
        if new or going_on:
            rows[-len(new) - bool(going_on)][0] = month.label
    if not rows:
        return [Paragraph(t["cal.empty"])]
    return [Paragraph(t["cal.intro"]), *table(t, (t["cal.month"], t["cal.moment"], t["cal.idea"]), rows, (1.5, 3, 4.5))]


def _moment(e, cite: Citations, t) -> str:
    if e.verified:
        return cite.text(e.title)
    return cite.text(_TO_CONFIRM.sub("", e.title)) + t["cal.unverified"]


def _arguments(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    out: list[Block] = [Paragraph(t["args.intro"] if s.arguments else t["empty"])]
    for a in s.arguments:
        out += [Heading(a.title, level=2), Paragraph(cite.text(a.response)),
                Bullets(tuple(cite.text(e.text, e.sources) for e in a.evidence))]
    return out


def _sources(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    if not cite.listed():
        return [Paragraph(t["empty"])]
    return [Paragraph(t["sources.intro"], style="small"), cite.block(lang)]


_BUILDERS = {"summary": _summary, "maturity": _maturity, "channels": _channels, "workload": _workload,
             "plan": _plan, "kpis": _kpis, "charter": _charter, "legal": _legal, "calendar": _calendar,
             "arguments": _arguments, "sources": _sources}
