"""A conversation without dead ends (issue 12, point 5), driven through AppTest: quick replies for
the common values and « Aucun », 0 h refused with its reason, a progress that never goes back,
an edit that keeps the later answers in view and says what it would drop, « Modifier » from the
results landing on the question."""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pytest  # noqa: E402
from test_chat import (  # noqa: E402
    BY_BUTTONS,
    Q,
    answer_until,
    answer_with_buttons,
    click,
    current_key,
    pick,
    start,
    state,
    type_text,
)

from wizard.questionnaire import describe, flow  # noqa: E402
from wizard.questionnaire.freetext import messages  # noqa: E402
from wizard.store import SessionStore, make_engine  # noqa: E402
from wizard.views import chat  # noqa: E402
from wizard.views.ui_text import t  # noqa: E402

PROGRESS = re.compile(r"^Question (\d+) sur (\d+)$")


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/chat.sqlite"
    monkeypatch.setenv("DATABASE_URL", url)
    return SessionStore(make_engine(url))


def step_of(at, key: str) -> flow.Step:
    return next(s for s in flow.steps(Q, state(at).answers) if s.key == key)


def pills_of(at, key: str):
    return next(p for p in at.pills if (p.key or "").startswith(f"pick-{key}-"))


def top_level(at) -> list:
    return list(at.main.children.values())


def said(at, key: str) -> str:
    """« question → answer », as a note on what an edit would drop names an answer."""
    s = step_of(at, key)
    return f"{s.text('fr')} → {describe.answer(s, state(at).answers[key], 'fr')}"


def test_quick_replies_cover_the_common_hours_and_people(db):
    at = answer_until(start(), "hours_per_week")
    hours = step_of(at, "hours_per_week")
    shown = pills_of(at, "hours_per_week").options
    for h in (1, 2, 4, 6, 8, 12, 16, 20, 35):
        assert describe.answer(hours, h, "fr") in shown, h
    pick(at, describe.answer(hours, 12, "fr"))
    assert state(at).answers["hours_per_week"] == 12
    shown = pills_of(at, "people").options
    assert {"1", "2", "3", "4", "5"} <= set(shown)
    pick(at, "4")
    assert state(at).answers["people"] == 4


def test_an_explicit_none_where_the_question_mentions_it(db):
    at = answer_until(start(), "current_channels")
    question = Q.question("current_channels")
    assert "aucun" in question.text.fr.lower() and question.none_reply is not None
    none = next(b for b in at.button if (b.key or "").startswith("none-pick-current_channels-"))
    assert none.label == question.none_reply.fr
    none.click().run()
    assert state(at).answers["current_channels"] == []
    assert current_key(at) == "goals"  # no followers nor posts to ask
    assert describe.answer(step_of(at, "current_channels"), [], "fr") in [x.value for x in at.text]


def test_every_question_that_mentions_none_offers_it():
    from wizard.questionnaire.load import SHIPPED, load
    for name in ("diagnostic.yaml", "atelier.yaml"):
        for q in load(SHIPPED / name).questions:
            if re.search(r"«\s*aucun", q.text.fr, re.IGNORECASE):
                assert q.none_reply is not None and q.kind == "multi" and q.optional, (name, q.id)


def test_zero_hours_is_refused_with_its_reason(db):
    at = answer_until(start(), "hours_per_week")
    type_text(at, "0")
    assert "hours_per_week" not in state(at).answers
    assert state(at).refused[1] == messages.render("hours_none", {"lo": Q.question("hours_per_week").min}, "fr")
    type_text(at, "pas le temps")
    assert "hours_per_week" not in state(at).answers and state(at).refused is not None
    type_text(at, "1")
    assert state(at).answers["hours_per_week"] == 1


