"""Long-lived objects shared by every browser session (built once per server process)."""
from __future__ import annotations

import json
import logging
import os
from datetime import date
from pathlib import Path

import streamlit as st

from wizard.conversation import ConversationService
from wizard.engine import build_strategy
from wizard.knowledge import Knowledge, default
from wizard.profile import ProfileError, parse_profile
from wizard.questionnaire.load import SHIPPED, load
from wizard.questionnaire.model import Questionnaire
from wizard.store import SessionStore, make_engine
from wizard.store.retention import purge, retention_months
from wizard.strategy import Strategy

DEFAULT_QUESTIONNAIRE = "diagnostic"


@st.cache_resource
def _server_log() -> logging.Logger:
    """Our own records on the server's standard error (Streamlit configures only its own)."""
    logger = logging.getLogger("cap_reseaux")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    return logger


@st.cache_resource
def store(url: str) -> SessionStore:
    """One engine (and connection pool) per database URL, shared by every session, after the
    retention purge. A StoreError is not cached: the next page load tries again."""
    _server_log()
    sessions = SessionStore(make_engine(url))
    purge(sessions, retention_months())  # at start: nothing kept beyond the announced period
    return sessions


@st.cache_resource
def questionnaire(name: str | None = None) -> Questionnaire:
    name = name or os.environ.get("CAP_QUESTIONNAIRE", DEFAULT_QUESTIONNAIRE)
    return load(SHIPPED / f"{name}.yaml")


def conversation_service(store: SessionStore, questionnaire: Questionnaire, lang: str = "fr") -> ConversationService:
    return ConversationService(store, questionnaire, lang)


@st.cache_resource
def knowledge() -> Knowledge:
    """The knowledge base, read and checked once per server process."""
    return default()


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@st.cache_resource
def demo_profiles() -> dict[str, dict]:
    """The example profiles a trainer can walk a room through, by name."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))}


@st.cache_data(max_entries=1024, show_spinner=False)
def profile_strategy(profile_json: str, today: date, lang: str) -> Strategy | None:
    """A finished participant's strategy, once per stored profile (the room refreshes often)."""
    try:
        profile = parse_profile(json.loads(profile_json))
    except (ProfileError, ValueError):
        return None
    return build_strategy(profile, knowledge(), today, lang=lang)
