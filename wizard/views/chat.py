"""The conversation page: asks the questionnaire's questions one by one, stores every answer.

Thin by design: the conversation itself (resume, answer, sync with other devices, the
outage queue, finish) is wizard.conversation; understanding free text is
questionnaire.parse. Widget callbacks apply an answer before the page is drawn again, so
one interaction costs one script run. The URL carries the resume token (?s=…), so a
refresh, a reopened link or a restarted server lands on the same question.
Changing an answer (« Modifier », also from the results) shows that question first, the
answers before it folded and those after it in view, with what the change would drop
(views.edits); the page scrolls to it.
Everything a person typed is shown with st.text: never Markdown, links or HTML.
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import streamlit as st

from wizard.conversation import (
    ENDED,
    Conversation,
    ConversationService,
    LinkProblem,
    Notice,
)
from wizard.formatting import long_date
from wizard.knowledge import Knowledge
from wizard.profile import ProfileError
from wizard.questionnaire import describe, flow
from wizard.questionnaire.parse import NotUnderstood, parse
from wizard.store import StoreError
from wizard.store.attempts import Attempts
from wizard.store.retention import retention_months
from wizard.views import edits, faults, forget, language, replies, results, scroll
from wizard.views.client import client_address
from wizard.views.summary import summary_rows
from wizard.views.ui_text import t

STATE = "chat_state"
TEXT_KEY = "chat_text"
TOKEN_PARAM = "s"
ECHO_CHARS = 300  # a refused answer is quoted back up to this length
ASKED = "cap-asked"  # the key of the question asked: Streamlit gives its container the class st-key-cap-asked
log = logging.getLogger("cap_reseaux.chat")


@dataclass
class ChatState:
    conv: Conversation = field(default_factory=Conversation)
    editing: str | None = None
    refused: tuple[str, str] | None = None  # (what the person typed, the reply)
    notices: list[Notice] = field(default_factory=list)
    nonce: int = 0  # bumps after each answer so quick-reply widgets start fresh
    started: bool = False
    link_problem: LinkProblem | None = None
    resume_fault: str | None = None  # a StoreError kind while resuming
    synced_this_run: bool = False
    scroll: bool = False  # bring the question asked into view (after « Modifier »)
    scrolled: str | None = None  # the question last brought into view

    @property
    def answers(self) -> dict[str, Any]:
        return self.conv.answers

    @property
    def token(self) -> str | None:
        return self.conv.token


def _state() -> ChatState:
    if STATE not in st.session_state:
        st.session_state[STATE] = ChatState()
    return st.session_state[STATE]


slow_down = time.sleep  # on the server, whatever the page does (tests watch it)


# --- state changes (called from widget callbacks) ---------------------------------

def _resume(svc: ConversationService, s: ChatState) -> None:
    """On a new browser session, reload the conversation named in the URL (in its language)."""
    token = st.query_params.get(TOKEN_PARAM)
    s.resume_fault = None
    if token:
        try:
            guesses, client = Attempts(svc.store, "link"), client_address()
            slow_down(guesses.wait(client))  # after five wrong links from here, each try waits longer
            try:
                s.conv = svc.resume(token)
            except LinkProblem as exc:
                if exc.reason in ("malformed", "unknown"):  # a guess, or a badly copied link
                    guesses.failed(client)
                raise
            if language.adopt(s.conv.lang):
                s.started = True
                st.rerun()  # drawn again in the conversation's own language
        except LinkProblem as exc:
            s.link_problem = exc
        except StoreError as exc:
            s.resume_fault = exc.kind
            return  # not started: the next run tries again
        s.synced_this_run = True
    s.started = True


@faults.guarded
def _submit(svc: ConversationService, key: str, value: Any) -> None:
    s = _state()
    token = s.token
    s.notices = svc.answer(s.conv, key, value)
    s.editing, s.refused = None, None
    s.nonce += 1
    s.synced_this_run = True
    if s.token and s.token != token:
        st.query_params[TOKEN_PARAM] = s.token


@faults.guarded
def _on_text(svc: ConversationService) -> None:
    s = _state()
    text = st.session_state.get(TEXT_KEY) or ""
    step = _asked_step(svc, s, flow.steps(svc.q, s.answers))
    if step is None or not text.strip():
        return
    try:
        value = parse(step, text, svc.lang)  # refuses over MAX_ANSWER_CHARS before any work
    except NotUnderstood as exc:
        s.refused = (text if len(text) <= ECHO_CHARS else text[:ECHO_CHARS] + "…", str(exc))
        return
    _submit(svc, step.key, value)


@faults.guarded
def _on_language(svc: ConversationService, lang: str) -> None:
    """The switch: the stored conversation remembers it, for its next resume."""
    token = _state().token
    if token:
        try:
            svc.store.set_lang(token, lang)
        except StoreError:
            pass  # the page still switches; the link carries ?lang= as well


@faults.guarded
def _on_edit(key: str) -> None:
    s = _state()
    s.editing, s.refused, s.scroll = key, None, True
    s.nonce += 1


@faults.guarded
def _on_keep() -> None:
    s = _state()
    s.editing, s.refused = None, None
    s.nonce += 1


@faults.guarded
def _on_restart() -> None:
    """A fresh conversation in this tab (« Nouveau diagnostic », a broken link): the old link, if
    any, still resumes the old one; the page keeps its language."""
    st.session_state[STATE] = ChatState(conv=Conversation(lang=language.current()), started=True)
    st.query_params.pop(TOKEN_PARAM, None)


def _on_delete(svc: ConversationService) -> None:
    """« Supprimer mes réponses », confirmed: gone from the database, from this page and from its URL."""
    s = _state()
    try:
        svc.delete(s.conv)
    except StoreError:
        st.session_state[faults.CALLBACK_FAULT] = "delete_failed"
        return
    st.session_state[STATE] = ChatState(conv=Conversation(lang=language.current()), started=True,
                                        link_problem=LinkProblem("deleted"))
    st.query_params.pop(TOKEN_PARAM, None)


def _on_retry() -> None:
    _state().resume_fault = None


# --- drawing -----------------------------------------------------------------------

def _asked_step(svc: ConversationService, s: ChatState, all_steps: list[flow.Step]) -> flow.Step | None:
    """The step being changed, else the flow's current one."""
    editing = next((step for step in all_steps if s.editing and step.key == s.editing), None)
    return editing or flow.current(svc.q, s.answers)


