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
from wizard.engine import build_strategy
from wizard.formatting import hours as fmt_hours
from wizard.i18n import lookup
from wizard.knowledge import Knowledge
from wizard.profile import Profile
from wizard.views import charts, strategy_page
from wizard.vocabulary import ids, label

T = {
    "whatif": {"fr": "Et si…\u00a0? Testez d’autres hypothèses", "en": "What if…? Try other assumptions"},
    "whatif_help": {"fr": "Ces réglages ne modifient pas vos réponses enregistrées\u00a0: ils recalculent la stratégie pour comparer.",
                    "en": "These settings do not change your saved answers: they recompute the strategy for comparison."},
    "hours": {"fr": "Heures par semaine", "en": "Hours a week"},
    "durations": {"fr": "Ajuster les durées estimées", "en": "Adjust the estimated durations"},
    "durations_help": {"fr": "Aucune étude ne publie le temps d’une publication ou d’une vidéo\u00a0: ces durées sont des hypothèses de travail, au milieu de leur fourchette. Remplacez-les par votre expérience.",
                       "en": "No study publishes the time a post or a video takes: these durations are working assumptions, at the middle of their range. Replace them with your experience."},
    "skills": {"fr": "Compétences de l’équipe", "en": "Team skills"},
    "goal": {"fr": "Objectif principal", "en": "Main goal"},
    "simulated": {"fr": "Simulation affichée (différente de vos réponses)\u00a0: {what}.", "en": "Simulation shown (different from your answers): {what}."},
    "reset": {"fr": "Revenir à mes réponses", "en": "Back to my answers"},
    "charts": {"fr": "En un coup d’œil", "en": "At a glance"},
    "downloads": {"fr": "Télécharger", "en": "Download"},
    "strategy_pdf": {"fr": "Stratégie (PDF)", "en": "Strategy (PDF)"},
    "brief_pdf": {"fr": "Note aux élus (PDF)", "en": "Note for officials (PDF)"},
    "strategy_docx": {"fr": "Stratégie (Word)", "en": "Strategy (Word)"},
    "brief_docx": {"fr": "Note aux élus (Word)", "en": "Note for officials (Word)"},
    "profile_json": {"fr": "Profil (JSON)", "en": "Profile (JSON)"},
    "strategy_json": {"fr": "Stratégie (JSON)", "en": "Strategy (JSON)"},
    "data": {"fr": "Données (JSON)", "en": "Data (JSON)"},
    "downloads_note": {"fr": "Les documents reprennent la stratégie affichée\u00a0; une simulation y est signalée comme telle.",
                       "en": "Documents follow the strategy shown; a simulation is marked as such in them."},
}


def _t(key: str, lang: str) -> str:
    return lookup(T, key, lang)


def what_if(profile: Profile, *, hours: float | None = None, skills: list[str] | None = None,
            first_goal: str | None = None) -> Profile:
    """A copy of the profile with other hours, skills or first goal (pure; the original is untouched)."""
    resources = profile.resources.model_copy(update={
        k: v for k, v in (("hours_per_week", hours), ("skills", skills)) if v is not None})
    goals = profile.goals
    if first_goal is not None and first_goal != goals[0]:
        goals = ([first_goal] + [g for g in goals if g != first_goal])[: max(3, len(goals))]
    return Profile.model_validate({**profile.model_dump(), "resources": resources.model_dump(), "goals": goals})


def render(profile: Profile, knowledge: Knowledge, today: date, lang: str = "fr") -> None:
    _results(profile.model_dump_json(), knowledge, today, lang)


