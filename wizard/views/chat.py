"""The conversation page: asks the questionnaire's questions one by one, stores every answer.

Thin by design: routing comes from questionnaire.flow, understanding free text from
questionnaire.parse, storage from store. Widget callbacks apply an answer before the
page is drawn again, so one interaction costs one script run. Answers live in
st.session_state for speed and in the database for safety; the URL carries the
resume token (?s=…), so a refresh, a reopened link or a restarted server lands on
the same question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from wizard.knowledge import Knowledge
from wizard.profile import ProfileError
from wizard.questionnaire import describe, flow
from wizard.questionnaire.choices import choices
from wizard.questionnaire.model import Questionnaire
from wizard.questionnaire.parse import NotUnderstood, parse
from wizard.store import SessionStore
from wizard.views import results
from wizard.views.inert import inert
from wizard.views.summary import summary_rows
from wizard.views.ui_text import t

STATE = "chat_state"
TEXT_KEY = "chat_text"
TOKEN_PARAM = "s"


@dataclass
class ChatState:
    token: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    editing: str | None = None
    notice: tuple[str, str] | None = None  # (what the person typed, the reply)
    nonce: int = 0  # bumps after each answer so quick-reply widgets start fresh
    started: bool = False
    bad_link: bool = False
    save_failed: bool = False
    profile_saved: bool = False


@dataclass(frozen=True)
class Ctx:
    store: SessionStore
    questionnaire: Questionnaire
    knowledge: Knowledge
    lang: str


def _state() -> ChatState:
    if STATE not in st.session_state:
        st.session_state[STATE] = ChatState()
    return st.session_state[STATE]


# --- state changes (called from widget callbacks) ---------------------------------

def _resume(ctx: Ctx, s: ChatState) -> None:
    """On a new browser session, reload the conversation named in the URL."""
    s.started = True
    token = st.query_params.get(TOKEN_PARAM)
    if not token:
        return
    stored = ctx.store.load(token)
    if stored is None or stored.questionnaire_id != ctx.questionnaire.id:
        s.bad_link = True
        return
    s.token, s.answers = token, flow.prune(ctx.questionnaire, stored.answers)


def _latest(ctx: Ctx, s: ChatState) -> dict[str, Any]:
    """This page's answers, updated with what another device saved on the same link meanwhile
    (the database wins for answers both have: it holds every successful save)."""
    if s.token is None:
        return s.answers
    try:
        stored = ctx.store.load(s.token)
    except SQLAlchemyError:
        return s.answers
    return {**s.answers, **stored.answers} if stored else s.answers


def _submit(ctx: Ctx, key: str, value: Any) -> None:
    s = _state()
    s.answers = flow.answer(ctx.questionnaire, _latest(ctx, s), key, value)
    s.editing, s.notice, s.profile_saved = None, None, False
    s.nonce += 1
    try:
        if s.token is None:
            s.token = ctx.store.create(ctx.questionnaire.id, ctx.lang)
            st.query_params[TOKEN_PARAM] = s.token
        try:
            ctx.store.save_answers(s.token, s.answers)
        except KeyError:  # the stored session is gone: keep going in a new one, nothing typed is lost
            s.token = ctx.store.create(ctx.questionnaire.id, ctx.lang)
            st.query_params[TOKEN_PARAM] = s.token
            ctx.store.save_answers(s.token, s.answers)
        s.save_failed = False
    except SQLAlchemyError:
        s.save_failed = True  # kept in the page; the next save writes everything


def _on_text(ctx: Ctx) -> None:
    s = _state()
    text = st.session_state.get(TEXT_KEY) or ""
    step = _asked_step(s, flow.steps(ctx.questionnaire, s.answers))
    if step is None or not text.strip():
        return
    try:
        value = parse(step, text)
    except NotUnderstood as exc:
        s.notice = (text[:2000], str(exc))
        return
    _submit(ctx, step.key, value)


def _on_pick(ctx: Ctx, key: str, widget: str, by_label: dict[str, Any]) -> None:
    picked = st.session_state.get(widget)
    if picked is not None:
        _submit(ctx, key, by_label[picked])


def _on_confirm(ctx: Ctx, key: str, widget: str, by_label: dict[str, Any], required: bool) -> None:
    picked = st.session_state.get(widget) or []
    if required and not picked:
        _state().notice = ("", "Choisissez au moins une réponse.")
        return
    _submit(ctx, key, [by_label[p] for p in picked])


def _on_rank(widget: str, order_key: str, limit: int | None) -> None:
    """Pills return choices in display order; the ranking is the order of the clicks."""
    picked = st.session_state.get(widget) or []
    old = st.session_state.get(order_key, [])
    order = [x for x in old if x in picked] + [x for x in picked if x not in old]
    if limit and len(order) > limit:
        order = order[:limit]
        st.session_state[widget] = order
        _state().notice = ("", f"Choisissez au plus {limit}\u00a0réponses.")
    st.session_state[order_key] = order


def _on_confirm_ranked(ctx: Ctx, key: str, order_key: str, by_label: dict[str, Any]) -> None:
    order = st.session_state.get(order_key) or []
    if not order:
        _state().notice = ("", "Choisissez au moins une réponse, la plus importante en premier.")
        return
    _submit(ctx, key, [by_label[p] for p in order])


def _on_edit(key: str) -> None:
    s = _state()
    s.editing, s.notice = key, None
    s.nonce += 1


def _on_keep() -> None:
    s = _state()
    s.editing, s.notice = None, None
    s.nonce += 1


def _on_restart() -> None:
    st.session_state[STATE] = ChatState(started=True)
    st.query_params.clear()


# --- drawing -----------------------------------------------------------------------

def _asked_step(s: ChatState, all_steps: list[flow.Step]) -> flow.Step | None:
    if s.editing:
        for step in all_steps:
            if step.key == s.editing:
                return step
    return next((st_ for st_ in all_steps if st_.key not in s.answers), None)


def render(store: SessionStore, questionnaire: Questionnaire, knowledge: Knowledge, lang: str = "fr") -> None:
    ctx = Ctx(store, questionnaire, knowledge, lang)
    s = _state()
    if not s.started:
        _resume(ctx, s)
    if s.bad_link:
        st.warning(t("bad_link", lang))
        st.button(t("restart", lang), on_click=_on_restart, type="primary")
        return

    st.subheader(questionnaire.title.get(lang))
    if s.save_failed:
        st.error(t("save_error", lang))
    all_steps = flow.steps(questionnaire, s.answers)
    asked = _asked_step(s, all_steps)
    if asked is None:
        _finished(ctx, s, all_steps)
        return

    if questionnaire.intro:
        with st.chat_message("assistant"):
            st.markdown(questionnaire.intro.get(lang))
    for step in all_steps:
        if step.key == asked.key:
            break
        if step.key in s.answers:
            _answered(step, s.answers[step.key], lang)
    if s.notice:
        typed, reply = s.notice
        if typed:
            with st.chat_message("user"):
                st.markdown(inert(typed))
        with st.chat_message("assistant"):
            st.markdown(reply)
    if s.token:
        _resume_link(s.token, lang)  # just above the question, where a phone user sees it
    _ask(ctx, s, asked, all_steps)
    st.chat_input(t("input", lang), key=TEXT_KEY, on_submit=_on_text, args=(ctx,), max_chars=2000)


def _answered(step: flow.Step, value: Any, lang: str) -> None:
    with st.chat_message("assistant"):
        st.markdown(step.text(lang))
    with st.chat_message("user"):
        st.markdown(inert(describe.answer(step, value, lang)))
        st.button(t("edit", lang), key=f"edit-{step.key}", on_click=_on_edit, args=(step.key,),
                  type="tertiary", icon=":material/edit:", help=t("edit_help", lang))


def _ask(ctx: Ctx, s: ChatState, step: flow.Step, all_steps: list[flow.Step]) -> None:
    lang, q = ctx.lang, step.question
    n, total = [x.key for x in all_steps].index(step.key) + 1, len(all_steps)
    with st.chat_message("assistant"):
        st.caption(t("progress", lang, n=n, total=total))
        st.progress(min(1.0, (n - 1) / max(total, 1)))
        st.markdown(step.text(lang))
        if q.help:
            with st.expander(t("why", lang)):
                st.markdown(q.help.get(lang))
        if s.editing and step.key in s.answers:
            st.caption(inert(t("current_answer", lang, answer=describe.answer(step, s.answers[step.key], lang))))
        _quick_replies(ctx, s, step)
        cols = st.columns(2) if (q.optional or s.editing) else None
        if q.optional:
            cols[0].button(t("skip", lang), key=f"skip-{step.key}-{s.nonce}", on_click=_submit,
                           args=(ctx, step.key, None))
        if s.editing:
            cols[1].button(t("keep", lang), key=f"keep-{s.nonce}", on_click=_on_keep)


def _quick_replies(ctx: Ctx, s: ChatState, step: flow.Step) -> None:
    lang, q = ctx.lang, step.question
    widget = f"pick-{step.key}-{s.nonce}"
    current = s.answers.get(step.key) if s.editing else None
    if q.kind in ("single", "scale"):
        by_label = {_choice_label(c, q, lang): c.value for c in choices(q)}
        st.pills(t("choices", lang), list(by_label), key=widget, on_change=_on_pick,
                 args=(ctx, step.key, widget, by_label), label_visibility="collapsed")
    elif q.kind == "multi":
        by_label = {c.label.get(lang): c.value for c in choices(q)}
        st.caption(t("multi_hint", lang))
        st.pills(t("choices", lang), list(by_label), selection_mode="multi", key=widget,
                 default=[lbl for lbl, v in by_label.items() if current and v in current],
                 label_visibility="collapsed")
        st.button(t("validate", lang), key=f"ok-{widget}", type="primary", on_click=_on_confirm,
                  args=(ctx, step.key, widget, by_label, not q.optional))
    elif q.kind == "ranked":
        by_label = {c.label.get(lang): c.value for c in choices(q)}
        order_key = f"order-{widget}"
        if order_key not in st.session_state:  # editing starts from the current ranking
            st.session_state[order_key] = [lbl for v in (current or []) for lbl, x in by_label.items() if x == v]
        st.caption(t("ranked_hint", lang, n=q.max_choices or len(by_label)))
        st.pills(t("choices", lang), list(by_label), selection_mode="multi", key=widget,
                 default=st.session_state[order_key], on_change=_on_rank,
                 args=(widget, order_key, q.max_choices), label_visibility="collapsed")
        order = st.session_state[order_key]
        if order:
            st.markdown(t("ranking", lang, order="\u00a0; ".join(f"{i}. {x}" for i, x in enumerate(order, 1))))
        st.button(t("validate", lang), key=f"ok-{widget}", type="primary", on_click=_on_confirm_ranked,
                  args=(ctx, step.key, order_key, by_label))
    elif q.kind == "number" and q.suggestions:
        by_label = {describe.answer(step, v, lang): v for v in q.suggestions}
        st.pills(t("suggestions", lang), list(by_label), key=widget, on_change=_on_pick,
                 args=(ctx, step.key, widget, by_label), label_visibility="collapsed")
        st.caption(t("type_number", lang))
    elif q.kind == "text" and q.placeholder:
        st.caption(q.placeholder.get(lang))


def _choice_label(choice, q, lang: str) -> str:
    """A scale's ends carry their meaning: « 1 — Aucune stratégie », « 5 — Stratégie écrite et suivie »."""
    text = choice.label.get(lang) if choice.label else str(choice.value)
    anchor = (q.scale_labels or {}).get(choice.value) if q.kind == "scale" else None
    return f"{text} — {anchor.get(lang)}" if anchor else text


