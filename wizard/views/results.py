"""The results page: charts, what-if controls, downloads, then the strategy itself.

The what-if controls change a copy of the profile and rebuild the strategy through
the engine, inside an st.fragment: only this part of the page reruns, the
conversation and the stored answers are untouched. Documents are generated only
when their button is clicked (deferred download), never on every rerun.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import partial

import streamlit as st

from wizard.documents import export
from wizard.engine.whatif import Changes, changed_profile, simulate
from wizard.formatting import hours as fmt_hours
from wizard.i18n import phrases
from wizard.knowledge import Knowledge
from wizard.profile import Profile
from wizard.views import charts, strategy_page
from wizard.vocabulary import ids, label

_t = phrases("results")


def render(profile: Profile, knowledge: Knowledge, today: date, lang: str = "fr") -> None:
    _results(profile.model_dump_json(), knowledge, today, lang)


@st.fragment
def _results(profile_json: str, knowledge: Knowledge, today: date, lang: str) -> None:
    base = Profile.model_validate_json(profile_json)
    key = hashlib.sha256(profile_json.encode()).hexdigest()[:12]  # an edited answer resets the controls
    with st.expander(_t("whatif", lang), icon=":material/tune:"):
        st.caption(_t("whatif_help", lang))
        steps = sorted({x / 2 for x in range(121)} | {float(base.resources.hours_per_week)})
        hours = st.select_slider(_t("hours", lang), options=steps, value=float(base.resources.hours_per_week),
                                 format_func=lambda h: fmt_hours(h, lang), key=f"wi-hours-{key}")
        skills = st.multiselect(_t("skills", lang), ids("skill"), default=base.resources.skills,
                                format_func=lambda s: label("skill", s, lang), key=f"wi-skills-{key}",
                                placeholder=_t("choose", lang))  # not Streamlit's English « Choose options »
        goal = st.selectbox(_t("goal", lang), ids("goal"), index=ids("goal").index(base.goals[0]),
                            format_func=lambda g: label("goal", g, lang), key=f"wi-goal-{key}")
    durations = _durations(knowledge, key, lang)
    strategy = simulate(base, Changes(hours=hours, skills=tuple(skills), first_goal=goal, durations=durations),
                        knowledge, today, lang)
    if strategy.simulation:
        st.info(_t("simulated", lang).format(what="\u00a0; ".join(strategy.simulation)), icon=":material/science:")
    profile = changed_profile(base, Changes(hours=hours, skills=tuple(skills), first_goal=goal))

    st.subheader(_t("charts", lang))
    st.plotly_chart(charts.workload_bars(strategy, lang), key=f"chart-workload-{key}",
                    config={"displayModeBar": False})
    st.plotly_chart(charts.maturity_radar(strategy, lang), key=f"chart-radar-{key}",
                    config={"displayModeBar": False})
    _downloads(strategy, profile, today, lang)
    strategy_page.render(strategy, lang)


def _durations(knowledge: Knowledge, key: str, lang: str) -> dict[str, float]:
    """The working assumptions (hours per item), adjustable; returns only the ones changed."""
    changed: dict[str, float] = {}
    with st.expander(_t("durations", lang), icon=":material/timer:"):
        st.caption(_t("durations_help", lang))
        for aid, act in knowledge.effort.items():
            top = max(act.high_hours * 2, 1.0)
            options = sorted({round(m / 12, 4) for m in range(int(top * 12) + 1)} | {round(act.mid_hours, 4)})
            value = st.select_slider(
                f"{act.label.get(lang)} ({act.unit.get(lang)})", options=options, value=round(act.mid_hours, 4),
                format_func=lambda h: fmt_hours(h, lang), key=f"wi-effort-{aid}-{key}",
                help=f"{fmt_hours(act.low_hours, lang)} – {fmt_hours(act.high_hours, lang)}\u00a0: {act.basis.get(lang)}")
            if abs(value - act.mid_hours) > 1e-6:
                changed[aid] = value
    return changed


def _downloads(strategy, profile: Profile, today: date, lang: str) -> None:
    st.subheader(_t("downloads", lang))
    name = profile.structure.name
    documents = (("strategy", "pdf", "strategy_pdf"), ("brief", "pdf", "brief_pdf"),
                 ("strategy", "docx", "strategy_docx"), ("brief", "docx", "brief_docx"))
    for kind, fmt, name_key in documents:  # one column: the same order on a phone and on a computer
        st.download_button(
            _t(name_key, lang), partial(export.render, kind, fmt, strategy, profile),
            file_name=export.file_name(kind, fmt, name, today, lang), mime=export.FORMATS[fmt],
            on_click="ignore", icon=":material/download:", key=f"dl-{kind}-{fmt}")
    with st.expander(_t("data", lang), icon=":material/data_object:"):
        st.download_button(
            _t("profile_json", lang), json.dumps(profile.model_dump(mode="json"), ensure_ascii=False, indent=2),
            file_name=export.data_file_name("profile", name, today, lang), mime="application/json",
            on_click="ignore", key="dl-profile-json")
        st.download_button(
            _t("strategy_json", lang), strategy.model_dump_json(indent=2),
            file_name=export.data_file_name("strategy", name, today, lang),
            mime="application/json", on_click="ignore", key="dl-strategy-json")
    st.caption(_t("downloads_note", lang))
