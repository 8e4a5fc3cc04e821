"""Cap Réseaux — entry point: page set-up and routing only (`streamlit run app.py`)."""
import streamlit as st

from wizard.app_resources import conversation_service, knowledge, questionnaire, store
from wizard.store import StoreError, database_url
from wizard.views import chat, faults
from wizard.views.ui_text import t

st.set_page_config(page_title=t("page_title"), page_icon="🧭", layout="centered")
try:
    service = conversation_service(store(database_url()), questionnaire())
except StoreError as exc:  # read-only folder, server down at start: said in words, logged in full
    faults.startup(exc)
    st.stop()
with faults.guard():
    chat.render(service, knowledge())
