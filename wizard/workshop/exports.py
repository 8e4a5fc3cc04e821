"""A workshop's anonymous answers for the trainer: one row per participant, one column per
question (CSV), the same as JSON, and the group PDF (the aggregates, then one anonymous summary
per participant). No pseudonym, no token; a free-text answer only once the
trainer approved it for projection (a structure's name could say who answered). Pure."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date

from wizard.questionnaire.model import Questionnaire
from wizard.store.workshops import Participant, Workshop
from wizard.strategy import Strategy


def _columns(q: Questionnaire, participants: list[Participant]) -> list[str]:
    """The questionnaire's order; a repeated question (one per channel) after its question."""
    keys = {k for p in participants for k in p.answers}
    out: list[str] = []
    for question in q.questions:
        out += sorted(k for k in keys if k == question.id or k.startswith(f"{question.id}."))
    return out


def rows(q: Questionnaire, participants: list[Participant]) -> tuple[list[str], list[dict]]:
    text = {x.id for x in q.questions if x.kind == "text"}
    columns = _columns(q, participants)
    out = []
    for n, p in enumerate(participants, 1):
        row = {"participant": n, "finished": p.finished}
        for key in columns:
            if key in p.answers and (key.split(".")[0] not in text or key in p.approved):
                row[key] = p.answers[key]
        out.append(row)
    return ["participant", "finished", *columns], out


def as_csv(q: Questionnaire, participants: list[Participant]) -> str:
    header, data = rows(q, participants)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    for row in data:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                         for k, v in row.items()})
    return buffer.getvalue()


def as_json(q: Questionnaire, participants: list[Participant]) -> str:
    _, data = rows(q, participants)
    return json.dumps({"questionnaire": q.id, "participants": data}, ensure_ascii=False, indent=2)


def group_pdf(w: Workshop, q: Questionnaire, participants: list[Participant], knowledge,
              strategy_of: Callable[[Participant], Strategy | None], lang: str, today: date) -> bytes:
    from wizard.documents.pdf import render_pdf
    from wizard.workshop.aggregates import room
    from wizard.workshop.group_document import group_document
    r = room(participants, q, knowledge, lang, strategy_of)
    return render_pdf(group_document(w.title, r, participants, q, strategy_of, lang, today))
