"""Cap Réseaux — entry point: page set-up and routing only (`streamlit run app.py`)."""
import streamlit as st

from wizard.app_resources import conversation_service, knowledge, questionnaire, store
from wizard.store import StoreError, database_url
from wizard.views import chat, faults, language
from wizard.views.ui_text import t

lang = language.current()
st.set_page_config(page_title=t("page_title", lang), page_icon="🧭", layout="centered")
language.declare(lang)
try:
    service = conversation_service(store(database_url()), questionnaire(), lang)
except StoreError as exc:  # read-only folder, server down at start: said in words, logged in full
    faults.startup(exc, lang)
    st.stop()
with faults.guard(lang):
    chat.render(service, knowledge())
