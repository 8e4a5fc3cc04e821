"""The results page: a summary that fits one phone screen, the strategy in titled tabs, then
« Et si… ? » and the other downloads.

The what-if controls change a copy of the profile and rebuild the strategy through the
engine (engine.whatif), inside an st.fragment: only this part of the page reruns, the
conversation and the stored answers are untouched. The strategy is built once per answer set
and set of changes (st.cache_data); documents are generated only when their button is
clicked (deferred download), charts only when asked for.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from functools import partial

import streamlit as st

from wizard.documents import export
from wizard.engine.whatif import Changes, changed_profile, simulate
from wizard.formatting import hours as fmt_hours
from wizard.i18n import phrases
from wizard.knowledge import Knowledge
from wizard.profile import Profile
from wizard.strategy import Strategy
from wizard.views import strategy_page
from wizard.vocabulary import ids, label

_t = phrases("results")
GENERATION = "wi-generation"  # bumped by « Revenir à mes réponses »: every control starts afresh


def render(profile: Profile, knowledge: Knowledge, today: date, lang: str = "fr",
           on_new: Callable[[], None] | None = None) -> None:
    _results(profile.model_dump_json(), knowledge, today, lang)
    if on_new is not None:  # outside the fragment: a new conversation redraws the whole page
        st.button(_t("new_diagnostic", lang), on_click=on_new, icon=":material/restart_alt:",
                  help=_t("new_diagnostic_help", lang), key="new-diagnostic")


@st.cache_data(max_entries=64, show_spinner=False)
def _built(profile_json: str, changes_json: str, _knowledge: Knowledge, today: date, lang: str) -> Strategy:
    """Once per answer set and changes: a rerun of the page (a tab, a chart) costs no rebuild."""
    raw = json.loads(changes_json)
    changes = Changes(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()})
    return simulate(Profile.model_validate_json(profile_json), changes, _knowledge, today, lang)


def _strategy(profile_json: str, changes: Changes, knowledge: Knowledge, today: date, lang: str) -> Strategy:
    return _built(profile_json, json.dumps(asdict(changes), sort_keys=True), knowledge, today, lang)


@st.fragment
def _results(profile_json: str, knowledge: Knowledge, today: date, lang: str) -> None:
    base = Profile.model_validate_json(profile_json)
    key = f"{hashlib.sha256(profile_json.encode()).hexdigest()[:12]}-{st.session_state.get(GENERATION, 0)}"
    changes = _changes(base, knowledge, key)
    strategy = _strategy(profile_json, changes, knowledge, today, lang)
    profile = changed_profile(base, changes)
    main = (("strategy", "pdf", "strategy_pdf"), ("brief", "pdf", "brief_pdf"))
    strategy_page.render(strategy, lang, downloads=lambda: _downloads(strategy, profile, today, lang, main),
                         back=_back if strategy.simulation else None)
    _controls(base, knowledge, key, lang)
    with st.expander(_t("other_downloads", lang), icon=":material/download:"):
        _downloads(strategy, profile, today, lang, (("strategy", "docx", "strategy_docx"),
                                                     ("brief", "docx", "brief_docx")))
        _data(strategy, profile, today, lang)


# --- « Et si… ? » ---------------------------------------------------------------------

def _keys(key: str) -> dict[str, str]:
    return {name: f"wi-{name}-{key}" for name in ("hours", "skills", "goal", "forced", "refused")}


def _changes(base: Profile, knowledge: Knowledge, key: str) -> Changes:
    """The controls' current values (read before they are drawn: the summary comes first)."""
    k, state = _keys(key), st.session_state
    durations = {aid: state[f"wi-effort-{aid}-{key}"] for aid, act in knowledge.effort.items()
                 if f"wi-effort-{aid}-{key}" in state and abs(state[f"wi-effort-{aid}-{key}"] - act.mid_hours) > 1e-6}
    return Changes(hours=float(state.get(k["hours"], base.resources.hours_per_week)),
                   skills=tuple(state.get(k["skills"], base.resources.skills)),
                   first_goal=state.get(k["goal"], base.goals[0]), durations=durations,
                   forced=tuple(state.get(k["forced"], ())), refused=tuple(state.get(k["refused"], ())))


