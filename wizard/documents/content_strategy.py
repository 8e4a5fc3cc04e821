"""The strategy document: a Strategy turned into neutral blocks, once, for every renderer.

The PDF and the Word file draw the same Document, so they always say the same thing.
Sentences from the engine go through `Citations` (source keys become numbers that
match the Sources list); the structure's name is user text and goes through `plain`
only, so it prints as typed. Fixed sentences exist in French and English.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from wizard.documents.blocks import (Block, Bullets, Document, Heading, Paragraph, RadarChart, StackedBars,
                                     Table)
from wizard.documents.citations import Citations
from wizard.formatting import hours, long_date, money, number
from wizard.i18n import typeset_fr
from wizard.profile import Profile
from wizard.strategy import Strategy
from wizard.textclean import INVISIBLE_CONTROLS
from wizard.vocabulary import ids as vocabulary_ids
from wizard.vocabulary import label as vocabulary_label

TITLE_LIMIT = 200  # the Profile's own limit for a name: a valid name is never cut
CATEGORIES = ("creation", "publication", "interaction", "monitoring", "measurement", "validation")


french = typeset_fr  # the builders' fixed texts (content_brief imports it under this name)


def texts(fr: dict[str, str], en: dict[str, str]) -> dict[str, dict[str, str]]:
    """The fixed sentences of a builder, French ones typeset; English is the fallback key set."""
    if fr.keys() != en.keys():
        raise ValueError(f"French and English texts differ: {sorted(fr.keys() ^ en.keys())}")
    return {"fr": {k: french(v) for k, v in fr.items()}, "en": dict(en)}


def plain(text: str) -> str:
    """User text as typed, minus what no document can print: control characters (tabs and
    line breaks become spaces), bidi embeddings and overrides that would reorder our own
    sentences around it, and lone surrogates. HTML, Markdown, emoji and RTL stay."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in "\t\n\r\v\f\x85\u2028\u2029":
            out.append(" ")
        elif cat in ("Cc", "Cs") or ch in INVISIBLE_CONTROLS:
            continue
        else:
            out.append(ch)
    return "".join(out).strip()


def short(text: str, limit: int = TITLE_LIMIT) -> str:
    """A title-sized copy: cut on a word boundary when possible, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"


def display_name(strategy: Strategy, profile: Profile, lang: str) -> str:
    """The structure's name as typed, or the label of its kind when it has none."""
    name = plain(strategy.structure_name or profile.structure.name)
    if name:
        return name
    kind = profile.structure.kind
    return _T[lang]["unnamed"] if kind == "autre" else label("structure_kind", kind, lang)


def label(vocabulary: str, id_: str, lang: str) -> str:
    """A vocabulary label, typeset like the builders' own texts (guards a label added without it)."""
    text = vocabulary_label(vocabulary, id_, lang)
    return french(text) if lang == "fr" else text


_LETTERS = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(r"[ \u00a0\u202f]+([^\W\d_]+)")
# Function words: a sentence that starts with one goes on in lower case even before a
# capitalised name (« la Mission Locale de Limoges », « since Act no. 2024-120 »).
_LEADING = frozenset("le la les l un une des du de d à au aux en par pour sur sous dans avec chaque ce cette ces son "
                     "sa ses leur leurs notre nos votre vos depuis selon après avant comme si quand lorsque dès "
                     "the a an in on by for at with from under each every this these our your their its since "
                     "according after before as if when".split())


@cache
def _proper_names() -> tuple[str, ...]:
    return tuple(dict.fromkeys(vocabulary_label("channel", c, lang) for c in vocabulary_ids("channel")
                               for lang in ("fr", "en")))


