"""What the room view projects, computed from the participants' answers. Pure.

Counts come from the answers as they are (a participant half-way through counts for what
they answered); strategies only from finished participants. Free text (names) is never part
of an aggregate. The comparison no live poll makes: the channels the room uses today beside
the channels its audiences use — the published share for the age bands participants chose,
weighted by how many chose each band, with its sources.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable

from pydantic import BaseModel

from wizard.engine.audience import usage_for
from wizard.i18n import phrases
from wizard.knowledge import Knowledge
from wizard.questionnaire import flow
from wizard.questionnaire.model import Questionnaire
from wizard.store.workshops import Participant
from wizard.strategy import Strategy
from wizard.vocabulary import ids, label

_t = phrases("workshop")
HOUR_BUCKETS = ((0, 2), (2, 5), (5, 10), (10, 20), (20, None))  # hours a week, [low, high)


class Count(BaseModel):
    id: str
    label: str
    count: int


class Mean(BaseModel):
    id: str
    label: str
    mean: float | None
    n: int


class UsageRow(BaseModel):
    channel: str
    label: str
    used_by: int  # participants with an account there today
    audience_share: float | None  # weighted published usage for the bands the room chose, in %
    sources: list[str] = []
    source_names: list[str] = []  # as a reader knows them: « Diplomeo 2023 », never a key


class Room(BaseModel):
    joined: int
    finished: int
    goals: list[Count]
    concerns: list[Count]
    channels_used: list[Count]
    hours: list[Count]
    maturity: list[Mean]
    recommended: list[Count]
    workload_total: float  # hours a week, all finished participants' plans together
    workload_mean: float | None
    usage: list[UsageRow]


def _counts(vocab: str, values: Iterable[str], lang: str) -> list[Count]:
    c = Counter(values)
    return [Count(id=v, label=label(vocab, v, lang), count=c[v]) for v in ids(vocab) if c[v]]


def hours_bucket(h: float) -> str:
    for low, high in HOUR_BUCKETS:
        if high is None or h < high:
            return f"{low}-{high}" if high is not None else f"{low}+"
    return "20+"


def bucket_label(bucket: str, lang: str) -> str:
    """« 2 à 5 h » for the bucket "2-5" (wizard/catalogue/workshop.yaml)."""
    return _t(f"hours_bucket_{bucket.split('-')[0].rstrip('+')}", lang)


def room(participants: list[Participant], q: Questionnaire, kb: Knowledge, lang: str,
         strategy_of: Callable[[Participant], Strategy | None]) -> Room:
    data = [flow.profile_data(q, p.answers) for p in participants]
    goals = [g for d in data for g in d.get("goals", [])]
    concerns = [c for d in data for c in d.get("concerns", [])]
    used = [ch for d in data for ch in d.get("presence", {})]
    hours = Counter(hours_bucket(d["resources"]["hours_per_week"]) for d in data
                    if d.get("resources", {}).get("hours_per_week") is not None)
    order = [hours_bucket(low) for low, _ in HOUR_BUCKETS]
    maturity = []
    for dim in ids("maturity_dimension"):
        marks = [d["maturity"][dim] for d in data if dim in d.get("maturity", {})]
        maturity.append(Mean(id=dim, label=label("maturity_dimension", dim, lang),
                             mean=round(sum(marks) / len(marks), 2) if marks else None, n=len(marks)))
    strategies = [s for p in participants if p.finished and (s := strategy_of(p)) is not None]
    recommended = [c.id for s in strategies for c in s.channels]
    total = round(sum(s.workload.estimated_hours_per_week for s in strategies), 1)
    return Room(
        joined=len(participants), finished=sum(1 for p in participants if p.finished),
        goals=_counts("goal", goals, lang), concerns=_counts("concern", concerns, lang),
        channels_used=_counts("channel", used, lang),
        hours=[Count(id=b, label=bucket_label(b, lang), count=hours[b]) for b in order if hours[b]],
        maturity=maturity, recommended=_counts("channel", recommended, lang),
        workload_total=total, workload_mean=round(total / len(strategies), 1) if strategies else None,
        usage=usage_rows(data, kb, lang))


def usage_rows(data: list[dict], kb: Knowledge, lang: str) -> list[UsageRow]:
    """Per channel: how many participants use it, and how much their audiences do."""
    choices = [(d.get("structure", {}).get("country", "fr"), band)
               for d in data for band in d.get("audience", {}).get("age_bands", [])]
    used = Counter(ch for d in data for ch in d.get("presence", {}))
    rows = []
    for cid, ch in kb.channels.items():
        figures = [u for country, band in choices if (u := usage_for(ch, band, country)) is not None]
        share = round(sum(u.value for u in figures) / len(figures), 1) if figures else None
        sources = sorted({k for u in figures for k in u.sources})
        rows.append(UsageRow(channel=cid, label=label("channel", cid, lang), used_by=used[cid],
                             audience_share=share, sources=sources, source_names=source_names(sources, kb, lang)))
    return sorted(rows, key=lambda r: (-(r.audience_share or 0), r.channel))


def source_names(keys: list[str], kb: Knowledge, lang: str) -> list[str]:
    known = [kb.sources[k] for k in keys if k in kb.sources]
    return list(dict.fromkeys(f"{s.publisher_in(lang)} {s.year or ''}".strip() for s in known))


def distribution(participants: list[Participant], q: Questionnaire, key: str,
                 describe_value: Callable[[object], str]) -> list[Count]:
    """One question's answers across the room (the trainer shows one at a time), most given
    first. Free-text answers count only once the trainer approved them."""
    question = next((x for x in q.questions if x.id == key), None)
    c: Counter = Counter()
    for p in participants:
        if key not in p.answers or p.answers[key] is None:
            continue
        if question is not None and question.kind == "text" and key not in p.approved:
            continue
        values = p.answers[key] if isinstance(p.answers[key], list) else [p.answers[key]]
        c.update(json.dumps(v, ensure_ascii=False) for v in values)
    return [Count(id=k, label=describe_value(json.loads(k)), count=n) for k, n in c.most_common()]