def _back() -> None:
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1


def _controls(base: Profile, knowledge: Knowledge, key: str, lang: str) -> None:
    """Drawn only when asked for (a folded expander would still send every slider to the
    phone); switched off, the controls are gone and the strategy is the answers' own."""
    k = _keys(key)
    if st.toggle(_t("whatif", lang), key=f"wi-on-{key}"):
        st.caption(_t("whatif_help", lang))
        # a whole number of hours in one or two gestures on a phone: type it, or − / + by one hour
        st.number_input(_t("hours", lang), min_value=0.5, max_value=168.0, step=1.0, format="%g",
                        value=float(base.resources.hours_per_week), key=k["hours"])
        channels = ids("channel")
        name = partial(label, "channel", lang=lang)
        st.multiselect(_t("force", lang), channels, default=[], format_func=name, key=k["forced"],
                       placeholder=_t("choose", lang))
        st.multiselect(_t("refuse", lang), channels, default=[], format_func=name, key=k["refused"],
                       placeholder=_t("choose", lang))
        st.multiselect(_t("skills", lang), ids("skill"), default=base.resources.skills,
                       format_func=lambda s: label("skill", s, lang), key=k["skills"],
                       placeholder=_t("choose", lang))  # not Streamlit's English « Choose options »
        st.selectbox(_t("goal", lang), ids("goal"), index=ids("goal").index(base.goals[0]),
                     format_func=lambda g: label("goal", g, lang), key=k["goal"])
        if st.toggle(_t("durations", lang), key=f"wi-durations-on-{key}"):
            _durations(knowledge, key, lang)
        st.button(_t("back_to_answers", lang), on_click=_back, icon=":material/undo:", key=f"wi-back-{key}")


def _durations(knowledge: Knowledge, key: str, lang: str) -> None:
    """The working assumptions (hours per item), adjustable."""
    st.caption(_t("durations_help", lang))
    for aid, act in knowledge.effort.items():
        top = max(act.high_hours * 2, 1.0)
        options = sorted({round(m / 12, 4) for m in range(int(top * 12) + 1)} | {round(act.mid_hours, 4)})
        st.select_slider(
            f"{act.label.get(lang)} ({act.unit.get(lang)})", options=options, value=round(act.mid_hours, 4),
            format_func=lambda h: fmt_hours(h, lang), key=f"wi-effort-{aid}-{key}",
            help=f"{fmt_hours(act.low_hours, lang)} – {fmt_hours(act.high_hours, lang)}\u00a0: {act.basis.get(lang)}")


# --- downloads ------------------------------------------------------------------------

def _downloads(strategy: Strategy, profile: Profile, today: date, lang: str, which) -> None:
    name = profile.structure.name
    for kind, fmt, name_key in which:  # one column: the same order on a phone and on a computer
        st.download_button(
            _t(name_key, lang), partial(export.render, kind, fmt, strategy, profile),
            file_name=export.file_name(kind, fmt, name, today, lang), mime=export.FORMATS[fmt],
            on_click="ignore", icon=":material/download:", key=f"dl-{kind}-{fmt}", width="stretch")


def _data(strategy: Strategy, profile: Profile, today: date, lang: str) -> None:
    name = profile.structure.name
    st.caption(_t("data", lang))
    st.download_button(
        _t("profile_json", lang), json.dumps(profile.model_dump(mode="json"), ensure_ascii=False, indent=2),
        file_name=export.data_file_name("profile", name, today, lang), mime="application/json",
        on_click="ignore", key="dl-profile-json")
    st.download_button(
        _t("strategy_json", lang), strategy.model_dump_json(indent=2),
        file_name=export.data_file_name("strategy", name, today, lang),
        mime="application/json", on_click="ignore", key="dl-strategy-json")
    st.caption(_t("downloads_note", lang))
