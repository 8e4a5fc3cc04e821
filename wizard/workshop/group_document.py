"""The trainer's group PDF: the room's aggregates (what the room view projects), then one
anonymous summary per participant. Pure: neutral blocks, drawn by the documents' own PDF
renderer. Nothing typed by a participant is printed (a structure's name could say who
answered): a participant is « Participant n », described by the kind of structure, the
country, the audience and the strategy the engine built for them."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from wizard.documents.blocks import (
    Block,
    Bullets,
    Document,
    Heading,
    Paragraph,
    RadarChart,
    Table,
)
from wizard.formatting import hours, number, percent, words_list
from wizard.i18n import table
from wizard.questionnaire import flow
from wizard.questionnaire.model import Questionnaire
from wizard.store.workshops import Participant
from wizard.strategy import Strategy
from wizard.vocabulary import label
from wizard.workshop.aggregates import Count, Room

_T = {lang: table("group_doc", lang) for lang in ("fr", "en")}  # wizard/catalogue/group_doc.yaml


def maturity_chart(r: Room, title: str) -> RadarChart:
    """The room's average self-assessment: the room view and the group PDF draw this one block."""
    return RadarChart(title, tuple(m.label for m in r.maturity), tuple(m.mean for m in r.maturity))


def group_document(title: str, r: Room, participants: list[Participant], q: Questionnaire,
                   strategy_of: Callable[[Participant], Strategy | None], lang: str, today: date) -> Document:
    t = _T["en" if lang == "en" else "fr"]
    blocks: list[Block] = [Heading(t["s.room"]),
                           Paragraph(t["counts"].format(joined=number(r.joined, lang), finished=number(r.finished, lang)))]
    for key, counts in (("goals", r.goals), ("concerns", r.concerns), ("channels_used", r.channels_used),
                        ("hours", r.hours), ("recommended", r.recommended)):
        blocks += _counts(t, key, counts, r.joined if key != "recommended" else r.finished, lang)
    if r.workload_mean is not None:
        blocks.append(Paragraph(t["workload"].format(total=hours(r.workload_total, lang),
                                                     mean=hours(r.workload_mean, lang))))
    if any(m.mean is not None for m in r.maturity):
        blocks += [Heading(t["s.maturity"], level=2), maturity_chart(r, t["radar"])]
    blocks += _usage(t, r, lang)
    blocks.append(Heading(t["s.participants"]))
    if not participants:
        blocks.append(Paragraph(t["nobody"], style="note"))
    for n, p in enumerate(participants, 1):
        blocks += _participant(t, n, p, q, strategy_of(p) if p.finished else None, lang)
    return Document(kind="group", title=t["title"], subtitle=t["subtitle"], structure_name=title, date=today,
                    lang=lang, cover=True, toc=True, blocks=tuple(blocks), keywords=(t["title"],))


def _counts(t, key: str, counts: list[Count], out_of: int, lang: str) -> list[Block]:
    if not counts:
        return []
    rows = tuple((c.label, number(c.count, lang), percent(c.count / out_of, lang) if out_of else "—") for c in counts)
    return [Heading(t[f"s.{key}"], level=2), Table((t["h.answer"], t["h.count"], t["h.share"]), rows, (4, 1, 1))]


def _usage(t, r: Room, lang: str) -> list[Block]:
    rows = [u for u in r.usage if u.used_by or u.audience_share]
    if not rows:
        return []
    body = tuple((u.label, number(u.used_by, lang),
                  percent(u.audience_share / 100, lang) if u.audience_share is not None else "—") for u in rows)
    names = list(dict.fromkeys(n for u in rows for n in u.source_names))
    note = t["usage_note"] + (" " + t["usage_sources"].format(names=words_list(names, lang)) if names else "")
    return [Heading(t["s.usage"], level=2), Table((t["h.channel"], t["h.used_by"], t["h.audience"]), body, (3, 2, 2),
                                                  caption=note)]


def _participant(t, n: int, p: Participant, q: Questionnaire, s: Strategy | None, lang: str) -> list[Block]:
    """Who they are in the vocabulary's words (never their typed text), then their strategy."""
    data = flow.profile_data(q, p.answers)
    structure, audience = data.get("structure", {}), data.get("audience", {})
    facts, values = [], []
    if structure.get("kind"):
        facts.append(t["f.kind"])
        values.append(label("structure_kind", structure["kind"], lang))
    if structure.get("country"):
        facts.append(t["f.country"])
        values.append(label("country", structure["country"], lang))
    if audience.get("age_bands"):
        facts.append(t["f.ages"])
        values.append(words_list([label("age_band", b, lang) for b in audience["age_bands"]], lang))
    out: list[Block] = [Heading(t["participant"].format(n=n), level=2, toc=False)]
    if facts:
        out.append(Bullets(tuple(values), labels=tuple(facts)))
    if s is None:
        one = len(p.answers) == 1
        out.append(Paragraph(t["unfinished_one" if one else "unfinished"].format(n=number(len(p.answers), lang)),
                             style="note"))
        return out
    w = s.workload
    out.append(Bullets(tuple(f"{c.label} — {c.role}" for c in s.channels)))
    out.append(Paragraph(t["hours"].format(estimated=hours(w.estimated_hours_per_week, lang),
                                           available=hours(w.available_hours_per_week, lang),
                                           status=t[f"status_{w.status}"])))
    actions = [task.title for week in s.plan for task in week.tasks][:3]
    if actions:
        out += [Heading(t["next"], level=3, toc=False), Bullets(tuple(actions), numbered=True)]
    return out
