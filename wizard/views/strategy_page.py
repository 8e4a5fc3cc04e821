"""The strategy drawn with plain Streamlit elements. Reads a Strategy; computes nothing of it.

First what fits one phone screen (the networks and their role, the hours against the time
available, the next three actions, the two main downloads), then one tab per section. Source
keys become numbered notes linked to the sources list, as in the PDF (documents.citations).
"""
from __future__ import annotations

import re
from collections.abc import Callable

import streamlit as st

from wizard.documents.brief.proposal import rhythm_words
from wizard.documents.citations import NUMBERED, Citations, source_line
from wizard.formatting import hours, long_date, percent
from wizard.i18n import phrases
from wizard.strategy import Strategy
from wizard.views import charts
from wizard.views.inert import inert

_t = phrases("strategy_page")
_r = phrases("results")
SOURCES_ANCHOR = "sources"
WEEKS_PER_MONTH = 4  # the 13 weeks of the plan as three months (the last one has five)


def _c(lang: str) -> str:
    """The colon after a label: « Rythme : » in French, "Rhythm: " in English."""
    return "\u00a0: " if lang == "fr" else ": "


class Notes:
    """[KEY] in the strategy's sentences -> « [n] », linked to the numbered sources list. The
    numbers follow the Strategy's own list, so a note keeps its number whichever section shows."""

    def __init__(self, s: Strategy):
        self.citations = Citations(s.sources)
        for source in s.sources:
            self.citations.number(source.key)
        self.cited: set[int] = set()  # the numbers this page has shown so far

    def __call__(self, text: str, keys=()) -> str:
        numbered = self.citations.text(text, keys)
        for m in NUMBERED.finditer(numbered):
            self.cited.update(int(n) for n in re.split(r",[ \u00a0]", m.group(1)))
        return NUMBERED.sub(lambda m: f"[\\[{m.group(1)}\\]](#{SOURCES_ANCHOR})", numbered)


def render(s: Strategy, lang: str = "fr", downloads: Callable[[], None] | None = None,
           back: Callable[[], None] | None = None) -> None:
    note = Notes(s)
    st.header(_t("title", lang))
    if s.simulation:
        st.info(_r("simulated", lang).format(what="\u00a0; ".join(s.simulation)), icon=":material/science:")
        if back is not None:
            st.button(_r("back_to_answers", lang), on_click=back, icon=":material/undo:", key="wi-back-top")
    _summary(s, lang)
    if downloads is not None:
        downloads()
    # One section at a time, chosen like a tab: a folded or hidden section would still be sent
    # and drawn by the phone (thousands of elements); this draws only the one asked for.
    chosen = st.pills(_t("sections", lang), list(SECTIONS), default="channels", key="section",
                      format_func=lambda k: _t(f"tab_{k}", lang), width="stretch")
    if chosen:
        SECTIONS[chosen](s, lang, note)
    _sources(s, lang, note)


def _summary(s: Strategy, lang: str) -> None:
    """One phone screen: the networks and their role, the hours and the status, three actions."""
    st.markdown("\n".join(f"- **{c.label}** — {c.role}" for c in s.channels))
    w = s.workload
    st.markdown(_t("hours_line", lang).format(estimated=hours(w.estimated_hours_per_week, lang),
                                              available=hours(w.available_hours_per_week, lang),
                                              status=_t(f"status_words_{w.status}", lang)))
    actions = [t.title for week in s.plan for t in week.tasks][:3]
    if actions:
        st.markdown(f"**{_t('next_actions', lang)}**\n\n" + "\n".join(f"{i}. {a}" for i, a in enumerate(actions, 1)))


