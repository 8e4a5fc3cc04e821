"""Simulated devices answering on one resume link through the app's own save path.

Shared by tests/store/test_concurrency.py (nothing lost, no error) and benchmarks/save.py
(how long one save takes when ten devices write at once).
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from wizard.conversation import ConversationService
from wizard.questionnaire import flow
from wizard.questionnaire.choices import choices
from wizard.store import SessionStore

# Routing answers are the same on every device (they decide which questions exist);
# the others differ per device, so a lost update shows as a wrong value.
ROUTING = {"structure_kind": "mission_locale", "structure_country": "fr", "current_channels": ["facebook", "instagram"],
           "goals": ["inform", "mobilize"], "age_bands": ["18_25"]}
ERRORS = ("unavailable", "missing_file", "new_link", "gone")


def value_for(step: flow.Step, device: int, n: int):
    q = step.question
    if step.key in ROUTING:
        return ROUTING[step.key]
    if q.kind == "text":
        return f"appareil {device} réponse {n}"
    if q.kind == "number":
        return float(device * 100 + n) if q.unit == "hours" else device * 100 + n
    if q.kind == "scale":
        return 1 + (device + n) % 5
    options = [c.value for c in choices(q)]
    if q.kind == "single":
        return options[(device + n) % len(options)]
    return [options[(device + n) % len(options)]]


@dataclass
class DeviceRun:
    written: list[tuple[int, str, object]] = field(default_factory=list)  # (revision, key, value) acknowledged
    errors: list[str] = field(default_factory=list)  # notices a person would see as a failure
    seconds: list[float] = field(default_factory=list)  # time of each save


def run_device(svc: ConversationService, token: str, device: int, answers: int,
               start: threading.Barrier | None = None) -> DeviceRun:
    """One device: resumes the link, gives `answers` answers (the current question, or an
    edit once the conversation is complete) and records each acknowledged save."""
    conv = svc.resume(token)
    keys = [s.key for s in flow.steps(svc.q, {**ROUTING, **conv.answers})]
    run = DeviceRun()
    if start is not None:
        start.wait()
    for n in range(answers):
        step = svc.current(conv) or next(
            s for s in flow.steps(svc.q, conv.answers) if s.key == keys[(device + n) % len(keys)])
        value = value_for(step, device, n)
        t0 = time.perf_counter()
        notices = svc.answer(conv, step.key, value)
        run.seconds.append(time.perf_counter() - t0)
        run.errors += [x.code for x in notices if x.code in ERRORS]
        run.written.append((conv.revision, step.key, value))
    return run


def lost_answers(store: SessionStore, token: str, written: list[tuple[int, str, object]]) -> dict:
    """Keys whose stored value is not the one of their latest acknowledged save."""
    final = store.load(token).answers
    latest: dict[str, tuple[int, object]] = {}
    for revision, key, value in written:
        if key not in latest or revision > latest[key][0]:
            latest[key] = (revision, value)
    return {k: (v, final.get(k)) for k, (_, v) in latest.items() if final.get(k) != v}
