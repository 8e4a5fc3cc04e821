"""The results page in AppTest: charts, what-if controls that recompute through the engine
inside a fragment, downloads that do not rerun the page."""
from __future__ import annotations

import json
import re
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


def widget(at: AppTest, kind: str, prefix: str):
    """The what-if control whose key starts with `prefix` (keys: wi-hours-…, wi-forced-…); the
    « Et si… ? » panel is switched on first (its controls are drawn only when asked for)."""
    panel = next(t for t in at.toggle if (t.key or "").startswith("wi-on-"))
    if not panel.value:
        panel.set_value(True).run()
    return next(w for w in getattr(at, kind) if (w.key or "").startswith(prefix))


def section(at: AppTest, name: str) -> AppTest:
    """Show one section of the strategy (they are drawn one at a time)."""
    next(p for p in at.pills if p.key == "section").set_value(name).run()
    return at


KEY = re.compile(r"\[[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+(?:[,;] ?[A-Z][A-Z0-9-]*)*\]")  # [DIPLOMEO-2023], [A-1, B-2]


def page_text(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "warning", "error", "subheader", "header", "text")
    return "\n".join(el.value for k in kinds for el in getattr(at, k)) + "\n".join(e.label for e in at.expander)


def test_the_summary_comes_first_with_the_two_main_downloads():
    at = page(EXAMPLE)
    assert at.header[0].value == "Votre stratégie"
    first = at.markdown[0].value  # the networks with their role
    assert first.startswith("- **") and " — " in first
    assert any(m.value.startswith("**") and "disponibles" in m.value for m in at.markdown[:3])  # hours and status
    assert any("Vos trois prochaines actions" in m.value and "3. " in m.value for m in at.markdown[:4])
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels[:2] == ["Stratégie (PDF)", "Note aux élus (PDF)"]
    assert labels[2:] == ["Stratégie (Word)", "Note aux élus (Word)", "Profil (JSON)", "Stratégie (JSON)"]
    sections = next(p for p in at.pills if p.key == "section")
    assert sections.options == [
        "Réseaux", "Charge", "Plan", "Indicateurs", "Charte et droit", "Calendrier", "Arguments"]
    assert sections.value == "channels"
    for button in at.get("download_button"):
        assert button.proto.ignore_rerun  # a download does not rerun the page
    documents = [b for b in at.get("download_button") if "JSON" not in b.proto.label]
    assert all(b.proto.deferred_file_id for b in documents)  # generated on click, not on every rerun
    assert not at.get("json") and not at.get("code")  # no code or JSON widget unless asked for


