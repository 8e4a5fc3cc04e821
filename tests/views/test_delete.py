"""« Supprimer mes réponses » on the page (issue 14, point 1): a confirmation first, then the
conversation is gone, the page says so and offers a new diagnostic, the old link says it was
deleted, and another tab open on the link cannot write the answers back."""
from __future__ import annotations

from test_chat import db, pick, start  # noqa: F401  (db is a fixture)

from benchmarks.turn import ANSWERS

FINISHED = {**ANSWERS, "maturity_measurement": 1, "maturity_organisation": 3, "maturity_safety": 2}


def delete_button(at):
    switch = next(t for t in at.toggle if t.key == "delete-on")
    if not switch.value:
        switch.set_value(True).run()
    return next(b for b in at.button if b.key == "delete-answers")


def delete(at):
    delete_button(at)
    next(c for c in at.checkbox if c.key == "delete-sure").check().run()
    delete_button(at).click().run()
    assert not at.exception, at.exception
    return at


def said_deleted(at) -> bool:
    return any("supprimées" in w.value for w in at.warning) and any(
        b.label == "Commencer un nouveau diagnostic" for b in at.button)


def test_in_the_conversation_after_a_confirmation(db):  # noqa: F811
    token = db.create("diagnostic")
    db.save_answers(token, {"structure_name": "PIJ de Millau", "structure_kind": "pij"})
    at = start(token)
    assert delete_button(at).disabled  # nothing happens without the confirmation
    delete(at)
    assert db.load(token) is None and said_deleted(at) and "s" not in at.query_params
    assert said_deleted(start(token))  # the old link says what happened


def test_on_the_results_page(db):  # noqa: F811
    token = db.create("diagnostic")
    db.save_answers(token, FINISHED)
    at = start(token)
    assert "Votre stratégie" in [h.value for h in at.header]
    delete(at)
    assert db.load(token) is None and said_deleted(at)


def test_another_tab_cannot_write_the_answers_back(db):  # noqa: F811
    token = db.create("diagnostic")
    db.save_answers(token, {"structure_name": "PIJ de Millau", "structure_kind": "pij"})
    other = start(token)  # open on the colleague's phone
    delete(start(token))
    pick(other, "France")
    assert said_deleted(other) and db.load(token) is None
    with db.engine.connect() as conn:  # not re-created under a new link either
        assert conn.exec_driver_sql("SELECT count(*) FROM sessions").scalar() == 0
