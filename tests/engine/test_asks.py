"""What the note for elected officials asks, computed by the engine (engine/asks.py, engine/usage.py,
engine/advocacy.py): hours rounded to the half hour whose parts add up, the review date at the end
of the 90-day plan, the asks, the usage figures, and answers that only say what is true here."""
from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest
from conftest import changed_data

from wizard.engine import build_strategy
from wizard.engine.asks import half_hours
from wizard.knowledge import default
from wizard.profile import parse_profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.json"))
TODAY = date(2026, 11, 26)
KB = default()


def data(name: str) -> dict:
    return json.loads((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8"))


@cache
def strategy(name: str, lang: str = "fr"):
    return build_strategy(parse_profile(data(name)), KB, TODAY, lang=lang)


def built(name: str, **changes):
    return build_strategy(parse_profile(changed_data(name, **changes)), KB, TODAY)


def test_half_hours():
    assert [half_hours(x) for x in (0, 0.1, 0.24, 0.26, 0.74, 0.76, 1.19, 1.25, 3.98, 15.95)] == \
        [0, 0.5, 0.5, 0.5, 0.5, 1.0, 1.0, 1.0, 4.0, 16.0]


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_hours_asked_are_half_hours_whose_parts_add_up(name):
    s = strategy(name)
    t = s.decision.time
    parts = [*t.by_channel.values(), t.shared_hours_per_week]
    assert all((2 * h).is_integer() for h in [*parts, t.hours_per_week, t.low_hours_per_week, t.high_hours_per_week])
    assert sum(parts) == t.hours_per_week  # the total is the sum of the rounded parts
    assert list(t.by_channel) == [c.id for c in s.channels]
    assert t.shared_label == s.workload.shared_label and t.shared_label
    assert t.low_hours_per_week <= t.hours_per_week <= t.high_hours_per_week
    assert abs(t.hours_per_week - s.workload.estimated_hours_per_week) <= 0.25 * (len(parts))
    assert t.share_of_full_time == pytest.approx(t.hours_per_week / t.full_time_hours, abs=1e-4)
    hours = next(a for a in s.decision.asks if a.id == "hours")
    assert hours.hours_per_week == t.hours_per_week


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_review_is_at_the_end_of_the_90_day_plan(name):
    s = strategy(name)
    assert s.decision.review_on == s.plan[-1].starts_on + timedelta(weeks=1)
    assert s.decision.review_on.weekday() == 0 and (s.decision.review_on - TODAY).days <= 13 * 7 + 6
    review = next(a for a in s.decision.asks if a.id == "review")
    assert review.on == s.decision.review_on and review.kpis == [k.id for k in s.kpis[:3]]


@pytest.mark.parametrize("own", ["yes", "no", "unknown"])
def test_the_asks_follow_the_permission_to_open_accounts(own):
    s = built("pij-petite-ville", **{"constraints.own_accounts_allowed": own})
    asked = [a.id for a in s.decision.asks]
    assert asked[-4:] == ["validator", "charter", "hours", "review"]
    if own == "yes":
        assert asked == ["validator", "charter", "hours", "review"]
    else:  # already on Facebook, Instagram to open
        opened = next(a for a in s.decision.asks if a.id == "open_accounts")
        kept = next(a for a in s.decision.asks if a.id == "keep_accounts")
        assert opened.channels == ["instagram"] and kept.channels == ["facebook"]


def test_equipment_the_networks_use_is_split_into_held_and_needed():
    s = strategy("centre-social")  # YouTube: camera, microphone, editing software, computer; a smartphone held
    t = s.decision.time
    assert "pro_smartphone" in t.equipment_held and {"camera", "microphone"} <= set(t.equipment_needed)
    assert not set(t.equipment_held) & set(t.equipment_needed)


@pytest.mark.parametrize("name", EXAMPLES)
def test_usage_figures_are_the_audience_s_own_with_their_source(name):
    s, p = strategy(name), parse_profile(data(name))
    kinds = {c.id: KB.roles.roles[c.role_id].audience if c.role_id in KB.roles.roles else "youth" for c in s.channels}
    for u in s.usage:
        assert u.channel in kinds and u.sources and u.population and 0 < u.value <= 100
        if kinds[u.channel] in ("adult", "professional"):
            assert u.band == kinds[u.channel]
        else:
            assert u.band in p.audience.age_bands
    for c in s.channels:  # every youth network with a published figure for the audience has one
        if kinds[c.id] == "youth" and any(b in KB.channels[c.id].usage for b in p.audience.age_bands):
            assert any(u.channel == c.id for u in s.usage), c.id


def test_a_network_watched_without_an_account_cites_the_band_with_an_account_first():
    s = strategy("centre-social")  # YouTube for 15–17 year-olds, also watched by 11–14 year-olds
    youtube = [u.band for u in s.usage if u.channel == "youtube"]
    assert youtube[0] == "15_17"


def test_arguments_carry_their_knowledge_ids_and_the_note_s_voice():
    s = strategy("pij-petite-ville")
    by_concern = {a.concern: a for a in KB.arguments if a.use == "answer"}
    for a in s.arguments:
        k = by_concern[a.concern]
        assert a.id == k.id and a.objection == k.objection.fr and a.safeguard == k.safeguard.fr
        assert a.answer.startswith(k.answer.fr.split("{")[0]) and a.cost
        assert all(e.id for e in a.evidence) and set(a.lead) <= {e.id for e in a.evidence}
    assert [a.id for a in s.standing_arguments] == ["channels_choice", "savings", "public_neutrality"]


def test_a_cost_in_hours_is_the_plan_s_and_none_is_claimed_when_the_plan_counts_none():
    """« Le temps de modération est compté dans l'estimation » only when the workload has moderation."""
    moderation = next(a for a in KB.arguments if a.id == "moderation")
    with_comments = built("bij-urbain", concerns=["moderation"])
    assert any(i.activity == "moderation" for i in with_comments.workload.items)
    said = with_comments.arguments[0].cost
    assert said.startswith(moderation.cost.fr.split("{")[0]) and "{hours}" not in said
    without = built("mjc-college", concerns=["moderation"])  # WhatsApp conversations: no moderation item
    assert not any(i.activity == "moderation" for i in without.workload.items)
    assert without.arguments[0].cost == moderation.cost_without.fr


def test_parents_consent_is_said_only_when_the_audience_has_minors():
    adults = built("mission-locale-urbaine", concerns=["legal", "privacy"])  # 18–25, 26–30
    minors = built("centre-social", concerns=["legal", "privacy"])  # 11–14, 15–17
    assert not any("parent" in a.answer for a in adults.arguments)
    assert all("parent" in a.answer for a in minors.arguments)


def test_french_law_and_french_schemes_stay_in_france():
    qc = built("centre-communautaire-quebec", concerns=["legal", "privacy", "cost", "skills", "disconnect",
                                                        "professional_boundary"])
    said = " ".join(e.text for a in [*qc.arguments, *qc.standing_arguments, *qc.context_arguments] for e in a.evidence)
    for french in ("372-1", "CNAF", "Promeneurs du Net", "fonction publique", "15\u00a0ans"):
        assert french not in said, french
    assert "public_neutrality" not in [a.id for a in qc.standing_arguments]
    legal = next(a for a in qc.arguments if a.concern == "legal")
    assert legal.legal == ["qc_privacy_image"]  # the legal point of Québec, from the strategy's own


def test_public_neutrality_under_a_public_parent_body_only():
    for body, expected in (("commune", True), ("region", True), ("etat", True), ("association", False),
                           ("autre", False)):
        s = built("association-jeunesse", **{"structure.parent_body": body})
        assert ("public_neutrality" in [a.id for a in s.standing_arguments]) is expected, body
        assert s.decision.public_body is expected


def test_the_alternative_for_those_who_refuse_a_platform_names_the_plan_s_other_networks():
    s = built("crij-regional", concerns=["platform_ethics"])
    answer = s.arguments[0].answer
    assert "{alternative}" not in answer and all(c.label in answer for c in s.channels)
    one = built("association-jeunesse", concerns=["platform_ethics"])  # Instagram only
    assert "téléphone" in one.arguments[0].answer and "Instagram" not in one.arguments[0].answer
