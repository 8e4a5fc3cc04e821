"""The strategy drawn with plain Streamlit elements. Reads a Strategy; computes nothing of it."""
from __future__ import annotations

import streamlit as st

from wizard.formatting import hours, number
from wizard.i18n import phrases
from wizard.strategy import Strategy
from wizard.views.inert import inert

_t = phrases("strategy_page")


def render(s: Strategy, lang: str = "fr") -> None:
    st.header(_t("title", lang))
    for line in s.summary:
        st.markdown(f"- {line}")
    for w in s.warnings:
        st.warning(w.message, icon=":material/warning:")

    st.subheader(_t("channels", lang))
    for c in s.channels:
        with st.container(border=True):
            st.markdown(f"**{c.label}** — {c.role}")
            cols = st.columns(2)
            cols[0].metric(_t("score", lang), f"{c.score}/100")
            cols[1].metric(_t("channel_load", lang), hours(c.hours_per_week, lang) + " / " + _t("week_short", lang))
            st.markdown(f"{_t('rhythm', lang)} ({_t('per_week', lang)})\u00a0: " + ", ".join(c.rhythm_text))
            with st.expander(_t("why", lang)):
                st.markdown("\n".join(f"- {r}" for r in c.reasons))
    with st.expander(_t("why_not", lang)):
        for e in s.excluded:
            st.markdown(f"**{e.label}** ({e.score}/100)\n\n" + "\n".join(f"- {r}" for r in e.reasons))

    st.subheader(_t("workload", lang))
    w = s.workload
    cols = st.columns(3)
    cols[0].metric(_t("available", lang), hours(w.available_hours_per_week, lang))
    cols[1].metric(_t("estimated", lang), hours(w.estimated_hours_per_week, lang),
                   help=f"{hours(w.low_hours_per_week, lang)} – {hours(w.high_hours_per_week, lang)}")
    cols[2].metric(_t("full_time", lang), f"{number(round(w.share_of_full_time * 100), lang)}\u00a0%")
    if w.shared_hours_per_week:
        st.caption(_t("shared", lang).format(per=hours(w.estimated_hours_per_week - w.shared_hours_per_week, lang),
                                             shared=hours(w.shared_hours_per_week, lang), what=w.shared_label))
    if w.status != "ok":  # "ok" is already said in the summary above
        {"tight": st.info, "over": st.error}[w.status](_t(f"status_{w.status}", lang))
    if w.ways_out:
        st.markdown(f"**{_t('ways_out', lang)}**\n\n" + "\n".join(f"- {x}" for x in w.ways_out))
    st.caption(_t("estimate_note", lang))
    with st.expander(_t("assumptions", lang)):
        st.markdown("\n".join(
            f"- **{a.label}** ({a.unit})\u00a0: {hours(a.low_hours, lang)} – {hours(a.high_hours, lang)}, "
            f"retenu {hours(a.used_hours, lang)}. {a.basis}" for a in w.assumptions))

    st.subheader(_t("arguments", lang))
    for a in s.arguments:
        with st.expander(a.title):
            st.markdown(a.response)
            st.markdown("\n".join(f"- {e.text} [{', '.join(e.sources)}]" for e in a.evidence))

    st.subheader(_t("maturity", lang))
    for m in s.maturity:
        score = f"{m.score}/5" if m.score else "—"
        st.markdown(f"**{m.label}**\u00a0: {score} ({m.level}). {_t('next', lang)}\u00a0: {m.next_step}")

    st.subheader(_t("plan", lang))
    for wk in s.plan:
        if not wk.tasks:
            continue
        with st.expander(_t("week", lang).format(n=wk.week, d=wk.starts_on.strftime("%d/%m/%Y"))):
            st.markdown("\n".join(f"- **{t.title}**\u00a0: {t.detail}" for t in wk.tasks))

    st.subheader(_t("kpis", lang))
    for k in s.kpis:
        with st.expander(k.name):
            st.markdown(f"{k.definition}\n\n**{_t('measure', lang)}**\u00a0: {k.how_to_measure}\n\n"
                        f"**{_t('target', lang)}**\u00a0: {k.target}")

    with st.expander(_t("charter", lang)):
        st.markdown("\n".join(f"- **{c.title}**\u00a0: {c.text}" for c in s.charter))
    with st.expander(_t("legal", lang)):
        st.markdown("\n".join(f"- **{x.title}**\u00a0: {x.rule} → {x.action}" for x in s.legal))
        if s.not_covered:
            st.info(_t("not_covered", lang) + "\n\n" + "\n".join(f"- {x}" for x in s.not_covered),
                    icon=":material/public:")
    with st.expander(_t("calendar", lang)):
        for m in s.calendar:
            if m.events:
                st.markdown(f"**{m.label}**\n\n" + "\n".join(
                    f"- {e.title}\u00a0: {e.idea}" + ("" if e.verified else f" ({_t('unverified', lang)})")
                    for e in m.events))
    with st.expander(_t("sources", lang)):
        st.markdown("\n".join(
            f"- **[{r.key}]** {inert(r.publisher)}, {inert(r.title)}" + (f" ({r.year})" if r.year else "")
            for r in s.sources))