def _channels(s: Strategy, lang: str, note: Notes) -> None:
    for w in s.warnings:
        st.warning(note(w.message), icon=":material/warning:")
    st.caption(_t("score_help", lang))
    for c in s.channels:  # one card, three elements: each element costs a phone dozens of nodes
        with st.container(border=True):
            parts = c.score_parts
            rhythm = rhythm_words(c.rhythm, lang, c.rhythm_text) or ", ".join(c.rhythm_text)
            st.markdown(f"**{c.label}** — {c.role}\n\n" + ":small[" + _t("score_parts", lang).format(
                score=c.score, audience=round(parts.audience), goals=round(parts.goals),
                resources=round(parts.resources), presence=round(parts.presence)) + "]\n\n"
                + f"{_t('rhythm', lang)}{_c(lang)}{rhythm}, {hours(c.hours_per_week, lang)} {_t('per_week', lang)}")
            with st.expander(_t("why", lang)):
                st.markdown("\n".join(f"- {note(r)}" for r in c.reasons))
    if any("Cap Réseaux" in r for c in s.channels for r in c.reasons):
        st.caption(_t("appraisal_note", lang))
    if s.excluded:
        with st.expander(_t("why_not", lang)):
            _why_not(s, lang, note)


def _why_not(s: Strategy, lang: str, note: Notes) -> None:
    """Networks sharing a reason are named together, then what else each one has: each reason
    is said once, and every reason says which network it is about."""
    groups: dict[str, list] = {}
    for e in s.excluded:
        groups.setdefault(e.reasons[0], []).append(e)
    said = set(groups)
    for reason, left in groups.items():
        lines = [f"**{', '.join(f'{e.label} ({e.score}/100)' for e in left)}**{_c(lang)}{note(reason)}"]
        for e in left:
            more = [r for r in dict.fromkeys((*e.reasons[1:], *e.rest)) if r not in said]
            said.update(more)
            if more:
                lines.append(f"- {e.label}{_c(lang)}" + " ".join(note(r) for r in more))
        st.markdown("\n".join(lines))


def _workload(s: Strategy, lang: str, note: Notes) -> None:
    w = s.workload
    cols = st.columns(3)
    cols[0].metric(_t("available", lang), hours(w.available_hours_per_week, lang))
    cols[1].metric(_t("estimated", lang), hours(w.estimated_hours_per_week, lang),
                   help=f"{hours(w.low_hours_per_week, lang)} – {hours(w.high_hours_per_week, lang)}")
    cols[2].metric(_t("full_time", lang), percent(w.share_of_full_time, lang))
    if w.shared_hours_per_week:
        st.caption(_t("shared", lang).format(per=hours(w.estimated_hours_per_week - w.shared_hours_per_week, lang),
                                             shared=hours(w.shared_hours_per_week, lang), what=w.shared_label))
    if w.status != "ok":
        {"tight": st.info, "over": st.error}[w.status](_t(f"status_{w.status}", lang))
    if w.ways_out:
        st.markdown(f"**{_t('ways_out', lang)}**\n\n" + "\n".join(f"- {note(x)}" for x in w.ways_out))
    st.caption(_t("estimate_note", lang))
    with st.expander(_t("assumptions", lang)):
        st.markdown("\n".join(
            f"- **{a.label}** ({a.unit}){_c(lang)}{hours(a.low_hours, lang)} – {hours(a.high_hours, lang)}, "
            f"{_t('used', lang)} {hours(a.used_hours, lang)}. {note(a.basis, a.sources)}" for a in w.assumptions))
    if st.toggle(_t("show_chart", lang), key="chart-workload-on"):  # Plotly only when asked for
        st.plotly_chart(charts.workload_bars(s, lang), key="chart-workload", config={"displayModeBar": False})