def after_label(label_: str, text: str, keep: tuple[str, ...] = ()) -> str:
    """The text after a bold label that ends with a colon goes on in lower case, as inside a
    sentence: « Circuit de validation : les publications… », « Repère : à la Mission Locale… ».
    Kept as written: acronyms and names with a capital inside (PIJ, TikTok), channel names and
    the names in `keep`, two capitalised words in a row (« Mission Locale de Limoges »), and
    any text after a label that does not end with a colon."""
    if not text or not label_.rstrip(" \u00a0\u202f").endswith(":"):
        return text
    first = _LETTERS.match(text)
    if not first:
        return text  # a quotation mark, a figure
    word = first.group(0)
    if not word[0].isupper() or any(c.isupper() for c in word[1:]) or word == "I":
        return text
    if any(name and text.startswith(name) for name in (*_proper_names(), *keep)):
        return text
    rest = text[first.end():]
    following = _NEXT_WORD.match(rest)
    if following and following.group(1)[0].isupper() and word.lower() not in _LEADING:
        return text
    return text[0].lower() + text[1:]


def percent(share: float, lang: str) -> str:
    value = number(round(share * 100), lang)
    return f"{value}\u00a0%" if lang == "fr" else f"{value}%"


def full_time_hours(strategy: Strategy) -> float:
    """The working week behind share_of_full_time (the contract gives the share, not the week)."""
    w = strategy.workload
    if w.share_of_full_time > 0:
        return round(w.estimated_hours_per_week / w.share_of_full_time)
    return 35


def lang_of(strategy: Strategy) -> str:
    return "en" if strategy.lang == "en" else "fr"