def render(svc: ConversationService, knowledge: Knowledge) -> None:
    lang, s = svc.lang, _state()
    if not s.started:
        _resume(svc, s)
    if s.resume_fault:
        st.error(t(f"resume_{'missing_file' if s.resume_fault == 'missing_file' else 'unavailable'}", lang))
        st.button(t("retry", lang), on_click=_on_retry, type="primary")
        return
    if s.link_problem:
        _link_problem(s.link_problem, lang)
        return
    if not s.synced_this_run:  # take in what another device saved on this link meanwhile
        s.notices = svc.sync(s.conv)
    s.synced_this_run = False
    ended = next((n.code for n in s.notices if n.code in ENDED), None)
    if ended:  # deleted on another tab or device (or expired): said, nothing written back
        st.query_params.pop(TOKEN_PARAM, None)
        st.session_state[STATE] = ChatState(conv=Conversation(lang=lang), started=True,
                                            link_problem=LinkProblem(ended))
        _link_problem(_state().link_problem, lang)
        return

    faults.say_callback_fault(lang)
    language.switch(lang, on_change=lambda chosen: _on_language(svc, chosen))
    all_steps = flow.steps(svc.q, s.answers)
    asked = _asked_step(svc, s, all_steps)
    if asked is not None:  # the results open on the strategy itself: one phone screen
        st.subheader(svc.q.title.get(lang))
    _notices(svc, s.notices, all_steps)
    if asked is None:
        _finished(svc, s, knowledge, all_steps)
        return

    at = next(i for i, step in enumerate(all_steps) if step.key == asked.key)
    before = [step for step in all_steps[:at] if step.key in s.answers]
    after = [step for step in all_steps[at + 1:] if step.key in s.answers]
    if s.editing and before:  # the question changed comes first: what came before is folded
        with st.expander(t("earlier_answers", lang, n=len(before)), icon=":material/forum:"):
            _earlier(svc, s, before, lang)
    else:
        _earlier(svc, s, before, lang)
    if s.refused:
        typed, reply = s.refused
        if typed:
            with st.chat_message("user"):
                st.text(typed)
        with st.chat_message("assistant"):
            st.text(reply)
    if s.token:
        _link_tools(svc, s.token, lang)  # just above the question, where a phone user sees it
    _ask(svc, s, asked, all_steps)
    if after:  # the answers that follow stay in view (an edit says above which ones it would drop)
        st.caption(t("later_answers", lang))
        for step in after:
            _answered(step, s.answers[step.key], lang)
    if s.scroll or (after and s.scrolled != asked.key):  # « Modifier », or a question asked mid-way
        s.scroll, s.scrolled = False, asked.key
        scroll.to(ASKED)
    # No max_chars: Streamlit would cut a long paste silently (or drop it); the server says the limit.
    st.chat_input(t("input", lang), key=TEXT_KEY, on_submit=_on_text, args=(svc,))


