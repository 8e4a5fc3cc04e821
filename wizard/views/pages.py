"""The app's five pages and their routing (st.navigation): the diagnostic (the chat), joining a
workshop, running one (the trainer's secret link), the room view for the projector, and
« Vos données » (what is kept, for how long, how to delete it).
`main()` is the whole app (app.py); `standalone(name)` draws one page alone, for tests."""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import streamlit as st

from wizard.app_resources import (
    conversation_service,
    demo_profiles,
    knowledge,
    profile_strategy,
    questionnaire,
    store,
)
from wizard.i18n import phrases
from wizard.profile import parse_profile
from wizard.store import StoreError, database_url
from wizard.store.retention import retention_months
from wizard.store.workshops import WorkshopStore
from wizard.views import (
    chat,
    faults,
    language,
    privacy,
    workshop_join,
    workshop_room,
    workshop_trainer,
)
from wizard.views.ui_text import t

_nav = phrases("workshop")
_privacy = phrases("privacy")
PATHS = {"diagnostic": "diagnostic", "join": "atelier", "trainer": "formateur", "room": "salle", "data": "donnees"}
ICONS = {"diagnostic": ":material/forum:", "join": ":material/group_add:", "trainer": ":material/co_present:",
         "room": ":material/tv:", "data": ":material/shield_person:"}


def _pages(lang: str) -> dict[str, Callable[[], None]] | None:
    try:
        sessions = store(database_url())
        months = retention_months()
    except StoreError as exc:  # read-only folder, server down at start: said in words, logged in full
        faults.startup(exc, lang)
        return None
    workshops = WorkshopStore(sessions)

    def strategy_of(participant):
        return profile_strategy(json.dumps(participant.profile), date.today(), lang) if participant.profile else None

    def demo_of(name: str):
        data = demo_profiles()[name]
        return parse_profile(data), profile_strategy(json.dumps(data), date.today(), lang)

    return {
        "diagnostic": lambda: chat.render(conversation_service(sessions, questionnaire(), lang), knowledge()),
        "join": lambda: workshop_join.render(sessions, workshops, questionnaire, knowledge(), lang),
        "trainer": lambda: workshop_trainer.render(workshops, questionnaire, list(demo_profiles()), lang,
                                                   knowledge(), strategy_of),
        "room": lambda: workshop_room.render(workshops, questionnaire, strategy_of, knowledge(), lang, demo_of),
        "data": lambda: privacy.render(lang, months),
    }


def _title(name: str, lang: str) -> str:
    return _privacy("nav", lang) if name == "data" else _nav(f"nav_{name}", lang)


def _setup() -> str:
    lang = language.current()
    st.set_page_config(page_title=t("page_title", lang), page_icon="🧭", layout="centered",
                       initial_sidebar_state="collapsed")
    language.declare(lang)
    return lang


def main() -> None:
    lang = _setup()
    pages = _pages(lang)
    if pages is None:
        st.stop()
    page = st.navigation([st.Page(draw, title=_title(name, lang), icon=ICONS[name], url_path=PATHS[name],
                                  default=name == "diagnostic") for name, draw in pages.items()])
    with faults.guard(lang):
        page.run()


def standalone(name: str) -> None:
    lang = _setup()
    pages = _pages(lang)
    if pages is not None:
        with faults.guard(lang):
            pages[name]()