_T = texts(
    fr={
        "title": "Stratégie réseaux sociaux",
        "subtitle": "Réseaux, charge de travail, plan à 90 jours, indicateurs et arguments",
        "unnamed": "Votre structure",
        "s.summary": "Synthèse", "s.maturity": "Autodiagnostic", "s.channels": "Réseaux recommandés",
        "s.workload": "Charge de travail", "s.plan": "Plan à 90 jours", "s.kpis": "Indicateurs",
        "s.charter": "Charte d’équipe", "s.legal": "Points juridiques", "s.calendar": "Calendrier",
        "not_covered": "Ce que Cap Réseaux ne couvre pas pour votre pays (à vérifier auprès d’une source locale) :",
        "s.arguments": "Arguments pour la hiérarchie", "s.sources": "Sources",
        "warning": "À noter : ",
        "simulation": "Simulation : ", "simulation_text": "cette stratégie ne reprend pas exactement vos réponses — "
                                                          "{changes}.",
        "simulation_sep": " ; ", "simulated": " (simulation)",
        "facts": "Votre structure",
        "f.name": "Structure : ", "f.kind": "Type : ", "f.country": "Pays : ", "f.territory": "Territoire : ",
        "f.parent": "Rattachement : ", "f.budget": "Budget annuel : ",
        "f.youth": "Jeunes accueillis par an : ", "f.staff": "Équipe : ",
        "f.hours": "Temps disponible pour les réseaux : ", "f.ages": "Âges visés : ", "f.groups": "Publics : ",
        "f.goals": "Objectifs, par ordre d’importance : ",
        "staff": "{n} personnes", "staff_one": "1 personne",
        "per_week": "{h} par semaine, réparties entre {n} personnes", "per_week_one": "{h} par semaine, pour "
                    "une personne",
        "radar": "Autodiagnostic : de 1 (découverte) à 5 (exemplaire)",  # the levels of maturity.yaml
        "radar_empty": "L’autodiagnostic n’a pas été renseigné : refaites-le pour situer votre point de départ.",
        "m.dimension": "Dimension", "m.score": "Note", "m.level": "Niveau", "m.next": "Prochaine étape",
        "no_channel": "Aucun réseau recommandé pour l’instant.",
        "ch.score": "Score : ", "ch.score_text": "{score}/100.",
        "ch.rhythm": "Rythme {level} par semaine : ", "level.minimum": "minimum", "level.recommended": "conseillé",
        "ch.hours": "Temps estimé : ", "ch.hours_text": "{h} par semaine.",
        "why_not": "Pourquoi pas les autres ?",
        "w.available": "Temps disponible : ", "w.estimated": "Temps estimé : ",
        "w.estimated_text": "{h} par semaine (fourchette de {low} à {high}){of_available}.",
        "w.of_available": ", soit {p} du temps disponible",
        "w.status": "Situation : ",
        "status.ok": "le plan tient dans le temps disponible.",
        "status.tight": "le plan occupe presque tout le temps disponible : gardez une marge.",
        "status.over": "le plan dépasse le temps disponible : allégez-le avant de commencer.",
        "w.full_time": "Part d’un temps plein : ", "w.full_time_text": "{p} d’un poste à {h}.",
        "w.chart": "Heures par semaine, par réseau et par activité",
        "w.shared": "Commun", "w.line": "Temps disponible",
        "c.creation": "Création", "c.publication": "Publication", "c.interaction": "Interaction et modération",
        "c.monitoring": "Veille", "c.measurement": "Mesure", "c.validation": "Validation",
        "w.ways_out": "Pour retrouver de la marge :",
        "w.assumptions": "Durées retenues pour l’estimation",
        "w.assumptions_note": "Ces durées sont des hypothèses de travail (référentiel Cap Réseaux, §\u00a09), "
                              "pas des chiffres publiés : "
                              "aucune étude ne donne le temps d’une publication ou d’une vidéo. Chacune est déduite "
                              "des chiffres publiés les plus proches, cités ci-dessous. Ajustez-les à votre "
                              "expérience : l’estimation se recalcule.",
        "a.activity": "Activité", "a.range": "Fourchette", "a.used": "Valeur retenue", "a.basis": "Fondement",
        "a.range_text": "{low} à {high}", "a.published": "Chiffre publié",
        "p.week": "Semaine", "p.from": "À partir du", "p.tasks": "Tâches",
        "p.details": "Détail des tâches", "p.week_title": "Semaine {n}, à partir du {d}",
        "k.name": "Indicateur", "k.definition": "Définition", "k.how": "Comment mesurer", "k.target": "Cible",
        "charter_intro": "Règles communes à l’équipe, à faire valider par la direction et à relire chaque année.",
        "l.point": "Point", "l.rule": "Règle", "l.action": "À faire",
        "cal.month": "Mois", "cal.moment": "Moment", "cal.idea": "Idée de publication",
        "cal.unverified": " (date à vérifier)", "cal.again": "Suite : voir {month}.",
        "cal.empty": "Aucun temps fort repéré sur la période.",
        "cal.intro": "Temps forts des prochains mois ; vérifiez chaque année les dates officielles.",
        "args.intro": "Une réponse à chaque inquiétude exprimée, avec les faits qui l’appuient.",
        "sources.intro": "Les numéros entre crochets dans le document renvoient à cette liste.",
        "empty": "Rien à signaler pour ce profil.",
        "sep": " : ",
    },
    en={
        "title": "Social media strategy",
        "subtitle": "Networks, workload, 90-day plan, indicators and arguments",
        "unnamed": "Your organisation",
        "s.summary": "Summary", "s.maturity": "Self-assessment", "s.channels": "Recommended networks",
        "s.workload": "Workload", "s.plan": "90-day plan", "s.kpis": "Indicators",
        "s.charter": "Team charter", "s.legal": "Legal points", "s.calendar": "Calendar",
        "not_covered": "What Cap Réseaux does not cover for your country (check with a local source):",
        "s.arguments": "Arguments for management", "s.sources": "Sources",
        "warning": "Note: ",
        "simulation": "Simulation: ", "simulation_text": "this strategy does not exactly reflect your answers — "
                                                         "{changes}.",
        "simulation_sep": "; ", "simulated": " (simulation)",
        "facts": "Your organisation",
        "f.name": "Organisation: ", "f.kind": "Type: ", "f.country": "Country: ", "f.territory": "Area: ",
        "f.parent": "Reports to: ", "f.youth": "Young people a year: ", "f.staff": "Staff: ",
        "f.hours": "Time available for social media: ",
        "f.budget": "Yearly budget: ", "f.ages": "Target ages: ", "f.groups": "Audiences: ",
        "f.goals": "Goals, most important first: ",
        "staff": "{n} people", "staff_one": "1 person",
        "per_week": "{h} a week, shared by {n} people", "per_week_one": "{h} a week, for one person",
        "radar": "Self-assessment: from 1 (discovery) to 5 (exemplary)",
        "radar_empty": "The self-assessment was not filled in: do it to know your starting point.",
        "m.dimension": "Dimension", "m.score": "Score", "m.level": "Level", "m.next": "Next step",
        "no_channel": "No network recommended for now.",
        "ch.score": "Score: ", "ch.score_text": "{score}/100.",
        "ch.rhythm": "{level} rhythm a week: ", "level.minimum": "Minimum", "level.recommended": "Recommended",
        "ch.hours": "Estimated time: ", "ch.hours_text": "{h} a week.",
        "why_not": "Why not the others?",
        "w.available": "Time available: ", "w.estimated": "Estimated time: ",
        "w.estimated_text": "{h} a week (range {low} to {high}){of_available}.",
        "w.of_available": ", i.e. {p} of the time available",
        "w.status": "Status: ",
        "status.ok": "the plan fits the time available.",
        "status.tight": "the plan takes almost all the time available: keep a margin.",
        "status.over": "the plan exceeds the time available: lighten it before starting.",
        "w.full_time": "Share of a full-time post: ", "w.full_time_text": "{p} of a {h} post.",
        "w.chart": "Hours a week, by network and activity",
        "w.shared": "Shared", "w.line": "Time available",
        "c.creation": "Creation", "c.publication": "Publishing", "c.interaction": "Interaction and moderation",
        "c.monitoring": "Monitoring", "c.measurement": "Measurement", "c.validation": "Sign-off",
        "w.ways_out": "To win back some margin:",
        "w.assumptions": "Durations used for the estimate",
        "w.assumptions_note": "These durations are working assumptions (Cap Réseaux reference, §\u00a09), "
                              "not published figures: no "
                              "study gives the time a post or a video takes. Each is derived from the closest "
                              "published figures, cited below. Adjust them to your experience: the estimate "
                              "is recomputed.",
        "a.activity": "Activity", "a.range": "Range", "a.used": "Value used", "a.basis": "Basis",
        "a.range_text": "{low} to {high}", "a.published": "Published figure",
        "p.week": "Week", "p.from": "Starting", "p.tasks": "Tasks",
        "p.details": "Tasks in detail", "p.week_title": "Week {n}, starting {d}",
        "k.name": "Indicator", "k.definition": "Definition", "k.how": "How to measure", "k.target": "Target",
        "charter_intro": "Rules shared by the team, to be approved by management and re-read every year.",
        "l.point": "Point", "l.rule": "Rule", "l.action": "To do",
        "cal.month": "Month", "cal.moment": "Moment", "cal.idea": "Post idea",
        "cal.unverified": " (date to be checked)", "cal.again": "Continued: see {month}.",
        "cal.empty": "No key moment found over the period.",
        "cal.intro": "Key moments of the coming months; check the official dates every year.",
        "args.intro": "An answer to each worry raised, with the facts behind it.",
        "sources.intro": "Numbers in brackets in the document refer to this list.",
        "empty": "Nothing to report for this profile.",
        "sep": ": ",
    },
)

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


def simulated(s: Strategy) -> list[str]:
    """What a what-if changed from the answers, as printable text; empty for the real answers."""
    return [x for x in (plain(c).rstrip(" .;") for c in s.simulation) if x]


def simulation_note(s: Strategy, lang: str) -> list[Block]:
    """« Simulation : cette stratégie ne reprend pas exactement vos réponses — … », shown at the
    top of both documents when they come from a what-if rather than from the answers."""
    changes = simulated(s)
    if not changes:
        return []
    t = _T[lang]
    text = t["simulation_text"].format(changes=t["simulation_sep"].join(changes))
    return [Paragraph(text, label=t["simulation"], style="note")]


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
    present = [c for c in CATEGORIES if any(i.category == c for i in w.items)]
    present += sorted({i.category for i in w.items} - set(CATEGORIES))  # a category added later still shows
    series = tuple(
        (t.get(f"c.{cat}", cat),
         tuple(round(sum(i.hours_per_week for i in w.items if i.channel == ch and i.category == cat), 2)
               for ch in ids))
        for cat in present)
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
