"""The progress never goes back, and an edit knows what it would drop (flow.progress, flow.dropped)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.questionnaire import flow
from wizard.questionnaire.choices import choices
from wizard.questionnaire.fields import resolve
from wizard.questionnaire.load import SHIPPED, load

SHIPPED_FILES = ("diagnostic.yaml", "atelier.yaml")
Q = load(SHIPPED / "diagnostic.yaml")


def values_of(step: flow.Step) -> st.SearchStrategy:
    """Any answer a person can give at `step` with the quick replies (None = skipped)."""
    q = step.question
    options = [c.value for c in choices(q)]
    if q.kind in ("single", "scale"):
        drawn = st.sampled_from(options)
    elif q.kind in ("multi", "ranked"):
        drawn = st.lists(st.sampled_from(options), unique=True, min_size=0 if q.optional else 1,
                         max_size=q.max_choices or len(options))
    elif q.kind == "number":
        lowest = q.min if q.min is not None else 0
        numbers = [v for v in (*q.suggestions, lowest, 1) if v >= lowest]
        if resolve(q.field).shape == "int":
            numbers = [int(v) for v in numbers if float(v).is_integer()]
        drawn = st.sampled_from(numbers)
    else:
        drawn = st.just("Une structure")
    return st.one_of(st.none(), drawn) if q.optional else drawn


def walk(q, data) -> list[tuple[int, int]]:
    answers: dict = {}
    shown = []
    for _ in range(200):
        step = flow.current(q, answers)
        if step is None:
            return shown
        shown.append(flow.progress(q, answers))
        answers = flow.answer(q, answers, step.key, data.draw(values_of(step), label=step.key))
    raise AssertionError("the conversation did not end")


@pytest.mark.parametrize("name", SHIPPED_FILES)
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_shown_fraction_never_goes_down_as_answers_are_added(name, data):
    q = load(SHIPPED / name)
    shown = walk(q, data)
    fractions = [n / total for n, total in shown]
    assert fractions == sorted(fractions), shown
    assert [total for _, total in shown] == sorted((total for _, total in shown), reverse=True), shown
    assert all(1 <= n <= total for n, total in shown)
    assert shown[-1][0] == shown[-1][1]  # the last question asked is « n sur n »


def test_the_total_starts_at_every_question_and_comes_down_to_those_that_apply():
    assert flow.progress(Q, {}) == (1, len(Q.questions))  # a repeated question counts once
    answers = {"structure_name": None, "structure_kind": "pij", "structure_country": "autre"}
    assert flow.progress(Q, answers) == (4, len(Q.questions) - 1)  # no territory outside the four countries
    answers |= {"structure_parent_body": "commune", "structure_youth_per_year": None, "structure_staff": None,
                "current_channels": ["facebook", "instagram"]}
    n, total = flow.progress(Q, answers)
    assert (n, total) == (8, len(Q.questions) - 1)  # the per-channel questions do not add to the total
    both = flow.answer(Q, answers, "presence_followers.facebook", 100)
    assert flow.progress(Q, both) == (n, total)  # the second channel: the same question number
    none = flow.answer(Q, answers, "current_channels", [])
    assert flow.progress(Q, none)[1] == total - 4  # no followers, posts, replies or statistics to ask


def test_the_place_of_an_answer_being_changed():
    answers = {"structure_name": None, "structure_kind": "pij", "structure_country": "fr",
               "structure_territory": "rural", "structure_parent_body": "commune"}
    assert flow.progress(Q, answers, at="structure_country") == (3, len(Q.questions))
    assert flow.progress(Q, answers, at="unknown") == flow.progress(Q, answers)


def test_dropped_names_the_answers_a_new_value_would_remove():
    answers = {"structure_name": None, "structure_kind": "pij", "structure_country": "fr",
               "structure_territory": "rural", "structure_parent_body": "commune", "structure_youth_per_year": None,
               "structure_staff": None, "current_channels": ["facebook", "instagram"],
               "presence_followers.facebook": 10, "presence_followers.instagram": 20,
               "presence_posts.facebook": 1, "presence_posts.instagram": 2}
    assert flow.dropped(Q, answers, "structure_country", "autre") == ["structure_territory"]
    assert flow.dropped(Q, answers, "structure_country", "be") == []
    assert flow.dropped(Q, answers, "current_channels", ["facebook"]) == [
        "presence_followers.instagram", "presence_posts.instagram"]
    assert flow.dropped(Q, answers, "current_channels", ["facebook", "instagram", "tiktok"]) == []
    assert flow.dropped(Q, answers, "structure_kind", "bij") == []
