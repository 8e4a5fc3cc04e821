"""Cap Réseaux — entry point: page set-up and routing only (`streamlit run app.py`)."""
import streamlit as st

from wizard.app_resources import knowledge, questionnaire, store
from wizard.store import database_url
from wizard.views import chat
from wizard.views.ui_text import t

st.set_page_config(page_title=t("page_title"), page_icon="🧭", layout="centered")
chat.render(store(database_url()), questionnaire(), knowledge())
