"""The room view for the projector (?code=…): large type, counts that refresh on their own, and
the room's aggregates once the trainer reveals them — one question's distribution at a time
when the trainer shows one. Anonymous: counts and shares, never a participant's row; free text
only once approved. Refreshes every few seconds inside a fragment (no full rerun, no flicker)."""
from __future__ import annotations

import streamlit as st

from wizard.documents.docx.pictures import radar_png
from wizard.documents.words import STRINGS, lang_key
from wizard.formatting import hours, number, percent
from wizard.i18n import phrases
from wizard.questionnaire import describe, flow
from wizard.store.workshops import WorkshopStore
from wizard.textclean import single_line
from wizard.views.inert import inert
from wizard.views.picture import picture
from wizard.views.summary import summary_rows
from wizard.workshop import aggregates
from wizard.workshop.group_document import maturity_chart

_t = phrases("workshop")
REFRESH_SECONDS = 4
# For a projector: large type, ink on white, no sidebar nor toolbar (the trainer's page keeps them).
LARGE = ("<style>[data-testid='stMain'] :is(p, li, td, th) {font-size: 1.5rem; color: #111}"
         "[data-testid='stMetricValue'], [data-testid='stMetricValue'] p {font-size: 4rem; line-height: 1.1}"
         "[data-testid='stSidebar'], [data-testid='stExpandSidebarButton'], [data-testid='stToolbar']"
         " {display: none}</style>")


def render(workshops: WorkshopStore, questionnaire_of, strategy_of, knowledge, lang: str,
           demo_of=None) -> None:
    """`demo_of(name)` -> (profile, strategy) of a demo profile the trainer walks the room through."""
    code = st.query_params.get("code", "")
    w = workshops.by_code(code)
    if w is None:
        st.error(_t("room_unknown", lang), icon=":material/error:")
        return
    st.html(LARGE)
    st.title(f"{w.title} — {w.code}")  # h1; the room's sections are h2 (st.header)
    _live(workshops, w.id, questionnaire_of, strategy_of, knowledge, lang, demo_of)


@st.fragment(run_every=REFRESH_SECONDS)
def _live(workshops: WorkshopStore, wid: int, questionnaire_of, strategy_of, knowledge, lang: str,
          demo_of=None) -> None:
    w = workshops.by_id(wid)
    if w is None:
        st.error(_t("room_unknown", lang))
        return
    if w.demo and w.demo_step and demo_of is not None:  # the trainer walks the room through a demo
        _demo(w.demo, w.demo_step, demo_of, lang)
        return
    q = questionnaire_of(w.questionnaire_id)
    people = workshops.participants(wid)
    cols = st.columns(2)
    cols[0].metric(_t("room_joined", lang), len(people))
    cols[1].metric(_t("room_finished", lang), sum(p.finished for p in people))
    if w.closed:
        st.caption(_t("closed_note", lang))
    if not w.revealed:
        st.info(_t("room_hidden", lang), icon=":material/visibility_off:")
        return
    if not people:
        st.caption(_t("room_nobody", lang))
        return
    if w.shown:
        question = q.question(w.shown)
        st.header(question.text.get(lang))
        step = flow.Step(question.id, question)
        counts = aggregates.distribution(people, q, w.shown, lambda v: describe.answer(step, v, lang))
        _bars(counts, lang)
        return
    r = aggregates.room(people, q, knowledge, lang, strategy_of)
    for title, counts in (("room_goals", r.goals), ("room_concerns", r.concerns), ("room_hours", r.hours),
                          ("room_recommended", r.recommended)):
        if counts:
            st.header(_t(title, lang))
            _bars(counts, lang)
    if r.workload_mean is not None:
        st.markdown(_t("room_workload", lang).format(total=hours(r.workload_total, lang),
                                                     mean=hours(r.workload_mean, lang)))
    _usage(r, knowledge, lang)
    if any(m.mean is not None for m in r.maturity):  # the radar of the group PDF, as a picture
        st.header(_t("room_maturity", lang))
        chart = maturity_chart(r, _t("room_maturity", lang))
        unassessed = STRINGS[lang_key(lang)]["not_assessed"]
        alt = "\u00a0; ".join(f"{m.label} {unassessed if m.mean is None else number(m.mean, lang)}/5" for m in r.maturity)
        picture(radar_png(chart, lang, unassessed), f"{chart.title}{_c(lang)}{alt}", 640)


def _c(lang: str) -> str:
    return "\u00a0: " if lang == "fr" else ": "


def _bars(counts, lang: str) -> None:
    """A table of bars made of blocks, aligned so they compare at a glance from the back of the
    room; no chart library."""
    top = max((c.count for c in counts), default=0) or 1
    rows = [f"| {_t('bar_answer', lang)} | {_t('bar_count', lang)} |", "| :-- | :-- |"]
    rows += [f"| **{inert(single_line(c.label))}** | {'█' * max(1, round(12 * c.count / top))} {c.count} |"
             for c in counts]  # an approved free-text answer is still typed text: shown inert
    st.markdown("\n".join(rows))


def _usage(r: aggregates.Room, knowledge, lang: str) -> None:
    rows = [u for u in r.usage if u.used_by or u.audience_share]
    if not rows:
        return
    st.header(_t("room_usage", lang))
    st.markdown("\n".join("- " + _t("room_usage_row", lang).format(
        channel=u.label, used=u.used_by,
        share=percent(u.audience_share / 100, lang) if u.audience_share is not None else _t("none_yet", lang))
        + (f" ({', '.join(u.source_names)})" if u.source_names else "") for u in rows[:8]))
    st.caption(_t("room_usage_note", lang))


def _demo(name: str, step: int, demo_of, lang: str) -> None:
    """Step by step: the demo's answers, its networks, its hours, its first actions."""
    profile, strategy = demo_of(name)
    st.header(_t("room_demo", lang).format(name=name))
    st.text("\n".join(f"{label}\u00a0: {value}" for _, label, value in summary_rows(profile, lang)[:12]))
    if step >= 2 and strategy is not None:
        st.markdown("\n".join(f"- **{c.label}** — {c.role}" for c in strategy.channels))
    if step >= 3 and strategy is not None:
        w = strategy.workload
        st.markdown(f"**{hours(w.estimated_hours_per_week, lang)}** / {hours(w.available_hours_per_week, lang)}")
    if step >= 4 and strategy is not None:
        st.markdown("\n".join(f"{i}. {t.title}" for i, t in enumerate(
            [t for week in strategy.plan for t in week.tasks][:3], 1)))
