"""The trainer's page: create a workshop (title, full or short questionnaire, an optional demo
profile), then, from the secret trainer link (?t=…), the code, the QR code and the links, and
the controls: joining, reveal, the question shown, the demo step, close, export, delete."""
from __future__ import annotations

import io
import re
from datetime import date
from functools import partial

import segno
import streamlit as st

from wizard.i18n import phrases
from wizard.questionnaire.model import Questionnaire
from wizard.store.workshops import Workshop, WorkshopStore
from wizard.views.picture import picture
from wizard.workshop import exports

_t = phrases("workshop")
TRAINER_PARAM = "t"
QUESTIONNAIRES = {"atelier": "questionnaire_short", "diagnostic": "questionnaire_full"}  # short first: made for a workshop
DEMO_STEPS = 4  # the demo profile's answers, its networks, its workload, its first actions


def base_url() -> str:
    """The app's address as the browser sees it, without a page or a query."""
    url = re.sub(r"[?#].*$", "", st.context.url or "")
    return re.sub(r"/(atelier|formateur|salle)/?$", "", url).rstrip("/")


def render(workshops: WorkshopStore, questionnaire_of, demos: list[str], lang: str,
           knowledge=None, strategy_of=None) -> None:
    token = st.query_params.get(TRAINER_PARAM)
    if not token:
        _create(workshops, demos, lang)
        return
    w = workshops.by_trainer(token)
    if w is None:
        st.error(_t("trainer_unknown", lang), icon=":material/link_off:")
        return
    _links(w, token, lang)
    _controls(workshops, w, questionnaire_of(w.questionnaire_id), lang, knowledge, strategy_of)


def _create(workshops: WorkshopStore, demos: list[str], lang: str) -> None:
    st.header(_t("create_title", lang))
    st.caption(_t("create_help", lang))
    with st.form("create-workshop"):
        title = st.text_input(_t("title_label", lang), max_chars=120)
        qid = st.radio(_t("questionnaire_label", lang), list(QUESTIONNAIRES),
                       format_func=lambda k: _t(QUESTIONNAIRES[k], lang))
        demo = st.selectbox(_t("demo_label", lang), [None, *demos],
                            format_func=lambda d: _t("demo_none", lang) if d is None else d)
        submitted = st.form_submit_button(_t("create", lang), type="primary")
    if submitted:
        if not title.strip():
            st.error(_t("title_missing", lang))  # the form keeps what was typed
            return
        w, token = workshops.create(title.strip(), qid, demo=demo, lang=lang)
        st.query_params[TRAINER_PARAM] = token
        st.rerun()


def _links(w: Workshop, token: str, lang: str) -> None:
    base = base_url()
    join, room = f"{base}/atelier?code={w.code}", f"{base}/salle?code={w.code}"
    st.header(w.title)
    st.subheader(_t("code_title", lang).format(code=w.code))
    qr = segno.make(join, error="m")
    svg, png = io.BytesIO(), io.BytesIO()
    qr.save(svg, kind="svg", scale=8, border=2)
    qr.save(png, kind="png", scale=12, border=2)
    caption = _t("qr_caption", lang).format(code=w.code)
    picture(png.getvalue(), caption, 320)
    st.caption(caption)
    cols = st.columns(2)
    cols[0].download_button(_t("qr_png", lang), png.getvalue(), file_name=f"atelier-{w.code}.png", mime="image/png",
                            on_click="ignore")
    cols[1].download_button(_t("qr_svg", lang), svg.getvalue(), file_name=f"atelier-{w.code}.svg",
                            mime="image/svg+xml", on_click="ignore")
    st.text(_t("join_link", lang).format(url=join))
    st.text(_t("room_link", lang).format(url=room))
    with st.expander(_t("trainer_link_title", lang), icon=":material/key:"):
        st.caption(_t("trainer_link_help", lang))
        st.text(f"{base}/formateur?{TRAINER_PARAM}={token}")


def _controls(workshops: WorkshopStore, w: Workshop, q: Questionnaire, lang: str, knowledge, strategy_of) -> None:
    st.subheader(_t("controls", lang))
    if w.closed:
        st.info(_t("closed_note", lang), icon=":material/lock:")
    else:
        joining = st.toggle(_t("joining_on", lang), value=w.joining, key="ws-joining")
        revealed = st.toggle(_t("reveal", lang), value=w.revealed, key="ws-reveal")
        options = [None, *[x.id for x in q.questions if x.kind != "text" and not x.for_each]]
        shown = st.selectbox(_t("show_question", lang), options, index=options.index(w.shown) if w.shown in options else 0,
                             format_func=lambda k: _t("show_all", lang) if k is None else q.question(k).text.get(lang),
                             key="ws-shown")
        step = st.slider(_t("demo_step", lang), 0, DEMO_STEPS, w.demo_step, key="ws-demo") if w.demo else 0
        if (joining, revealed, shown, step) != (w.joining, w.revealed, w.shown, w.demo_step):
            w = workshops.set(w.id, joining=joining, revealed=revealed, shown=shown, demo_step=step)
        if st.button(_t("close", lang), icon=":material/lock:"):
            workshops.set(w.id, closed=True)
            st.rerun()
    participants = workshops.participants(w.id)
    _approvals(workshops, w, q, participants, lang)
    if knowledge is not None and strategy_of is not None:  # built when clicked, not on every rerun
        st.download_button(_t("export_pdf", lang), partial(exports.group_pdf, w, q, participants, knowledge,
                                                           strategy_of, lang, date.today()),
                           file_name=f"atelier-{w.code}-synthese.pdf" if lang != "en" else f"workshop-{w.code}-summary.pdf",
                           mime="application/pdf", on_click="ignore", icon=":material/picture_as_pdf:",
                           type="primary", key="ws-export-pdf")
    cols = st.columns(2)
    cols[0].download_button(_t("export_csv", lang), exports.as_csv(q, participants), file_name=f"atelier-{w.code}.csv",
                            mime="text/csv", on_click="ignore")
    cols[1].download_button(_t("export_json", lang), exports.as_json(q, participants),
                            file_name=f"atelier-{w.code}.json", mime="application/json", on_click="ignore")
    sure = st.checkbox(_t("delete_confirm", lang), key="ws-delete-sure")
    if st.button(_t("delete", lang), icon=":material/delete:", disabled=not sure):
        workshops.delete(w.id)
        st.query_params.clear()
        st.success(_t("deleted", lang))


def _approvals(workshops: WorkshopStore, w: Workshop, q: Questionnaire, participants, lang: str) -> None:
    """Free text is projected only once the trainer has read and approved it (shown inert)."""
    pending = [(p, x) for p in participants for x in q.questions
               if x.kind == "text" and p.answers.get(x.id) and x.id not in p.approved]
    if not pending:
        return
    with st.expander(_t("approve_title", lang), icon=":material/visibility:"):
        for n, (p, x) in enumerate(pending):
            st.text(str(p.answers[x.id]))
            if st.button(_t("approve", lang), key=f"ws-approve-{p.session_id}-{x.id}-{n}"):
                workshops.approve(w.id, p.session_id, x.id)
                st.rerun()