def _plan(s: Strategy, lang: str, note: Notes) -> None:
    st.markdown(f"**{_t('maturity', lang)}**\n\n" + "\n".join(
        f"- {m.label}{_c(lang)}{f'{m.score}/5' if m.score else '—'} ({m.level}). {_t('next', lang)}{_c(lang)}{m.next_step}"
        for m in s.maturity))
    if st.toggle(_t("show_chart", lang), key="chart-radar-on"):
        st.plotly_chart(charts.maturity_radar(s, lang), key="chart-radar", config={"displayModeBar": False})
    st.markdown(f"**{_t('plan', lang)}**")
    weeks = [wk for wk in s.plan if wk.tasks]
    months = [s.plan[i:i + WEEKS_PER_MONTH] for i in range(0, 2 * WEEKS_PER_MONTH, WEEKS_PER_MONTH)]
    months.append(s.plan[2 * WEEKS_PER_MONTH:])
    for n, month in enumerate(months, 1):
        tasks = [wk for wk in month if wk in weeks]
        if not tasks:
            continue
        with st.expander(_t("month", lang).format(n=n, d=long_date(month[0].starts_on, lang)), expanded=n == 1):
            st.markdown("\n\n".join(
                f"**{_t('week', lang).format(n=wk.week, d=long_date(wk.starts_on, lang))}**\n\n"
                + "\n".join(f"- **{t.title}**{_c(lang)}{note(t.detail, t.sources)}" for t in wk.tasks)
                for wk in tasks))


def _kpis(s: Strategy, lang: str, note: Notes) -> None:
    st.markdown("\n".join(
        f"- **{k.name}**{_c(lang)}{note(k.definition, k.sources)} {_t('measure', lang)}{_c(lang)}{k.how_to_measure} "
        f"{_t('target', lang)}{_c(lang)}{k.target}" for k in s.kpis))


def _rules(s: Strategy, lang: str, note: Notes) -> None:
    st.markdown(f"**{_t('charter', lang)}**\n\n" + "\n".join(
        f"- **{c.title}**{_c(lang)}{note(c.text, c.sources)}" for c in s.charter))
    st.markdown(f"**{_t('legal', lang)}**\n\n" + "\n".join(
        f"- **{x.title}**{_c(lang)}{note(x.rule, x.sources)} → {x.action}" for x in s.legal))
    if s.not_covered:
        st.info(_t("not_covered", lang) + "\n\n" + "\n".join(f"- {x}" for x in s.not_covered), icon=":material/public:")


def _calendar(s: Strategy, lang: str, note: Notes) -> None:
    """Month by month; an event over several months is told in its first one, then named."""
    st.markdown(f"**{_t('calendar', lang)}**")
    told: set[str] = set()
    for m in s.calendar:
        if not m.events:
            continue
        lines = []
        for e in m.events:
            if e.title in told:
                lines.append(f"- {e.title} ({_t('again', lang)})")
                continue
            told.add(e.title)
            lines.append(f"- {e.title}{_c(lang)}{note(e.idea, e.sources)}"
                         + ("" if e.verified else f" ({_t('unverified', lang)})"))
        st.markdown(f"**{m.label}**\n\n" + "\n".join(lines))


def _arguments(s: Strategy, lang: str, note: Notes) -> None:
    for a in s.arguments:
        with st.expander(a.title):
            st.markdown(note(a.response))
            st.markdown("\n".join(f"- {note(e.text, e.sources)}" for e in a.evidence))


def _sources(s: Strategy, lang: str, note: Notes) -> None:
    """The sources cited in the section on screen, under their note numbers; all of them on demand
    (55 items are a few thousand nodes a phone would lay out for nothing)."""
    st.subheader(_t("sources", lang), anchor=SOURCES_ANCHOR)
    numbered = list(enumerate(note.citations.listed(), 1))
    with st.expander(_t("sources_here", lang).format(n=len(note.cited))):
        every = st.toggle(_t("all_sources", lang).format(n=len(numbered)), key="all-sources")
        shown = numbered if every else [(n, src) for n, src in numbered if n in note.cited]
        st.caption(_t("sources_intro", lang))
        if shown:
            st.markdown("\n".join(f"- \\[{n}\\] {_plain(source_line(src, lang, url=False))}"
                                    + (f" — <{src.url}>" if src.url else "") for n, src in shown))


_LINK_TEXT = re.compile(r"https?://\S+")


def _plain(text: str) -> str:
    """A source's own words (publisher, title as published) never become Markdown."""
    return inert(_LINK_TEXT.sub("", text))


SECTIONS: dict[str, Callable[[Strategy, str, Notes], None]] = {
    "channels": _channels, "workload": _workload, "plan": _plan, "kpis": _kpis, "rules": _rules,
    "calendar": _calendar, "arguments": _arguments}