def _resume_link(token: str, lang: str) -> None:
    base = re.sub(r"\?.*$", "", st.context.url or "")
    with st.expander(t("resume_title", lang), icon=":material/bookmark:"):
        st.caption(t("resume_text", lang))
        st.code(f"{base}?{TOKEN_PARAM}={token}", language=None, wrap_lines=True)


def _finished(ctx: Ctx, s: ChatState, all_steps: list[flow.Step]) -> None:
    """Results first (a phone user lands on them), then the profile and the answers, folded."""
    lang, q = ctx.lang, ctx.questionnaire
    try:
        profile = flow.build_profile(q, s.answers)
    except ProfileError as exc:
        st.error(t("profile_error", lang, errors="\u00a0; ".join(exc.messages)))
        _transcript(all_steps, s, lang, expanded=True)
        return
    if not s.profile_saved and s.token:
        try:
            ctx.store.save_profile(s.token, profile.model_dump(mode="json"))
            s.profile_saved = True
            _scroll_to_top()
        except (SQLAlchemyError, KeyError):
            st.error(t("save_error", lang))
    if q.outro:
        st.success(q.outro.get(lang), icon=":material/check_circle:")
    results.render(profile, ctx.knowledge, date.today(), lang)
    with st.expander(t("done_title", lang), icon=":material/badge:"):
        section = None
        lines: list[str] = []
        for sec, name, value in summary_rows(profile, lang):
            if sec != section:
                lines.append(f"\n**{sec}**\n")
                section = sec
            lines.append(f"- {inert(name)}\u00a0: {inert(value)}")
        st.markdown("\n".join(lines))
    _transcript(all_steps, s, lang)
    if s.token:
        _resume_link(s.token, lang)


def _transcript(all_steps: list[flow.Step], s: ChatState, lang: str, expanded: bool = False) -> None:
    with st.expander(t("answers_title", lang), icon=":material/forum:", expanded=expanded):
        for step in all_steps:
            if step.key in s.answers:
                _answered(step, s.answers[step.key], lang)


def _scroll_to_top() -> None:
    """The last answer was given at the bottom of a long chat: show the results from their top."""
    st.html("<script>const m = window.parent.document.querySelector('[data-testid=\"stMain\"]');"
            "if (m) { m.scrollTo(0, 0); }</script>", unsafe_allow_javascript=True)
