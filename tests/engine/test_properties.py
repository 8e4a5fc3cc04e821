"""Invariants of the engine over generated valid profiles (hypothesis)."""
from __future__ import annotations

from conftest import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.engine import build_strategy
from wizard.engine.situation import BAND_AGES
from wizard.knowledge import default
from wizard.profile import Profile
from wizard.vocabulary import ids

KB = default()
ORDER = {"ok": 0, "tight": 1, "over": 2}


def subset(vocab: str, min_size: int = 0, max_size: int | None = None):
    return st.lists(st.sampled_from(ids(vocab)), min_size=min_size, max_size=max_size, unique=True)


profiles = st.builds(
    lambda kind, country, presence, goals, bands, groups, hours, people, skills, equipment, concerns, validation,
    own, working, maturity: Profile.model_validate({
        "structure": {"kind": kind, "country": country},
        "presence": presence, "goals": goals,
        "audience": {"age_bands": bands, "groups": groups},
        "resources": {"hours_per_week": hours, "people": people, "skills": skills, "equipment": equipment},
        "concerns": concerns,
        "constraints": {"validation_required": validation, "own_accounts_allowed": own, "working_hours_only": working},
        "maturity": maturity}),
    st.sampled_from(ids("structure_kind")), st.sampled_from(ids("country")),
    st.dictionaries(st.sampled_from(ids("channel")),
                    st.fixed_dictionaries({"followers": st.integers(0, 50_000),
                                           "posts_per_week": st.floats(0, 20, allow_nan=False)}), max_size=4),
    subset("goal", 1, 3), subset("age_band", 1), subset("group"),
    st.floats(0, 60, allow_nan=False).map(lambda h: round(h * 2) / 2), st.integers(1, 6),
    subset("skill"), subset("equipment"), subset("concern"), st.booleans(), st.sampled_from(ids("own_accounts_allowed")),
    st.booleans(), st.dictionaries(st.sampled_from(ids("maturity_dimension")), st.integers(1, 5)),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(profiles)
def test_invariants(profile):
    s = build_strategy(profile, KB, TODAY)
    # deterministic
    assert build_strategy(profile, KB, TODAY).model_dump() == s.model_dump()
    w = s.workload
    # estimated hours within 110 % of what is available, or the status says "over"
    if w.available_hours_per_week > 0 and w.estimated_hours_per_week > 1.10 * w.available_hours_per_week:
        assert w.status == "over"
    if w.status == "over":  # with no time at all, said as such rather than as a ratio to 0 h
        code = "no_time" if w.available_hours_per_week == 0 else "overload"
        assert any(x.code == code for x in s.warnings) and w.ways_out
    # every concern has an argument (or the default set when there are none)
    concerns = set(profile.concerns) or {"time", "cost", "competition_municipal_accounts", "legal"}
    assert concerns <= {a.concern for a in s.arguments}
    # every reason is a non-empty sentence
    for c in s.channels:
        assert c.reasons and all(r.strip() for r in c.reasons)
    for e in s.excluded:
        assert e.reasons and all(r.strip() for r in e.reasons)
    # every source key cited resolves
    assert s.cited_keys() <= set(KB.sources)
    assert {r.key for r in s.sources} == s.cited_keys()
    # minimum ages: a network addresses young people directly only where they are old enough, says
    # for whom it is used otherwise, and no warning forbids what the plan recommends
    for c in s.channels:
        age = KB.channels[c.id].min_age.by_country.get(profile.structure.country, KB.channels[c.id].min_age.default)
        young = [b for b in profile.audience.age_bands if BAND_AGES[b][0] < age]
        direct = [b for b in profile.audience.age_bands if b not in young]
        audience = KB.roles.roles[c.role_id].audience if c.role_id else "youth"
        age_warnings = [x for x in s.warnings if x.code == "age_minimum" and x.channel == c.id]
        if audience != "youth":
            assert not age_warnings, c.id  # addressed to adults: nothing to forbid
            continue
        watch_only = not direct
        if watch_only:  # no band old enough: only a network watched without an account (YouTube)
            assert c.id in KB.roles.without_account, (c.id, young)
        if young:
            assert len(age_warnings) == 1, (c.id, young)
            said = age_warnings[0].message
            for b in direct:  # the warning names the bands it is used for, never forbids them
                assert KB.channels and b.replace("_", "–") in said, (c.id, said)
    # contract shapes
    assert {c.id for c in s.channels}.isdisjoint({e.id for e in s.excluded})
    assert {c.id for c in s.channels} | {e.id for e in s.excluded} == set(KB.channels)
    assert len(s.plan) == 13 and len(s.calendar) == 12
    assert all(0 <= c.score <= 100 for c in s.channels + s.excluded)
    assert [c.score for c in s.channels] == sorted((c.score for c in s.channels), reverse=True)


@SETTINGS
@given(profiles, st.floats(0.5, 40, allow_nan=False))
def test_more_hours_never_drop_what_was_kept_nor_worsen_the_status(profile, extra):
    """More hours may trade small networks for an existing community they can now hold, but never
    drop a community already kept, never leave the main goal without the role it had, and never
    make the status worse — except « tight » when a community is newly kept up to all the hours."""
    more = profile.model_copy(update={"resources": profile.resources.model_copy(
        update={"hours_per_week": min(168.0, profile.resources.hours_per_week + extra)})})
    a, b = build_strategy(profile, KB, TODAY), build_strategy(more, KB, TODAY)
    kept_a, kept_b = ({c.id for c in s.channels if c.kept_existing} for s in (a, b))
    if a.workload.status != "over":  # a plan that holds (not the smallest one forced on no time at all)
        followers = {c: p.followers for c, p in profile.presence.items()}
        for dropped in kept_a - kept_b:  # only traded for a bigger community the hours now hold
            assert any(followers[c] >= followers[dropped] for c in kept_b - kept_a), (dropped, kept_b)
    main = set(KB.roles.goals[profile.goals[0]])
    assert {c.role_id for c in a.channels} & main <= {c.role_id for c in b.channels}
    if kept_b == kept_a:
        assert ORDER[b.workload.status] <= ORDER[a.workload.status]
    else:
        assert b.workload.status != "over" or a.workload.status == "over"
