"""Routing: which question comes next, given the answers so far. Pure functions.

Answers are a plain dict from step key to value (None = skipped), so they store as
JSON and replay identically. A question with `for_each` expands into one step per
item chosen earlier ("presence_followers.instagram"). Changing an earlier answer
re-evaluates every condition; answers that no longer apply are dropped.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wizard.profile import Profile, parse_profile
from wizard.questionnaire import conditions
from wizard.questionnaire.fields import ITEM, resolve, set_path
from wizard.questionnaire.model import Question, Questionnaire
from wizard.vocabulary import label

Answers = Mapping[str, Any]


@dataclass(frozen=True)
class Step:
    """One concrete question to ask: a Question, for one item when it repeats."""

    key: str
    question: Question
    item: str | None = None

    @property
    def field(self) -> str:
        return self.question.field.replace(ITEM, self.item) if self.item else self.question.field

    def text(self, lang: str = "fr") -> str:
        text = self.question.text.get(lang)
        if self.item:
            vocab = resolve(self.question.field).item_vocab
            text = text.replace(ITEM, label(vocab, self.item, lang) if vocab else self.item)
        return text


def steps(q: Questionnaire, answers: Answers) -> list[Step]:
    """The steps that apply, in order; each condition sees only answers to steps that apply."""
    seen: dict[str, Any] = {}
    out: list[Step] = []
    for question in q.questions:
        if not conditions.evaluate(question.when, seen):
            continue
        if question.for_each:
            items = seen.get(question.for_each) or []
            out.extend(Step(f"{question.id}.{item}", question, item) for item in items)
            continue
        out.append(Step(question.id, question))
        if question.id in answers:
            seen[question.id] = answers[question.id]
    return out


def current(q: Questionnaire, answers: Answers) -> Step | None:
    """The first step without an answer, or None when the conversation is complete."""
    return next((s for s in steps(q, answers) if s.key not in answers), None)


def progress(q: Questionnaire, answers: Answers, at: str | None = None) -> tuple[int, int]:
    """(number of the question asked, total), in questions of the questionnaire, such that
    n / total never goes down as answers are added.

    The total counts the questions that apply or may still apply: a question whose condition
    reads a question not answered yet is counted (it may be asked), one whose condition is
    already false is not, and a question asked once per item (« abonnés sur Instagram », «… sur
    Facebook ») counts once, or not at all when no item was chosen. So the total starts at the
    longest conversation possible, in questions, and answers can only rule questions out: it
    never grows. n is the number of questions fully answered, plus one: it never shrinks. The
    steps of a repeated question share its number. The question asked is the current one, or
    the step `at` (a key) when an answer is being changed."""
    counted = _counted(q, answers)
    if at is not None:  # a step's key is its question's id, then « .item » when it repeats
        qid = at.split(".", 1)[0]
        place = next((i for i, (question, _) in enumerate(counted) if question.id == qid), None)
        if place is not None:
            return place + 1, len(counted)
    done = sum(1 for _, complete in counted if complete)
    return min(done + 1, len(counted)), len(counted)


def _counted(q: Questionnaire, answers: Answers) -> list[tuple[Question, bool]]:
    """(question, fully answered) of every question that applies or may still apply, in order.

    A condition is decided once every question it reads is answered or known not to apply (the
    same answers steps() lets it see); until then its question is counted as possible."""
    seen: dict[str, Any] = {}
    open_: set[str] = set()  # questions that apply or may apply, not answered yet
    out: list[tuple[Question, bool]] = []
    for question in q.questions:
        reads = {qid for _, qid, _ in conditions.atoms(question.when)} | (
            {question.for_each} if question.for_each else set())
        if reads & open_:
            open_.add(question.id)
            out.append((question, False))
            continue
        if not conditions.evaluate(question.when, seen):
            continue
        if question.for_each:
            items = seen.get(question.for_each) or []
            if items:
                out.append((question, all(f"{question.id}.{item}" in answers for item in items)))
            continue  # never in `seen`: its answers are per item
        if question.id in answers:
            seen[question.id] = answers[question.id]
        else:
            open_.add(question.id)
        out.append((question, question.id in answers))
    return out


def prune(q: Questionnaire, answers: Answers) -> dict[str, Any]:
    """Only the answers to steps that still apply."""
    keys = {s.key for s in steps(q, answers)}
    return {k: v for k, v in answers.items() if k in keys}


def answer(q: Questionnaire, answers: Answers, key: str, value: Any) -> dict[str, Any]:
    """New answers with `key` set, and what no longer applies dropped."""
    return prune(q, {**answers, key: value})


def dropped(q: Questionnaire, answers: Answers, key: str, value: Any) -> list[str]:
    """The keys of the other answers that answering `value` at `key` would remove, because
    their questions would no longer apply (in the order of the conversation)."""
    kept = answer(q, answers, key, value)
    return [s.key for s in steps(q, answers) if s.key != key and s.key in answers and s.key not in kept]


def profile_data(q: Questionnaire, answers: Answers) -> dict:
    """The raw Profile dict the answers describe (skipped answers leave defaults)."""
    data: dict = {}
    for step in steps(q, answers):
        value = answers.get(step.key)
        if value is None:
            continue
        if resolve(step.question.field).shape == "keys":
            value = {item: {} for item in value}
        set_path(data, step.field, value)
    return data


def build_profile(q: Questionnaire, answers: Answers) -> Profile:
    """Validated Profile, or ProfileError naming the field."""
    return parse_profile(profile_data(q, answers))
