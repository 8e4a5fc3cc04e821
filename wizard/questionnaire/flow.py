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
    """(number of the question asked, total) — the total follows the conditions. The question
    asked is the current one, or the step `at` (a key) when an answer is being changed."""
    all_steps = steps(q, answers)
    keys = [s.key for s in all_steps]
    if at in keys:
        return keys.index(at) + 1, len(all_steps)
    done = sum(1 for s in all_steps if s.key in answers)
    return min(done + 1, len(all_steps)), len(all_steps)


def prune(q: Questionnaire, answers: Answers) -> dict[str, Any]:
    """Only the answers to steps that still apply."""
    keys = {s.key for s in steps(q, answers)}
    return {k: v for k, v in answers.items() if k in keys}


def answer(q: Questionnaire, answers: Answers, key: str, value: Any) -> dict[str, Any]:
    """New answers with `key` set, and what no longer applies dropped."""
    return prune(q, {**answers, key: value})


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
