"""wizard.conversation: the app's own save path, on SQLite and PostgreSQL (db_url runs each test on both)."""
from __future__ import annotations

import pytest

from wizard.conversation import ConversationService, LinkProblem
from wizard.questionnaire import flow
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import SessionStore, new_token

Q = load(SHIPPED / "diagnostic.yaml")


@pytest.fixture
def svc(store):
    return ConversationService(store, Q)


def codes(notices):
    return [n.code for n in notices]


def test_first_answer_creates_the_stored_conversation(svc, store):
    conv = svc.start()
    assert conv.token is None
    assert svc.answer(conv, "structure_name", "PIJ de Rodez") == []
    assert conv.token is not None and conv.pending == []
    assert store.load(conv.token).answers == {"structure_name": "PIJ de Rodez"}
    assert conv.revision == 1


def test_resume_gives_the_same_answers_and_question(svc):
    conv = svc.start()
    for key, value in [("structure_name", None), ("structure_kind", "pij"), ("structure_country", "fr")]:
        svc.answer(conv, key, value)
    again = svc.resume(conv.token)
    assert again.answers == conv.answers
    assert svc.current(again).key == "structure_territory"


@pytest.mark.parametrize("token, reason", [("abc", "malformed"), ("x" * 31, "malformed"), ("é" * 40, "malformed"),
                                           (None, "malformed")])
def test_a_malformed_link_is_said_to_be_malformed(svc, token, reason):
    with pytest.raises(LinkProblem) as exc:
        svc.resume(token)
    assert exc.value.reason == reason


def test_a_well_formed_unknown_link_is_not_called_badly_copied(svc):
    with pytest.raises(LinkProblem) as exc:
        svc.resume(new_token())
    assert exc.value.reason == "unknown"
    assert exc.value.database_created is not None  # the page can say how old the database is


def test_a_link_of_another_questionnaire(svc, store):
    token = store.create("atelier-court")
    with pytest.raises(LinkProblem) as exc:
        svc.resume(token)
    assert exc.value.reason == "other_questionnaire"


def test_an_edit_removes_only_what_it_made_inapplicable(svc, store):
    conv = svc.start()
    for key, value in [("structure_name", None), ("structure_kind", "pij"), ("structure_country", "fr"),
                       ("structure_territory", "rural")]:
        svc.answer(conv, key, value)
    svc.answer(conv, "structure_country", "autre")  # no territory question outside the four countries
    assert "structure_territory" not in store.load(conv.token).answers
    assert store.load(conv.token).answers["structure_kind"] == "pij"


def test_two_devices_keep_each_others_answers(svc, store):
    phone = svc.start()
    svc.answer(phone, "structure_name", None)
    computer = svc.resume(phone.token)
    svc.answer(phone, "structure_kind", "pij")  # the computer has not seen this one
    svc.answer(computer, "structure_country", "fr")
    stored = store.load(phone.token).answers
    assert stored["structure_kind"] == "pij" and stored["structure_country"] == "fr"
    assert computer.answers["structure_kind"] == "pij"  # the computer now shows it too


def test_the_last_save_wins_and_the_other_device_is_told(svc, store):
    phone = svc.start()
    svc.answer(phone, "structure_name", None)
    svc.answer(phone, "structure_kind", "pij")
    computer = svc.resume(phone.token)
    assert codes(svc.answer(computer, "structure_kind", "bij")) == []  # the computer's save is the last one
    notices = svc.sync(phone)  # the phone's next action
    assert codes(notices) == ["changed_elsewhere"]
    assert notices[0].keys == ("structure_kind",)
    assert phone.answers["structure_kind"] == "bij"
    assert svc.sync(phone) == []  # said once


def test_answers_given_elsewhere_are_announced(svc):
    phone = svc.start()
    svc.answer(phone, "structure_name", None)
    computer = svc.resume(phone.token)
    svc.answer(computer, "structure_kind", "pij")
    svc.answer(computer, "structure_country", "fr")
    notices = svc.sync(phone)
    assert codes(notices) == ["added_elsewhere"]
    assert set(notices[0].keys) == {"structure_kind", "structure_country"}
    assert svc.current(phone).key == "structure_territory"


def test_a_deleted_session_goes_on_under_a_new_link(svc, store):
    conv = svc.start()
    svc.answer(conv, "structure_name", "PIJ de Millau")
    old = conv.token
    with store.engine.begin() as c:
        c.exec_driver_sql("DELETE FROM answers")
        c.exec_driver_sql("DELETE FROM sessions")
    assert codes(svc.sync(conv)) == ["gone"]
    assert codes(svc.answer(conv, "structure_kind", "pij")) == ["new_link"]
    assert conv.token != old
    assert store.load(conv.token).answers == {"structure_name": "PIJ de Millau", "structure_kind": "pij"}


def test_finish_stores_the_profile_once_per_revision(svc, store):
    conv = svc.start()
    answers = {"structure_name": "ML", "structure_kind": "mission_locale", "structure_country": "fr",
               "structure_territory": "rural", "structure_parent_body": "commune",
               "structure_youth_per_year": 100, "structure_staff": 3, "current_channels": [],
               "goals": ["inform"], "age_bands": ["18_25"], "groups": [], "hours_per_week": 5, "people": 1,
               "comms_in_job": None, "skills": [], "equipment": [], "budget": 0, "concerns": [], "validation_required": False,
               "own_accounts_allowed": "yes", "working_hours_only": True}
    for step in flow.steps(Q, answers):
        if step.key in answers:
            svc.answer(conv, step.key, answers[step.key])
    while (step := svc.current(conv)) is not None:
        svc.answer(conv, step.key, 3)  # the self-assessment
    profile, notices = svc.finish(conv)
    assert notices == [] and profile.goals == ["inform"]
    assert store.load(conv.token).profile["goals"] == ["inform"]
    assert conv.profile_revision == conv.revision
    svc.answer(conv, "goals", ["mobilize"])
    assert store.load(conv.token).profile is None  # changed answers: the old profile is not kept


def test_store_update_is_per_key(store: SessionStore):
    token = store.create("diagnostic")
    store.save_answers(token, {"a": 1, "b": 2})
    saved = store.update(token, lambda old: {**old, "b": 3})
    assert (saved.before, saved.after, saved.revision) == ({"a": 1, "b": 2}, {"a": 1, "b": 3}, 2)
    unchanged = store.update(token, lambda old: old)
    assert unchanged.revision == 2  # nothing written, nothing bumped