def _earlier(svc: ConversationService, s: ChatState, steps: list[flow.Step], lang: str) -> None:
    if svc.q.intro:
        with st.chat_message("assistant"):
            st.markdown(svc.q.intro.get(lang))
    for step in steps:
        _answered(step, s.answers[step.key], lang)


def _link_problem(problem: LinkProblem, lang: str) -> None:
    if problem.reason == "unknown":
        created = long_date(problem.database_created, lang) if problem.database_created else "—"
        st.warning(t("link_unknown", lang, created=created))
    elif problem.reason == "expired":
        st.warning(t("link_expired", lang, months=retention_months()))
    else:
        st.warning(t(f"link_{problem.reason}", lang))
    st.button(t("restart", lang), on_click=_on_restart, type="primary")


def _notices(svc: ConversationService, notices: list[Notice], all_steps: list[flow.Step]) -> None:
    lang, by_key = svc.lang, {step.key: step for step in all_steps}
    for n in notices:
        if n.code in ("unavailable", "missing_file"):
            st.error(t(f"notice_{n.code}", lang), icon=":material/cloud_off:")
        elif n.code == "changed_elsewhere":
            with st.container(border=True):
                st.info(t("notice_changed_elsewhere", lang), icon=":material/devices:")
                for key in n.keys:
                    step = by_key.get(key)
                    if step is None:
                        continue
                    value = _state().answers.get(key, _NONE)
                    shown = t("notice_removed", lang) if value is _NONE else describe.answer(step, value, lang)
                    st.text(f"{step.text(lang)} → {shown}")
        elif n.code == "added_elsewhere":
            st.info(t("notice_added_elsewhere", lang, n=len(n.keys)), icon=":material/devices:")
        else:
            st.info(t(f"notice_{n.code}", lang), icon=":material/info:")


_NONE = object()


def _answered(step: flow.Step, value: Any, lang: str) -> None:
    with st.chat_message("assistant"):
        st.markdown(step.text(lang))
    with st.chat_message("user"):
        st.text(describe.answer(step, value, lang))
        st.button(t("edit", lang), key=f"edit-{step.key}", on_click=_on_edit, args=(step.key,),
                  type="tertiary", icon=":material/edit:", help=t("edit_help", lang))


