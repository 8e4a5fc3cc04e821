"""The results page in AppTest: charts, what-if controls that recompute through the engine
inside a fragment, downloads that do not rerun the page."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import example_data
from streamlit.testing.v1 import AppTest

from wizard.engine.whatif import Changes, changed_profile
from wizard.profile import parse_profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = example_data("bij-urbain")


def page(profile_data: dict) -> AppTest:
    def script(data):
        from datetime import date

        from wizard.knowledge import default
        from wizard.profile import parse_profile
        from wizard.views import results
        results.render(parse_profile(data), default(), date(2026, 11, 26))

    at = AppTest.from_function(script, args=(profile_data,), default_timeout=30).run()
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, name: str) -> str:
    return next(m.value for m in at.metric if m.label == name)


def test_charts_downloads_and_strategy_are_drawn():
    at = page(EXAMPLE)
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    specs = [json.loads(c.proto.spec) for c in charts]
    kinds = {trace["type"] for spec in specs for trace in spec["data"]}
    assert {"bar", "scatterpolar"} <= kinds
    bars = next(s for s in specs if s["data"][0]["type"] == "bar")
    assert bars["layout"]["barmode"] == "stack"
    assert any(shape.get("y0") == 9 for shape in bars["layout"]["shapes"])  # the hours-available line
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Stratégie (PDF)", "Note aux élus (PDF)", "Stratégie (Word)", "Note aux élus (Word)",
                      "Profil (JSON)", "Stratégie (JSON)"]  # the PDFs first, in one column
    assert metric(at, "Temps disponible") == "9\u00a0h"
    for button in at.get("download_button"):
        assert button.proto.ignore_rerun  # a download does not rerun the page
    documents = [b for b in at.get("download_button") if "JSON" not in b.proto.label]
    assert all(b.proto.deferred_file_id for b in documents)  # generated on click, not on every rerun


def test_what_if_hours_recomputes_the_workload():
    at = page(EXAMPLE)
    before = metric(at, "Charge estimée")
    at.select_slider[0].set_value(1.0).run()
    assert not at.exception
    assert metric(at, "Temps disponible") == "1\u00a0h"
    assert metric(at, "Charge estimée") != before
    assert any("Simulation affichée" in i.value and "1\u00a0h" in i.value for i in at.info)
    # status over with 1 h (2 h can hold one network: its monitoring and review are light)
    assert any("dépasse" in e.value for e in at.error)


def cards(at: AppTest) -> list[str]:
    """The recommended networks' card titles (« **Instagram** — … »)."""
    return [m.value.split("**")[1] for m in at.markdown if m.value.startswith("**") and " — " in m.value]


def test_what_if_first_goal_and_skills_change_the_recommendation():
    at = page(EXAMPLE)
    before = cards(at)
    assert before and "LinkedIn" not in before
    at.selectbox[0].set_value("partners").run()
    at.multiselect[0].set_value(["writing", "video", "graphic_design", "photo"]).run()
    assert not at.exception
    assert any("Objectif principal = Travailler avec les partenaires" in i.value for i in at.info)
    after = cards(at)
    assert "LinkedIn" in after  # working with partners as the main goal calls for the professional role
    assert after != before


def test_what_if_is_pure_and_lives_in_the_engine():
    from datetime import date

    from wizard.engine.whatif import simulate
    from wizard.knowledge import default
    base = parse_profile(EXAMPLE)
    other = changed_profile(base, Changes(hours=20, skills=("video",), first_goal="partners"))
    assert base.resources.hours_per_week == 9 and base.goals[0] == "inform"  # untouched
    assert other.resources.hours_per_week == 20 and other.resources.skills == ["video"]
    assert other.goals == ["partners", "inform", "answer_questions"]
    assert changed_profile(base, Changes(first_goal="mobilize")).goals == ["mobilize", "inform", "answer_questions"]
    same = simulate(base, Changes(hours=9.0, skills=tuple(base.resources.skills), first_goal="inform"), default(),
                    date(2026, 11, 26))
    assert same.simulation == []  # the answers themselves: not a simulation
    assert simulate(base, Changes(hours=20), default(), date(2026, 11, 26)).simulation == ["Heures par semaine = 20\u00a0h"]


def test_radar_draws_only_the_assessed_dimensions():
    from datetime import date

    from wizard.engine import build_strategy
    from wizard.knowledge import default
    from wizard.views.charts import maturity_radar
    data = {**EXAMPLE, "maturity": {"strategy": 2, "content": 4}}
    fig = maturity_radar(build_strategy(parse_profile(data), default(), date(2026, 11, 26)))
    trace = fig.data[0]
    assert list(trace.r) == [2, 4, 2]  # closed polygon, no zero for the dimensions not asked


def test_adjusting_an_estimated_duration_recomputes_the_workload():
    at = page(EXAMPLE)
    before = metric(at, "Charge estimée")
    story = next(s for s in at.select_slider if s.label.startswith("Story"))
    story.set_value(1.0).run()  # one hour per story instead of the assumption's 12.5 minutes
    assert not at.exception
    assert metric(at, "Charge estimée") != before
    assert any("Story = 1\u00a0h" in i.value for i in at.info)
