"""KPIs that fit the plan (issue 9, point 8): a KPI is listed only when a channel it measures is
recommended, and says which; a WhatsApp-only plan gets no follower, reach or impression KPI."""
from __future__ import annotations

from conftest import knowledge_problems
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.engine.sections import kpis
from wizard.engine.situation import Situation
from wizard.knowledge import default
from wizard.profile import Profile
from wizard.vocabulary import ids

KB = default()
AUDIENCE_KPIS = {"reach", "impressions", "followers_growth", "engagement_rate"}  # counted on publishing networks


def ctx_for(goals, country="fr", bands=("18_25",)) -> Situation:
    return Situation(Profile.model_validate({"structure": {"country": country}, "goals": list(goals),
                                       "audience": {"age_bands": list(bands)},
                                       "resources": {"hours_per_week": 10}}), KB)


def messaging(cid: str) -> bool:
    return KB.channels[cid].messaging


def measures(k, cid: str) -> bool:
    s = k.applies_to
    return cid in s.channels or (s.publishing and not messaging(cid)) or (s.messaging and messaging(cid))


ALL_GOALS = ids("goal")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ids("channel")), unique=True, max_size=5),
       st.lists(st.sampled_from(ALL_GOALS), unique=True, min_size=1, max_size=4))
def test_a_kpi_is_listed_only_for_a_recommended_channel_it_measures(channels, goals):
    out = kpis(ctx_for(goals), channels)
    by_id = {k.id: k for k in KB.kpis}
    listed = {k.id for k in out}
    for k in out:
        data = by_id[k.id]
        assert set(k.goals) <= set(goals) and k.goals
        # the channels it carries are recommended, measured by it, in the plan's order
        assert k.channels == [c for c in channels if measures(data, c)]
        if not data.applies_to.whole_plan:
            assert k.channels, (k.id, channels)
        else:
            assert k.channels == []
    # and none is left out: every KPI of the goals that measures a recommended channel is listed
    for data in KB.kpis:
        if set(data.goals) & set(goals) and (data.applies_to.whole_plan or any(measures(data, c) for c in channels)):
            assert data.id in listed, (data.id, channels, goals)
    # no duplicate, and every goal keeps at least one indicator when a channel is recommended
    assert len(listed) == len(out)
    if channels:
        for g in goals:
            assert any(g in k.goals for k in out), (g, channels)


def test_whatsapp_only_plan_gets_no_audience_kpi():
    out = kpis(ctx_for(["individual_followup", "inform", "visibility", "recruit", "engage_community"]), ["whatsapp"])
    got = {k.id for k in out}
    assert not got & AUDIENCE_KPIS
    assert "impressions" not in got and "reach" not in got and "followers_growth" not in got
    assert "message_volume" not in got  # per 1,000 followers: a publishing network's measure
    followup = next(k for k in out if k.id == "remote_followup_contacts")
    assert followup.channels == ["whatsapp"]
    assert {k.id for k in out if not k.channels} <= {k.id for k in KB.kpis if k.applies_to.whole_plan}


def test_no_messaging_channel_no_messaging_kpi():
    out = kpis(ctx_for(["individual_followup", "answer_questions"]), ["instagram", "facebook"])
    got = {k.id: k for k in out}
    assert "remote_followup_contacts" not in got
    assert all(not messaging(c) for k in out for c in k.channels)
    # replies on a Page or in comments are still measured, on the networks that receive them
    assert got["response_rate"].channels == ["instagram", "facebook"]


def test_channels_of_a_mixed_plan_are_split_by_kind():
    out = {k.id: k for k in kpis(ctx_for(["inform", "individual_followup", "recruit"]), ["instagram", "whatsapp"])}
    assert out["reach"].channels == ["instagram"]
    assert out["remote_followup_contacts"].channels == ["whatsapp"]
    assert out["response_time"].channels == ["instagram", "whatsapp"]
    assert out["profile_actions"].channels == ["instagram"]  # native Instagram metrics only
    assert out["visits_attributed"].channels == []  # the plan as a whole


def test_profile_actions_only_with_instagram():
    assert "profile_actions" not in {k.id for k in kpis(ctx_for(["recruit"]), ["tiktok", "facebook"])}


def test_kpis_follow_the_goal_order():
    out = kpis(ctx_for(["partners", "inform"]), ["linkedin"])
    first_inform = next(i for i, k in enumerate(out) if "partners" not in k.goals)
    assert all("partners" in k.goals for k in out[:first_inform]) and first_inform > 0


def test_every_kpi_scope_is_data():
    for k in KB.kpis:
        assert set(k.applies_to.channels) <= set(ids("channel")), k.id
    scoped = {k.id for k in KB.kpis if not k.applies_to.whole_plan}
    assert AUDIENCE_KPIS <= scoped and "remote_followup_contacts" in scoped


# --- the loader checks what the scopes mean -------------------------------------------

def problems_after(kb_copy, change) -> list[str]:
    return knowledge_problems(kb_copy, "kpis.yaml", change, by_id=True)

def test_unknown_channel_in_a_scope_is_refused(kb_copy):
    found = problems_after(kb_copy, lambda d: d["reach"].update(applies_to={"channels": ["myspace"]}))
    assert any("kpis.yaml : « reach » : réseau inconnu « myspace »" in p for p in found), found


def test_a_goal_left_without_kpi_for_a_channel_is_refused(kb_copy):
    def publishing_only(d):
        for kid in ("team_contributors", "partner_interactions"):
            d[kid]["applies_to"] = {"publishing": True}
    found = problems_after(kb_copy, publishing_only)
    assert any("« partners » : aucun indicateur pour cet objectif quand seul « whatsapp »" in p for p in found), found