def test_charts_are_drawn_only_when_asked_for():
    at = page(EXAMPLE)
    specs = []
    for name, key in (("workload", "chart-workload-on"), ("plan", "chart-radar-on")):
        section(at, name)
        assert not at.get("plotly_chart")  # Plotly's 4.6 MB are not sent to a phone that did not ask
        next(t for t in at.toggle if t.key == key).set_value(True).run()
        specs += [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    kinds = {trace["type"] for spec in specs for trace in spec["data"]}
    assert {"bar", "scatterpolar"} <= kinds
    bars = next(s for s in specs if s["data"][0]["type"] == "bar")
    assert bars["layout"]["barmode"] == "stack"
    assert any(shape.get("y0") == 9 for shape in bars["layout"]["shapes"])  # the hours-available line


NOTE = re.compile(r"\[\\\[(\d+(?:,\u00a0\d+)*)\\\]\]\(#sources\)")  # [\[3,\u00a07\]](#sources)
LISTED = re.compile(r"^- \\\[(\d+)\\\] (.+)$", re.MULTILINE)  # - \[3\] Publisher, title…


def notes(at: AppTest) -> set[int]:
    return {int(n) for m in NOTE.finditer(page_text(at)) for n in m.group(1).split(",\u00a0")}


def listed(at: AppTest) -> dict[int, str]:
    return {int(n): line for m in at.markdown for n, line in LISTED.findall(m.value)}


def test_citations_are_numbered_notes_and_no_internal_key_shows():
    at = page(EXAMPLE)
    text = page_text(at)
    assert not KEY.findall(text), KEY.findall(text)[:5]
    assert "Sources" in [h.value for h in at.subheader]
    cited, shown = notes(at), listed(at)
    assert cited and set(shown) == cited  # every note of the section on screen is listed, nothing else
    next(t for t in at.toggle if t.key == "all-sources").set_value(True).run()
    every = listed(at)
    assert set(every) == set(range(1, len(every) + 1)) and len(every) > len(shown)
    assert all(every[n] == shown[n] for n in shown)


def test_one_section_at_a_time_and_the_notes_keep_their_numbers():
    at = page(EXAMPLE)
    assert any(e.label.startswith("Pourquoi pas les autres") for e in at.expander)
    assert not any(e.label.startswith("Mois ") for e in at.expander)  # the plan is not drawn yet
    first = listed(at)
    section(at, "plan")
    assert any(e.label.startswith("Mois 1") for e in at.expander)
    assert sum(e.label.startswith("Mois ") for e in at.expander) <= 3  # by month, not thirteen weeks
    assert not any(e.label.startswith("Pourquoi pas les autres") for e in at.expander)
    then = listed(at)
    assert set(then) == notes(at) and set(then) != set(first)
    assert all(then[n] == first[n] for n in set(first) & set(then))  # [n] is the same source everywhere


def test_each_reason_for_leaving_a_network_out_is_said_once():
    at = page(EXAMPLE)
    why_not = next(e for e in at.expander if e.label.startswith("Pourquoi pas les autres"))
    lines = [line for m in why_not.markdown for line in m.value.split("\n") if line.strip()]
    reasons = [line.split("\u00a0: ", 1)[-1] if line.startswith("**") else line for line in lines]
    assert len(reasons) == len(set(reasons))


def test_what_if_hours_recomputes_the_workload_and_back_resets_it():
    at = page(EXAMPLE)
    section(at, "workload")
    before = metric(at, "Charge estimée")
    hours = widget(at, "number_input", "wi-hours-")
    assert hours.step == 1.0  # whole hours with − and +, or typed: one or two gestures on a phone
    hours.set_value(1.0).run()
    assert not at.exception
    assert metric(at, "Temps disponible") == "1\u00a0h"
    assert metric(at, "Charge estimée") != before
    assert any("Simulation affichée" in i.value and "1\u00a0h" in i.value for i in at.info)
    assert any("dépasse" in e.value for e in at.error)  # 1 h: the plan is over
    next(b for b in at.button if b.label == "Revenir à mes réponses").click().run()
    assert metric(at, "Temps disponible") == "9\u00a0h" and metric(at, "Charge estimée") == before
    assert not any("Simulation affichée" in i.value for i in at.info)
    assert widget(at, "number_input", "wi-hours-").value == 9  # the panel starts afresh


def cards(at: AppTest) -> list[str]:
    """The recommended networks' card titles (« **Instagram** — … »)."""
    return [m.value.split("**")[1] for m in at.markdown if m.value.startswith("**") and " — " in m.value]


def test_what_if_first_goal_and_skills_change_the_recommendation():
    at = page(EXAMPLE)
    before = cards(at)
    assert before and "LinkedIn" not in before
    widget(at, "selectbox", "wi-goal-").set_value("partners").run()
    widget(at, "multiselect", "wi-skills-").set_value(["writing", "video", "graphic_design", "photo"]).run()
    assert not at.exception
    assert any("Objectif principal = Travailler avec les partenaires" in i.value for i in at.info)
    after = cards(at)
    assert "LinkedIn" in after  # working with partners as the main goal calls for the professional role
    assert after != before


def test_what_if_can_impose_or_rule_out_a_network():
    at = page(EXAMPLE)
    assert "TikTok" not in cards(at)
    widget(at, "multiselect", "wi-forced-").set_value(["tiktok"]).run()
    assert "TikTok" in cards(at) and any("Imposé" in i.value for i in at.info)
    first = cards(at)[0]
    widget(at, "multiselect", "wi-refused-").set_value([{"Instagram": "instagram", "Facebook": "facebook",
                                                          "YouTube": "youtube", "Snapchat": "snapchat",
                                                          "WhatsApp": "whatsapp", "LinkedIn": "linkedin",
                                                          "Discord": "discord"}.get(first, "instagram")]).run()
    assert first not in cards(at)


def test_a_new_check_up_button_when_the_page_offers_one():
    def script(data):
        from datetime import date

        import streamlit as st

        from wizard.knowledge import default
        from wizard.profile import parse_profile
        from wizard.views import results
        results.render(parse_profile(data), default(), date(2026, 11, 26),
                       on_new=lambda: st.session_state.update(new_asked=True))

    at = AppTest.from_function(script, args=(EXAMPLE,), default_timeout=30).run()
    next(b for b in at.button if b.label == "Nouveau diagnostic").click().run()
    assert at.session_state["new_asked"] is True


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
    section(at, "workload")
    before = metric(at, "Charge estimée")
    widget(at, "toggle", "wi-durations-on-").set_value(True).run()
    story = next(s for s in at.select_slider if s.label.startswith("Story"))
    story.set_value(1.0).run()  # one hour per story instead of the assumption's 12.5 minutes
    assert not at.exception
    assert metric(at, "Charge estimée") != before
    assert any("Story = 1\u00a0h" in i.value for i in at.info)
