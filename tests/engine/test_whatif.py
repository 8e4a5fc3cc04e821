"""« Et si… ? » through the engine: hours, channels imposed or ruled out (issue 12, point 4)."""
from __future__ import annotations

from conftest import TODAY, example_profile

from wizard.engine.whatif import Changes, simulate
from wizard.knowledge import default

KB = default()


def test_an_imposed_channel_is_planned_and_its_time_counted():
    p = example_profile("pij-petite-ville")
    base = simulate(p, Changes(), KB, TODAY)
    assert "linkedin" not in {c.id for c in base.channels} and base.simulation == []
    s = simulate(p, Changes(forced=("linkedin",)), KB, TODAY)
    linkedin = next(c for c in s.channels if c.id == "linkedin")
    assert linkedin.hours_per_week > 0 and "linkedin" in s.workload.by_channel
    assert s.simulation and "LinkedIn" in s.simulation[-1]
    assert "linkedin" not in {e.id for e in s.excluded}


def test_a_ruled_out_channel_is_never_planned_and_says_why():
    p = example_profile("pij-petite-ville")
    s = simulate(p, Changes(refused=("instagram", "facebook")), KB, TODAY)
    assert not {"instagram", "facebook"} & {c.id for c in s.channels}
    causes = {e.id: e.cause for e in s.excluded}
    assert causes["instagram"] == "refused" and causes["facebook"] == "refused"
    assert s.channels  # another network takes the role


def test_no_channel_is_imposed_on_children_below_its_age():
    p = example_profile("mjc-college")  # 11–14 year-olds
    s = simulate(p, Changes(forced=("tiktok",)), KB, TODAY)
    assert "tiktok" not in {c.id for c in s.channels}
    assert next(e for e in s.excluded if e.id == "tiktok").cause == "age"


def test_imposing_wins_over_ruling_out_the_same_channel():
    p = example_profile("pij-petite-ville")
    s = simulate(p, Changes(forced=("youtube",), refused=("youtube",)), KB, TODAY)
    assert "youtube" in {c.id for c in s.channels}
