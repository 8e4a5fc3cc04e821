"""Invariants of the engine over generated valid profiles (hypothesis)."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.engine import build_strategy
from wizard.engine.context import BAND_AGES
from wizard.knowledge import default
from wizard.profile import Profile
from wizard.vocabulary import ids

KB = default()
TODAY = date(2026, 11, 26)
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
    if w.status == "over":
        assert any(x.code == "overload" for x in s.warnings) and w.ways_out
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
    # no channel below its minimum age without a warning
    for c in s.channels:
        age = KB.channels[c.id].min_age.by_country.get(profile.structure.country, KB.channels[c.id].min_age.default)
        young = [b for b in profile.audience.age_bands if BAND_AGES[b][0] < age]
        assert any(BAND_AGES[b][1] >= age for b in profile.audience.age_bands), c.id
        if young:
            assert any(x.code == "age_minimum" and x.channel == c.id for x in s.warnings), (c.id, young)
    # contract shapes
    assert {c.id for c in s.channels}.isdisjoint({e.id for e in s.excluded})
    assert {c.id for c in s.channels} | {e.id for e in s.excluded} == set(KB.channels)
    assert len(s.plan) == 13 and len(s.calendar) == 12
    assert all(0 <= c.score <= 100 for c in s.channels + s.excluded)
    assert [c.score for c in s.channels] == sorted((c.score for c in s.channels), reverse=True)


@SETTINGS
@given(profiles, st.floats(0.5, 40, allow_nan=False))
def test_more_hours_never_fewer_channels_nor_worse_status(profile, extra):
    more = profile.model_copy(update={"resources": profile.resources.model_copy(
        update={"hours_per_week": min(168.0, profile.resources.hours_per_week + extra)})})
    a, b = build_strategy(profile, KB, TODAY), build_strategy(more, KB, TODAY)
    assert len(b.channels) >= len(a.channels)
    assert ORDER[b.workload.status] <= ORDER[a.workload.status]
