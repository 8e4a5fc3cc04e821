"""Changing an answer: which of the later answers a new value would remove, said before it is given.

flow.dropped tells which answers would stop applying (« Autre pays » has no territory, a
network left out has no followers to count). Under the question being changed the page
names them, question → answer, for each quick reply that would drop some, and for a
selection of several as it is being made; or says that the change removes nothing. What a
person typed is shown with st.text.
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from wizard.questionnaire import describe, flow
from wizard.questionnaire.choices import choices
from wizard.questionnaire.model import Questionnaire
from wizard.views.ui_text import t


def _later(q: Questionnaire, answers: dict[str, Any], step: flow.Step) -> bool:
    keys = [s.key for s in flow.steps(q, answers)]
    return any(k in answers for k in keys[keys.index(step.key) + 1:]) if step.key in keys else False


def _say(q: Questionnaire, answers: dict[str, Any], keys: list[str], head: str, lang: str) -> None:
    by_key = {s.key: s for s in flow.steps(q, answers)}
    st.warning(head, icon=":material/warning:")
    for key in keys:
        st.text(f"{by_key[key].text(lang)} → {describe.answer(by_key[key], answers[key], lang)}")


def replies_note(q: Questionnaire, answers: dict[str, Any], step: flow.Step, lang: str) -> None:
    """Before the quick replies: a note for each one-tap reply (a choice, a suggested number,
    « Aucun », the skip) that would remove later answers, or a caption that none would."""
    if not _later(q, answers, step):
        return
    question, current = step.question, answers.get(step.key)
    values: list[Any] = [c.value for c in choices(question)] if question.kind in ("single", "scale") else []
    values += list(question.suggestions) if question.kind == "number" else []
    values += [[]] if question.kind == "multi" and question.none_reply is not None else []
    values += [None] if question.optional else []
    said = False
    for value in values:
        if value == current:
            continue
        keys = flow.dropped(q, answers, step.key, value)
        if keys:
            choice = question.none_reply.get(lang) if value == [] and question.none_reply else describe.answer(
                step, value, lang)
            _say(q, answers, keys, t("edit_drops_one" if len(keys) == 1 else "edit_drops", lang, choice=choice), lang)
            said = True
    if not said and question.kind not in ("multi", "ranked"):
        st.caption(t("edit_drops_nothing", lang))


def selection_note(q: Questionnaire, answers: dict[str, Any], step: flow.Step, value: list, lang: str) -> None:
    """Under a selection of several being made: what « Valider » would remove with it."""
    if not value or value == answers.get(step.key):
        return
    keys = flow.dropped(q, answers, step.key, value)
    if keys:
        _say(q, answers, keys, t("edit_drops_selection_one" if len(keys) == 1 else "edit_drops_selection", lang), lang)
    else:
        st.caption(t("edit_drops_nothing", lang))
