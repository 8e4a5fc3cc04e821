"""Joining a workshop from a phone: the code (typed, or in the join link), an optional pseudonym,
then the same conversation as the diagnostic, stored under the workshop. Anonymous: no name is
asked. A participant's own resume link (?s=…) comes back here, to their own conversation.

Wrong codes are counted per client address (views.client), in the database: after five, each
try waits longer, and a refresh does not reset the count."""
from __future__ import annotations

import time

import streamlit as st

from wizard.conversation import ConversationService
from wizard.i18n import phrases
from wizard.store import SessionStore
from wizard.store.attempts import Attempts, wait_after
from wizard.store.workshops import Workshop, WorkshopStore, normal_code
from wizard.views import chat
from wizard.views.client import client_address

_t = phrases("workshop")
JOINED = "workshop_joined"  # (workshop id, questionnaire id, pseudonym) of this browser session
CODE_PARAM = "code"


def render(store: SessionStore, workshops: WorkshopStore, questionnaire_of, knowledge, lang: str) -> None:
    joined = st.session_state.get(JOINED) or _resumed(store, workshops)
    if joined is None:
        _ask_code(workshops, lang)
        return
    wid, qid, pseudonym = joined
    w = workshops.by_id(wid)
    if w is not None:
        st.caption(_t("joined", lang).format(title=w.title))
    service = ConversationService(store, questionnaire_of(qid), lang, workshop_id=wid, pseudonym=pseudonym)
    chat.render(service, knowledge)


def _resumed(store: SessionStore, workshops: WorkshopStore):
    """A participant's resume link: their own conversation, under its workshop."""
    token = st.query_params.get(chat.TOKEN_PARAM)
    stored = store.load(token) if token else None
    if stored is None or stored.workshop_id is None:
        return None
    joined = (stored.workshop_id, stored.questionnaire_id, stored.pseudonym)
    st.session_state[JOINED] = joined
    return joined


def _ask_code(workshops: WorkshopStore, lang: str) -> None:
    st.header(_t("join_title", lang))
    with st.form("join-workshop"):
        typed = st.text_input(_t("code_label", lang), value=st.query_params.get(CODE_PARAM, ""), max_chars=12)
        pseudonym = st.text_input(_t("pseudonym_label", lang), max_chars=60, help=_t("pseudonym_help", lang))
        go = st.form_submit_button(_t("join", lang), type="primary")
    if not go:
        return
    w, problem = _check(workshops, typed, lang)
    if problem:
        st.error(problem, icon=":material/error:")  # the form keeps what was typed
        return
    st.session_state.pop(chat.STATE, None)  # a new conversation, not one from the diagnostic page
    st.session_state[JOINED] = (w.id, w.questionnaire_id, pseudonym.strip() or None)
    st.query_params.pop(chat.TOKEN_PARAM, None)
    st.rerun()


def _check(workshops: WorkshopStore, typed: str, lang: str) -> tuple[Workshop | None, str | None]:
    client, attempts = client_address(), Attempts(workshops.sessions, "code")
    wait = attempts.wait(client)
    if wait:
        time.sleep(wait)  # slowed down on the server: the next try costs this much, whatever the page
    code = normal_code(typed)
    w = workshops.by_code(typed) if code else None
    if w is None:
        failures = attempts.failed(client)
        shown = typed.strip()[:12]
        message = _t("code_unknown" if code else "code_malformed", lang).format(code=shown)
        if wait_after(failures):
            message += " " + _t("slowed", lang).format(seconds=int(wait_after(failures)))
        return None, message
    if w.closed:
        return None, _t("code_closed", lang).format(title=w.title)
    if not w.joining:
        return None, _t("code_not_open", lang).format(title=w.title)
    return w, None