def _ask(svc: ConversationService, s: ChatState, step: flow.Step, all_steps: list[flow.Step]) -> None:
    lang, q = svc.lang, step.question
    n, total = flow.progress(svc.q, s.answers, at=step.key)
    changing = bool(s.editing) and step.key in s.answers
    with st.container(key=ASKED), st.chat_message("assistant"):
        st.caption(t("progress", lang, n=n, total=total))
        st.progress(min(1.0, (n - 1) / max(total, 1)))
        st.markdown(step.text(lang))
        if q.help:
            with st.expander(t("why", lang)):
                st.markdown(q.help.get(lang))
        if changing:
            st.text(t("current_answer", lang, answer=describe.answer(step, s.answers[step.key], lang)))
            edits.replies_note(svc.q, s.answers, step, lang)
        current = s.answers.get(step.key) if s.editing else None
        preview = (lambda value: edits.selection_note(svc.q, s.answers, step, value, lang)) if changing else None
        replies.quick_replies(step, lang, f"pick-{step.key}-{s.nonce}", current,
                              submit=lambda key, value: _submit(svc, key, value), notice=_say, preview=preview)
        cols = st.columns(2) if (q.optional or s.editing) else None
        if q.optional:
            cols[0].button(q.skip_label.get(lang) if q.skip_label else t("skip", lang),
                           key=f"skip-{step.key}-{s.nonce}", on_click=_submit,
                           args=(svc, step.key, None))
        if s.editing:
            cols[1].button(t("keep", lang), key=f"keep-{s.nonce}", on_click=_on_keep)


def _say(reply: str) -> None:
    _state().refused = ("", reply)


def _resume_link(token: str, lang: str) -> None:
    base = re.sub(r"\?.*$", "", st.context.url or "")
    with st.expander(t("resume_title", lang), icon=":material/bookmark:"):
        st.caption(t("resume_text", lang))
        extra = f"&{language.PARAM}={lang}" if lang != "fr" else ""
        st.text(f"{base}?{TOKEN_PARAM}={token}{extra}")  # selectable, inert; st.code would send a 1.5 MB highlighter


def _finished(svc: ConversationService, s: ChatState, knowledge: Knowledge, all_steps: list[flow.Step]) -> None:
    """Results first (a phone user lands on them), then the profile and the answers, folded."""
    lang, q = svc.lang, svc.q
    first_time = s.conv.profile_revision != s.conv.revision
    try:
        profile, notices = svc.finish(s.conv)
    except ProfileError as exc:
        st.error(t("profile_error", lang, errors="\u00a0; ".join(exc.messages)))
        _transcript(all_steps, s, lang, expanded=True)
        return
    _notices(svc, notices, all_steps)
    if first_time and s.conv.profile_revision == s.conv.revision:
        scroll.to_top()
    results.render(profile, knowledge, date.today(), lang, on_new=_on_restart)
    if q.outro:  # after the strategy: where the profile and the answers are
        st.caption(q.outro.get(lang))
    # Drawn only when asked for: folded, these ~70 elements would still be sent to the phone.
    if st.toggle(t("done_title", lang), key="show-profile"):
        section = None
        for sec, name, value in summary_rows(profile, lang):
            if sec != section:
                st.markdown(f"**{sec}**")
                section = sec
            st.text(f"{name}\u00a0: {value}")
    if st.toggle(t("answers_title", lang), key="show-answers"):
        _transcript(all_steps, s, lang, expanded=True)
    if s.token:
        _link_tools(svc, s.token, lang)


def _link_tools(svc: ConversationService, token: str, lang: str) -> None:
    """The resume link, and « Supprimer mes réponses » beside it: the two things a link is for."""
    _resume_link(token, lang)
    forget.control(lang, on_delete=lambda: _on_delete(svc))


def _transcript(all_steps: list[flow.Step], s: ChatState, lang: str, expanded: bool = False) -> None:
    with st.expander(t("answers_title", lang), icon=":material/forum:", expanded=expanded):
        for step in all_steps:
            if step.key in s.answers:
                _answered(step, s.answers[step.key], lang)
