"""The conversation driven through Streamlit's AppTest, like a person would: quick replies,
free text, a misunderstood answer, an edit, a resume from the link."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from wizard.questionnaire import flow
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import SessionStore, make_engine

APP = str(Path(__file__).resolve().parents[2] / "app.py")
Q = load(SHIPPED / "diagnostic.yaml")


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/chat.sqlite"
    monkeypatch.setenv("DATABASE_URL", url)
    return SessionStore(make_engine(url))


def start(token: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if token:
        at.query_params["s"] = token
    at.run()
    assert not at.exception, at.exception
    return at


def state(at: AppTest):
    return at.session_state["chat_state"]


def current_key(at: AppTest) -> str | None:
    s = state(at)
    if s.editing:
        return s.editing
    step = flow.current(Q, s.answers)
    return step.key if step else None


def progress_caption(at: AppTest) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Question "))


def type_text(at: AppTest, text: str) -> AppTest:
    at.chat_input[0].set_value(text).run()
    assert not at.exception, at.exception
    return at


def pick(at: AppTest, label: str) -> AppTest:
    """Click a quick reply by its label (a scale's ends read « 1 — Jamais »: « 1 » is enough)."""
    widget, option = next((p, o) for p in at.pills for o in p.options if o == label or o.startswith(f"{label} — "))
    widget.set_value(option).run()
    assert not at.exception, at.exception
    return at


def pick_many(at: AppTest, labels: list[str], ranked: bool = False) -> AppTest:
    """Tick several pills (for a ranked question, in the order given), then « Valider »."""
    widget = next(p for p in at.pills if labels and labels[0] in p.options or not labels)
    widget.set_value(labels)
    if ranked:
        at.run()  # the click order is recorded by the pills' callback
    next(b for b in at.button if b.label == "Valider").click().run()
    assert not at.exception, at.exception
    return at


def click(at: AppTest, label: str, key_prefix: str = "") -> AppTest:
    next(b for b in at.button if b.label == label and (b.key or "").startswith(key_prefix)).click().run()
    assert not at.exception, at.exception
    return at


# Quick replies only (buttons, pills, multiselect), by question id.
BY_BUTTONS = {
    "structure_name": ("skip",),
    "structure_kind": ("pick", "Mission Locale"),
    "structure_country": ("pick", "France"),
    "structure_territory": ("pick", "Rural"),
    "structure_parent_body": ("pick", "Intercommunalité"),
    "structure_youth_per_year": ("pick", "3\u202f000"),
    "structure_staff": ("pick", "25"),
    "current_channels": ("many", ["Facebook", "Instagram"]),
    "presence_followers.facebook": ("pick", "500"),
    "presence_followers.instagram": ("pick", "200"),
    "presence_posts.facebook": ("pick", "1 par semaine"),
    "presence_posts.instagram": ("pick", "3 par semaine"),
    "goals": ("ranked", ["Assurer un suivi individuel", "Informer les jeunes"]),
    "age_bands": ("many", ["18–25\u00a0ans"]),
    "groups": ("many", ["Jeunes en insertion"]),
    "hours_per_week": ("pick", "10\u00a0h par semaine"),
    "people": ("pick", "3"),
    "comms_in_job": ("skip", "Je ne sais pas"),  # the skip of this question is called « Je ne sais pas »
    "followup_counsellors": ("pick", "2"),
    "followup_youths": ("pick", "30"),
    "skills": ("many", ["Vidéo et montage"]),
    "equipment": ("many", ["Smartphone professionnel"]),
    "budget": ("pick", "0"),  # no currency sign: the amount is in the country's currency
    "concerns": ("many", ["Le temps que cela prend", "Concurrence avec les comptes de la ville"]),
    "validation_required": ("pick", "Oui"),
    "own_accounts_allowed": ("pick", "Je ne sais pas encore"),
    "working_hours_only": ("pick", "Oui"),
    "maturity_strategy": ("pick", "2"),
    "maturity_content": ("pick", "3"),
    "maturity_interaction": ("pick", "2"),
    "maturity_measurement": ("pick", "1"),
    "maturity_organisation": ("pick", "3"),
    "maturity_safety": ("pick", "2"),
}


def answer_with_buttons(at: AppTest, how) -> AppTest:
    verb, *arg = how
    if verb == "skip":
        return click(at, arg[0] if arg else "Passer", "skip-")
    if verb == "pick":
        return pick(at, arg[0])
    return pick_many(at, arg[0], ranked=verb == "ranked")


def run_through(at: AppTest, answers: dict, answer) -> list[str]:
    asked = []
    for _ in range(60):
        key = current_key(at)
        if key is None:
            return asked
        asked.append(key)
        before = dict(state(at).answers)
        answer(at, answers[key])
        assert state(at).answers != before or key in before, f"{key}: answer not taken; notice={state(at).notice}"
    raise AssertionError("conversation did not end")


def test_whole_conversation_with_quick_replies(db):
    at = start()
    assert progress_caption(at).startswith("Question 1 sur ")
    asked = run_through(at, BY_BUTTONS, answer_with_buttons)
    assert len(asked) == 33  # 31 questions, presence asked for the 2 channels chosen
    s = state(at)
    stored = db.load(s.token)
    assert stored.answers == s.answers  # every answer is in the database
    profile = stored.profile
    assert profile["structure"]["kind"] == "mission_locale"
    assert profile["goals"] == ["individual_followup", "inform"]
    assert profile["presence"] == {"facebook": {"followers": 500, "posts_per_week": 1.0},
                                   "instagram": {"followers": 200, "posts_per_week": 3.0}}
    assert profile["resources"]["hours_per_week"] == 10
    assert profile["resources"].get("comms_in_job") is None  # « Je ne sais pas »
    assert (profile["resources"]["followup_counsellors"], profile["resources"]["followup_youths"]) == (2, 30)
    assert profile["constraints"]["validation_required"] is True
    assert profile["maturity"]["measurement"] == 1
    # the end: summary and the JSON download
    assert not at.text or all("Tutelle" not in x.value for x in at.text)  # the profile: drawn when asked for
    next(tg for tg in at.toggle if tg.label == "Votre profil").set_value(True).run()
    assert not at.chat_input  # nothing left to type: changes go through « Modifier »
    summary = "\n".join(x.value for x in at.text)  # typed text and the profile: plain text, never Markdown
    assert "Tutelle\u00a0: Intercommunalité" in summary and "10\u00a0h par semaine" in summary
    download = [el for el in at.get("download_button")]
    assert download, "no download button"
    # the strategy, built by the engine from the stored profile, drawn with plain elements
    assert any(h.value == "Votre stratégie" for h in at.header)
    assert "Sources" in [h.value for h in at.subheader]
    assert any("Pourquoi pas les autres" in e.label for e in at.expander)
    assert any("non vérifié" in w.value or "hiérarchie" in w.value for w in at.warning)  # own accounts unknown
    cards = "\n".join(m.value for m in at.markdown)
    assert "**WhatsApp** — suivi individuel" in cards or "**Snapchat** — suivi individuel" in cards
    next(p for p in at.pills if p.key == "section").set_value("workload").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Temps disponible"] == "10\u00a0h"


FREE_TEXT = {
    "structure_name": "PIJ de Saint-Affrique",
    "structure_kind": "point info jeunesse",
    "structure_country": "france",
    "structure_territory": "petite ville",
    "structure_parent_body": "la mairie",
    "structure_youth_per_year": "environ mille cinq cents",
    "structure_staff": "deux",
    "current_channels": "insta, fb et tik tok",
    "presence_followers.instagram": "1 200",
    "presence_followers.facebook": "une centaine",
    "presence_followers.tiktok": "je ne sais pas",
    "presence_posts.instagram": "3",
    "presence_posts.facebook": "1,5",
    "presence_posts.tiktok": "zéro",
    "goals": "informer, puis répondre à leurs questions",
    "age_bands": "15-17 et 18-25",
    "groups": "lycéens, étudiants",
    "hours_per_week": "deux heures et demie",
    "people": "1",
    "comms_in_job": "je ne sais pas",  # no follow-up goal: the two follow-up questions are not asked
    "skills": "canva et photo",
    "equipment": "aucun",
    "budget": "passer",
    "concerns": "temps, rgpd",
    "validation_required": "non",
    "own_accounts_allowed": "oui",
    "working_hours_only": "oui bien sûr",
    "maturity_strategy": "1",
    "maturity_content": "deux",
    "maturity_interaction": "3/5",
    "maturity_measurement": "1",
    "maturity_organisation": "4 sur 5",
    "maturity_safety": "2",
}


def test_whole_conversation_in_free_text(db):
    at = start()
    run_through(at, FREE_TEXT, type_text)
    profile = db.load(state(at).token).profile
    assert profile["structure"]["name"] == "PIJ de Saint-Affrique"
    assert profile["structure"]["kind"] == "pij"
    assert profile["structure"]["parent_body"] == "commune"
    assert profile["structure"]["youth_per_year"] == 1500
    assert list(profile["presence"]) == ["instagram", "facebook", "tiktok"]
    assert profile["presence"]["instagram"]["followers"] == 1200
    assert profile["presence"]["tiktok"] == {"followers": 0, "posts_per_week": 0.0}
    assert profile["goals"] == ["inform", "answer_questions"]
    assert profile["audience"]["age_bands"] == ["15_17", "18_25"]
    assert profile["resources"]["hours_per_week"] == 2.5
    assert profile["resources"].get("comms_in_job") is None and profile["resources"].get("followup_youths") is None
    assert profile["resources"]["skills"] == ["graphic_design", "photo"]
    assert profile["resources"]["equipment"] == []
    assert profile["concerns"] == ["time", "privacy"]
    assert profile["constraints"] == {"validation_required": False, "own_accounts_allowed": "yes",
                                      "working_hours_only": True}
    assert profile["maturity"]["organisation"] == 4


def test_not_understood_gets_a_friendly_reply_and_nothing_is_lost(db):
    at = start()
    type_text(at, "Maison des jeunes de Brest")
    pick(at, "Centre social")
    before = dict(state(at).answers)
    caption = progress_caption(at)
    type_text(at, "la lune")  # not a country
    assert state(at).answers == before
    assert progress_caption(at) == caption
    assert state(at).refused is not None
    texts = [m.text[-1].value for m in at.chat_message if m.text]
    assert "la lune" in texts  # the refused answer, quoted back as typed
    assert any("Choisissez parmi" in x and "France" in x for x in texts)
    type_text(at, "suisse")
    assert state(at).answers["structure_country"] == "ch"
    assert state(at).refused is None
    # a required question cannot be skipped
    pick(at, "Urbain")
    pick(at, "Commune")
    click(at, "Passer", "skip-")
    click(at, "Passer", "skip-")
    click(at, "Passer", "skip-")
    assert current_key(at) == "goals"
    type_text(at, "je ne sais pas")
    assert "goals" not in state(at).answers
    assert "nécessaire" in state(at).refused[1]


def test_edit_an_answer_reevaluates_conditions(db):
    at = start()
    for key in ["structure_name", "structure_kind", "structure_country", "structure_territory",
                "structure_parent_body", "structure_youth_per_year", "structure_staff", "current_channels",
                "presence_followers.facebook", "presence_followers.instagram", "presence_posts.facebook",
                "presence_posts.instagram", "goals"]:
        answer_with_buttons(at, BY_BUTTONS[key])
    assert current_key(at) == "age_bands"
    # change the channels: Instagram is dropped, TikTok added
    click(at, "Modifier", "edit-current_channels")
    assert current_key(at) == "current_channels"
    assert any("Votre réponse actuelle" in x.value for x in at.text)
    pick_many(at, ["Facebook", "TikTok"])
    answers = state(at).answers
    assert answers["current_channels"] == ["facebook", "tiktok"]
    assert "presence_followers.instagram" not in answers and "presence_posts.instagram" not in answers
    assert answers["presence_followers.facebook"] == 500  # kept
    assert answers["goals"] == ["individual_followup", "inform"]  # kept
    assert current_key(at) == "presence_followers.tiktok"  # the new question is asked
    assert db.load(state(at).token).answers == answers  # and the database agrees
    # "keep my answer" leaves everything as it was
    click(at, "Modifier", "edit-structure_kind")
    click(at, "Garder ma réponse actuelle")
    assert state(at).answers == answers and current_key(at) == "presence_followers.tiktok"
    # a change that makes a question inapplicable drops its answer
    click(at, "Modifier", "edit-structure_country")
    pick(at, "Autre pays")
    assert "structure_territory" not in state(at).answers


def test_resume_from_the_link_lands_on_the_same_question(db):
    at = start()
    type_text(at, "BIJ de Lille")
    pick(at, "Bureau Information Jeunesse (BIJ)")
    pick(at, "France")
    token = state(at).token
    assert at.query_params["s"] == token
    assert len(token) * 6 >= 128
    caption = progress_caption(at)
    # a refresh (new browser session) with the token in the URL
    again = start(token)
    assert current_key(again) == "structure_territory"
    assert progress_caption(again) == caption
    said = [m.text[0].value for m in again.chat_message if m.text]
    asked = [m.markdown[0].value for m in again.chat_message if m.markdown]
    assert "BIJ de Lille" in said
    assert any("Votre territoire" in x for x in asked)
    # the resume link is shown
    assert any(token in x.value for x in again.text)  # plain text, not st.code (no 1.5 MB highlighter)


@pytest.mark.parametrize("link, says", [("A" * 32, "ne correspond à aucun diagnostic"),
                                        ("Abc-123", "mal copié")])
def test_unknown_or_cut_link_is_refused_without_crash(db, link, says):
    at = start(link)
    assert any(says in w.value for w in at.warning)
    click(at, "Commencer un nouveau diagnostic")
    assert "s" not in at.query_params
    assert progress_caption(at).startswith("Question 1 sur")


def test_hostile_text_is_shown_inert(db):
    at = start()
    hostile = "<script>alert(1)</script> **gras** [lien](http://x) :red[rouge] $x^2$ www.evil.example 🎉 مرحبا"
    type_text(at, hostile)
    stored = db.load(state(at).token).answers["structure_name"]
    assert stored == hostile  # kept as typed
    assert hostile in [m.text[0].value for m in at.chat_message if m.text]  # shown as plain text
    assert not any("gras" in m.value for m in at.markdown)  # never through Markdown
    type_text(at, "[clic ici](https://evil.example/phish) **vite**")  # refused, and echoed back
    said = [m.text[0].value for m in at.chat_message if m.text]
    assert "[clic ici](https://evil.example/phish) **vite**" in said
    assert not any("evil" in m.value for m in at.markdown)


def answer_until(at: AppTest, stop: str) -> AppTest:
    while current_key(at) != stop:
        answer_with_buttons(at, BY_BUTTONS[current_key(at)])
    return at


def test_ranked_goals_follow_the_order_of_the_clicks(db):
    at = answer_until(start(), "goals")
    goals = next(p for p in at.pills if "Informer les jeunes" in p.options)
    goals.set_value(["Rendre la structure visible"]).run()
    goals = next(p for p in at.pills if "Informer les jeunes" in p.options)
    goals.set_value(["Informer les jeunes", "Rendre la structure visible"]).run()  # display order ≠ click order
    assert any("1. Rendre la structure visible" in m.value for m in at.markdown)
    next(b for b in at.button if b.label == "Valider").click().run()
    assert state(at).answers["goals"] == ["visibility", "inform"]


def test_editing_shows_the_question_place_and_the_current_choices(db):
    at = answer_until(start(), "age_bands")
    click(at, "Modifier", "edit-current_channels")
    n = [s.key for s in flow.steps(Q, state(at).answers)].index("current_channels") + 1
    assert progress_caption(at).startswith(f"Question {n} sur ")
    channels = next(p for p in at.pills if "Facebook" in p.options)
    assert channels.value == ["Facebook", "Instagram"]  # preselected


def test_a_deleted_session_goes_on_in_a_new_one_without_losing_answers(db):
    at = start()
    type_text(at, "PIJ de Millau")
    old = state(at).token
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM answers")
        conn.exec_driver_sql("DELETE FROM sessions")
    pick(at, "Point Information Jeunesse (PIJ)")
    assert not at.exception
    new = state(at).token
    assert new != old and at.query_params["s"] == new
    assert db.load(new).answers == {"structure_name": "PIJ de Millau", "structure_kind": "pij"}


def test_the_other_device_shows_the_winning_answer_with_a_notice(db):
    phone = start()
    type_text(phone, "PIJ de Rodez")
    pick(phone, "Point Information Jeunesse (PIJ)")
    computer = start(state(phone).token)
    click(computer, "Modifier", "edit-structure_kind")
    pick(computer, "Bureau Information Jeunesse (BIJ)")  # the computer's save is the last
    pick(phone, "France")  # the phone's next action
    assert state(phone).answers["structure_kind"] == "bij"
    assert any("autre appareil" in i.value for i in phone.info)
    assert any(x.value.startswith("Quel type de structure") and x.value.endswith("Bureau Information Jeunesse (BIJ)")
               for x in phone.text)
    assert db.load(state(phone).token).answers["structure_country"] == "fr"


def test_two_devices_on_the_same_link_do_not_erase_each_other(db):
    phone = start()
    type_text(phone, "PIJ de Rodez")
    pick(phone, "Point Information Jeunesse (PIJ)")
    token = state(phone).token
    computer = start(token)  # the same link opened on a computer, at the same question
    pick(computer, "France")
    pick(computer, "Urbain")
    pick(computer, "Commune")
    assert current_key(computer) == "structure_youth_per_year"
    pick(phone, "Belgique")  # the phone was still showing the country question
    stored = db.load(token).answers
    assert stored["structure_country"] == "be"  # the phone's latest answer
    assert stored["structure_parent_body"] == "commune"  # the computer's answers are kept
    assert stored["structure_territory"] == "urbain"


def test_the_server_says_the_length_limit_of_a_long_paste(db):
    at = answer_until(start(), "current_channels")
    type_text(at, "instagram, " * 10_000)  # 110 000 characters: not cut by the chat box, refused by the server
    assert "current_channels" not in state(at).answers
    typed, reply = state(at).refused
    assert "2\u00a0000" in reply and "110\u00a0000" in reply  # the limit and what was typed, said
    assert len(typed) < 400  # echoed shortened


def test_an_error_in_a_callback_is_said_in_french(db, monkeypatch):
    from wizard.conversation import ConversationService
    at = start()

    def broken(self, conv, key, value):
        raise RuntimeError("boom")
    monkeypatch.setattr(ConversationService, "answer", broken)
    type_text(at, "PIJ de Rodez")
    assert not at.exception
    assert any("erreur inattendue" in e.value for e in at.error)