@st.fragment
def _results(profile_json: str, knowledge: Knowledge, today: date, lang: str) -> None:
    base = Profile.model_validate_json(profile_json)
    key = hashlib.sha256(profile_json.encode()).hexdigest()[:12]  # an edited answer resets the controls
    with st.expander(_t("whatif", lang), icon=":material/tune:"):
        st.caption(_t("whatif_help", lang))
        steps = sorted({x / 2 for x in range(0, 121)} | {float(base.resources.hours_per_week)})
        hours = st.select_slider(_t("hours", lang), options=steps, value=float(base.resources.hours_per_week),
                                 format_func=lambda h: fmt_hours(h, lang), key=f"wi-hours-{key}")
        skills = st.multiselect(_t("skills", lang), ids("skill"), default=base.resources.skills,
                                format_func=lambda s: label("skill", s, lang), key=f"wi-skills-{key}")
        goal = st.selectbox(_t("goal", lang), ids("goal"), index=ids("goal").index(base.goals[0]),
                            format_func=lambda g: label("goal", g, lang), key=f"wi-goal-{key}")
    durations = _durations(knowledge, key, lang)
    profile = what_if(base, hours=hours, skills=list(skills), first_goal=goal)
    changes = _changes(base, profile, lang) + [
        f"{knowledge.effort[a].label.get(lang)} = {fmt_hours(h, lang)}" for a, h in durations.items()]
    if changes:
        st.info(_t("simulated", lang).format(what="\u00a0; ".join(changes)), icon=":material/science:")
    strategy = build_strategy(profile, knowledge, today, lang=lang, assumptions=durations).model_copy(
        update={"simulation": changes})

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
            options = sorted({round(m / 12, 4) for m in range(0, int(top * 12) + 1)} | {round(act.mid_hours, 4)})
            value = st.select_slider(
                f"{act.label.get(lang)} ({act.unit.get(lang)})", options=options, value=round(act.mid_hours, 4),
                format_func=lambda h: fmt_hours(h, lang), key=f"wi-effort-{aid}-{key}",
                help=f"{fmt_hours(act.low_hours, lang)} – {fmt_hours(act.high_hours, lang)}\u00a0: {act.basis.get(lang)}")
            if abs(value - act.mid_hours) > 1e-6:
                changed[aid] = value
    return changed


def _changes(base: Profile, profile: Profile, lang: str) -> list[str]:
    out = []
    if profile.resources.hours_per_week != base.resources.hours_per_week:
        out.append(f"{_t('hours', lang)} = {fmt_hours(profile.resources.hours_per_week, lang)}")
    if profile.resources.skills != base.resources.skills:
        out.append(f"{_t('skills', lang)} = {', '.join(label('skill', s, lang) for s in profile.resources.skills) or '—'}")
    if profile.goals[0] != base.goals[0]:
        out.append(f"{_t('goal', lang)} = {label('goal', profile.goals[0], lang)}")
    return out


def _downloads(strategy, profile: Profile, today: date, lang: str) -> None:
    st.subheader(_t("downloads", lang))
    name = profile.structure.name
    documents = (("strategy", "pdf"), ("brief", "pdf"), ("strategy", "docx"), ("brief", "docx"))
    for kind, fmt in documents:  # one column: the same order on a phone and on a computer
        st.download_button(
            _t(f"{kind}_{fmt}", lang), partial(export.render, kind, fmt, strategy, profile),
            file_name=export.file_name(kind, fmt, name, today, lang), mime=export.FORMATS[fmt],
            on_click="ignore", icon=":material/download:", key=f"dl-{kind}-{fmt}")
    with st.expander(_t("data", lang), icon=":material/data_object:"):
        st.download_button(
            _t("profile_json", lang), json.dumps(profile.model_dump(mode="json"), ensure_ascii=False, indent=2),
            file_name=f"profil-{export.slug(name) or 'structure'}.json", mime="application/json",
            on_click="ignore", key="dl-profile-json")
        st.download_button(
            _t("strategy_json", lang), strategy.model_dump_json(indent=2),
            file_name=f"strategie-{export.slug(name) or 'structure'}-{today.isoformat()}.json",
            mime="application/json", on_click="ignore", key="dl-strategy-json")
    st.caption(_t("downloads_note", lang))
