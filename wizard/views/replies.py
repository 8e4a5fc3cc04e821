"""Quick replies under a question: pills for one choice, several, a ranking, or suggested numbers.

One small drawer per question kind. A choice is handed to `submit(key, value)`; a message
for the person (a limit reached, nothing chosen) to `notice(text)`; while an answer is being
changed, `preview(value)` draws what a selection of several would drop, before « Valider ».
On a phone the chat box covers the bottom of the screen: a ranking shows its order and
« Valider » above its choices, so that tapping a choice never leaves them under the box.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from wizard.questionnaire import describe, flow
from wizard.questionnaire.choices import choices
from wizard.views.faults import guarded
from wizard.views.ui_text import t

Submit = Callable[[str, Any], None]
Notice = Callable[[str], None]
Preview = Callable[[Any], None]


def quick_replies(step: flow.Step, lang: str, widget: str, current: Any, *, submit: Submit, notice: Notice,
                  preview: Preview | None = None) -> None:
    drawer = DRAWERS.get(step.question.kind)
    if drawer is not None:
        drawer(step, lang, widget, current, submit, notice, preview or (lambda value: None))


def _single(step, lang, widget, current, submit, notice, preview) -> None:
    by_label = {_choice_label(c, step.question, lang): c.value for c in choices(step.question)}
    st.pills(t("choices", lang), list(by_label), key=widget, on_change=_on_pick,
             args=(step.key, widget, by_label, submit), label_visibility="collapsed")


def _multi(step, lang, widget, current, submit, notice, preview) -> None:
    q = step.question
    by_label = {c.label.get(lang): c.value for c in choices(q)}
    st.caption(t("multi_hint", lang))
    picked = st.pills(t("choices", lang), list(by_label), selection_mode="multi", key=widget,
                      default=[lbl for lbl, v in by_label.items() if current and v in current],
                      label_visibility="collapsed")
    preview([by_label[p] for p in picked or []])
    with st.container(horizontal=True):
        st.button(t("validate", lang), key=f"ok-{widget}", type="primary", on_click=_on_confirm,
                  args=(step.key, widget, by_label, not q.optional, submit, notice, lang))
        if q.none_reply is not None:  # « Aucun »: the empty answer the question's text mentions
            st.button(q.none_reply.get(lang), key=f"none-{widget}", on_click=_on_none, args=(step.key, submit))


def _ranked(step, lang, widget, current, submit, notice, preview) -> None:
    """The order and « Valider » first, then the choices: both stay in view above the chat box."""
    q = step.question
    by_label = {c.label.get(lang): c.value for c in choices(q)}
    order_key = f"order-{widget}"
    if order_key not in st.session_state:  # editing starts from the current ranking
        st.session_state[order_key] = [lbl for v in (current or []) for lbl, x in by_label.items() if x == v]
    st.caption(t("ranked_hint", lang, n=q.max_choices or len(by_label)))
    order = st.session_state[order_key]  # the pills' callback has already run for this click
    if order:
        st.markdown(t("ranking", lang, order="\u00a0; ".join(f"{i}. {x}" for i, x in enumerate(order, 1))))
    else:  # a line kept in place, so the first tap does not move the choices under the finger
        st.markdown(t("ranking_empty", lang))
    preview([by_label[x] for x in order])
    st.button(t("validate", lang), key=f"ok-{widget}", type="primary", on_click=_on_confirm_ranked,
              args=(step.key, order_key, by_label, submit, notice, lang))
    st.pills(t("choices", lang), list(by_label), selection_mode="multi", key=widget,
             default=st.session_state[order_key], on_change=_on_rank,
             args=(widget, order_key, q.max_choices, notice, lang), label_visibility="collapsed")


def _number(step, lang, widget, current, submit, notice, preview) -> None:
    q = step.question
    if not q.suggestions:
        return
    by_label = {describe.answer(step, v, lang): v for v in q.suggestions}
    st.pills(t("suggestions", lang), list(by_label), key=widget, on_change=_on_pick,
             args=(step.key, widget, by_label, submit), label_visibility="collapsed")
    st.caption(t("type_number", lang))


def _text(step, lang, widget, current, submit, notice, preview) -> None:
    if step.question.placeholder:
        st.caption(step.question.placeholder.get(lang))


DRAWERS = {"single": _single, "scale": _single, "multi": _multi, "ranked": _ranked,
           "number": _number, "text": _text}


def _choice_label(choice, q, lang: str) -> str:
    """A scale's ends carry their meaning: « 1 — Aucune stratégie », « 5 — Stratégie écrite et suivie »."""
    text = choice.label.get(lang) if choice.label else str(choice.value)
    anchor = (q.scale_labels or {}).get(choice.value) if q.kind == "scale" else None
    return f"{text} — {anchor.get(lang)}" if anchor else text


# --- callbacks ------------------------------------------------------------------------

@guarded
def _on_pick(key: str, widget: str, by_label: dict[str, Any], submit: Submit) -> None:
    picked = st.session_state.get(widget)
    if picked is not None:
        submit(key, by_label[picked])


@guarded
def _on_none(key: str, submit: Submit) -> None:
    submit(key, [])


@guarded
def _on_confirm(key, widget, by_label, required: bool, submit: Submit, notice: Notice, lang: str) -> None:
    picked = st.session_state.get(widget) or []
    if required and not picked:
        notice(t("need_one", lang))
        return
    submit(key, [by_label[p] for p in picked])


@guarded
def _on_rank(widget: str, order_key: str, limit: int | None, notice: Notice, lang: str) -> None:
    """Pills return choices in display order; the ranking is the order of the clicks."""
    picked = st.session_state.get(widget) or []
    old = st.session_state.get(order_key, [])
    order = [x for x in old if x in picked] + [x for x in picked if x not in old]
    if limit and len(order) > limit:
        order = order[:limit]
        st.session_state[widget] = order
        notice(t("at_most", lang, n=limit))
    st.session_state[order_key] = order


@guarded
def _on_confirm_ranked(key, order_key, by_label, submit: Submit, notice: Notice, lang: str) -> None:
    order = st.session_state.get(order_key) or []
    if not order:
        notice(t("need_one_ranked", lang))
        return
    submit(key, [by_label[p] for p in order])
