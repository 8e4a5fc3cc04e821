"""Long-lived objects shared by every browser session (built once per server process)."""
from __future__ import annotations

import os

import streamlit as st

from wizard.knowledge import Knowledge, default
from wizard.questionnaire.load import SHIPPED, load
from wizard.questionnaire.model import Questionnaire
from wizard.store import SessionStore, make_engine

DEFAULT_QUESTIONNAIRE = "diagnostic"


@st.cache_resource
def store(url: str) -> SessionStore:
    """One engine (and connection pool) per database URL, shared by every session."""
    return SessionStore(make_engine(url))


@st.cache_resource
def questionnaire(name: str | None = None) -> Questionnaire:
    name = name or os.environ.get("CAP_QUESTIONNAIRE", DEFAULT_QUESTIONNAIRE)
    return load(SHIPPED / f"{name}.yaml")


@st.cache_resource
def knowledge() -> Knowledge:
    """The knowledge base, read and checked once per server process."""
    return default()