def test_editing_keeps_the_later_answers_in_view_and_says_what_it_would_drop(db):
    at = answer_until(start(), "hours_per_week")
    later = said(at, "structure_territory")
    click(at, "Modifier", "edit-structure_country")
    assert current_key(at) == "structure_country"
    earlier = next(e for e in at.expander if e.label == t("earlier_answers", "fr", n=2))
    assert not earlier.proto.expanded  # what came before is folded
    blocks = top_level(at)
    asked = next(i for i, b in enumerate(blocks) if getattr(b, "key", None) == chat.ASKED
                 or b.type == "flex_container" and any(PROGRESS.match(c.value) for c in b.caption))
    after = [b for b in blocks[asked + 1:] if b.type == "chat_message"]
    answers_after = [x.value for b in after for x in b.text]
    for key in ("structure_parent_body", "current_channels", "goals", "age_bands"):
        assert describe.answer(step_of(at, key), state(at).answers[key], "fr") in answers_after, key
    # « Autre pays » would drop the territory: said under the question, before it is chosen
    notes = [b for b in blocks[asked].warning]
    assert len(notes) == 1 and later in [x.value for x in blocks[asked].text]
    pick(at, "Belgique")  # keeps the territory
    assert state(at).answers["structure_territory"] == "rural"

    click(at, "Modifier", "edit-structure_kind")  # nothing depends on the kind
    assert t("edit_drops_nothing", "fr") in [c.value for c in at.caption] and not at.warning
    click(at, "Garder ma réponse actuelle")

    click(at, "Modifier", "edit-current_channels")  # a selection being made: what « Valider » would drop
    gone = [said(at, "presence_followers.instagram"), said(at, "presence_posts.instagram")]
    pills_of(at, "current_channels").set_value(["Facebook"]).run()
    assert at.warning and set(gone) <= {x.value for x in at.text}
    next(b for b in at.button if b.label == "Valider").click().run()
    assert "presence_followers.instagram" not in state(at).answers
    assert state(at).answers["presence_followers.facebook"] == 500


def test_modifier_from_the_results_lands_on_the_question_and_progress_never_goes_back(db):
    at = start()
    shown = []
    for _ in range(60):
        key = current_key(at)
        if key is None:
            break
        caption = next(c.value for c in at.caption if PROGRESS.match(c.value))
        n, total = map(int, PROGRESS.match(caption).groups())
        shown.append(n / total)
        answer_with_buttons(at, BY_BUTTONS[key])
    assert shown == sorted(shown) and shown[-1] == 1  # the bar never moves backwards
    assert any(h.value == "Votre stratégie" for h in at.header)
    next(tg for tg in at.toggle if tg.key == "show-answers").set_value(True).run()  # the transcript, on demand
    click(at, "Modifier", "edit-structure_kind")  # from the transcript at the bottom of the results
    assert state(at).editing == "structure_kind"
    blocks = top_level(at)
    first = next(i for i, b in enumerate(blocks) if b.type in ("chat_message", "flex_container") and
                 any(m.markdown and m.markdown[0].value == step_of(at, "structure_kind").text("fr")
                     for m in ([b] if b.type == "chat_message" else b.chat_message)))
    assert not [b for b in blocks[:first] if b.type == "chat_message"]  # the question comes first
    earlier = [b for b in blocks[:first] if b.type == "expander"]
    assert earlier and not earlier[0].proto.expanded  # the answer before it is folded
    scripts = [h.proto.body for h in at.get("html")]
    assert any(f"st-key-{chat.ASKED}" in body and "scrollIntoView" in body for body in scripts)
    assert not any(h.value == "Votre stratégie" for h in at.header)
    pick(at, "Centre social")
    assert state(at).answers["structure_kind"] == "centre_social"
    assert any(h.value == "Votre stratégie" for h in at.header)  # back to the results


def test_the_goals_show_their_order_and_confirm_before_the_choices(db):
    """On a phone the chat box covers the bottom: the order and « Valider » come above the pills
    (tests/e2e/test_chat_phone.py measures it in chromium)."""
    at = answer_until(start(), "goals")
    block = next(b for b in top_level(at) if b.type == "flex_container" and b.pills)
    message = block.chat_message[0]
    order = [type(el).__name__ for el in message.children.values()]
    assert order.index("Button") < order.index("ButtonGroup"), order


def test_a_question_asked_mid_way_comes_with_the_later_answers_and_into_view(db):
    at = answer_until(start(), "hours_per_week")
    click(at, "Modifier", "edit-current_channels")
    pills_of(at, "current_channels").set_value(["Facebook", "Instagram", "TikTok"]).run()
    assert t("edit_drops_nothing", "fr") in [c.value for c in at.caption]  # adding a network drops nothing
    next(b for b in at.button if b.label == "Valider").click().run()
    assert current_key(at) == "presence_followers.tiktok" and not state(at).editing
    blocks = top_level(at)
    asked = next(i for i, b in enumerate(blocks) if b.type == "flex_container" and b.pills)
    later = [x.value for b in blocks[asked + 1:] if b.type == "chat_message" for x in b.text]
    assert describe.answer(step_of(at, "goals"), state(at).answers["goals"], "fr") in later
    assert any(f"st-key-{chat.ASKED}" in h.proto.body for h in at.get("html"))
