"""Golden properties of the example profiles, the ranking against REFERENCE.md §1.3,
the command line, and the engine's purity."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLE_NAMES, TODAY, example_profile

from wizard.engine import build_strategy
from wizard.engine.audience import youth_share
from wizard.engine.selection import cap
from wizard.engine.situation import Situation
from wizard.knowledge import default
from wizard.profile import parse_profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {name: example_profile(name) for name in EXAMPLE_NAMES}
KB = default()


def strategy(name, **changes):
    profile = EXAMPLES[name]
    if changes:
        profile = parse_profile({**profile.model_dump(mode="json"), **changes})
    return build_strategy(profile, KB, TODAY)


def test_at_least_eight_examples_cover_the_kinds_of_structure():
    kinds = {p.structure.kind for p in EXAMPLES.values()}
    assert len(EXAMPLES) >= 8
    assert {"pij", "bij", "crij", "mission_locale", "centre_social", "association", "centre_communautaire"} <= kinds
    assert {p.structure.territory for p in EXAMPLES.values() if p.structure.kind == "mission_locale"} == {"rural", "urbain"}
    assert any(p.structure.country == "qc" for p in EXAMPLES.values())


# REFERENCE.md §1.3: observed order per band (high → low), pairs that must hold
REFERENCE_ORDER = {
    "11_14": [("youtube", "whatsapp"), ("snapchat", "whatsapp"), ("whatsapp", "instagram"), ("instagram", "facebook"),
              ("tiktok", "facebook"), ("tiktok", "x"), ("snapchat", "tiktok")],
    "15_17": [("instagram", "youtube"), ("youtube", "snapchat"), ("snapchat", "facebook"), ("instagram", "facebook")],
    "18_25": [("youtube", "instagram"), ("instagram", "snapchat"), ("whatsapp", "snapchat"), ("snapchat", "linkedin"),
              ("tiktok", "linkedin"), ("linkedin", "facebook"), ("facebook", "x"), ("x", "twitch")],
}


@pytest.mark.parametrize("band", sorted(REFERENCE_ORDER))
def test_audience_ranking_agrees_with_reference_usage_order(band):
    profile = parse_profile({"goals": ["inform"], "audience": {"age_bands": [band]}, "resources": {"hours_per_week": 10}})
    ctx = Situation(profile, KB)
    # the published usage of the band, whether or not its age allows an account (11–14 and 13+ networks)
    audience = {cid: youth_share(cid, band, ctx).value for cid in KB.channels}
    for high, low in REFERENCE_ORDER[band]:
        assert audience[high] > audience[low], (band, high, audience[high], low, audience[low])


def test_first_recommendation_follows_the_audience():
    teens = build_strategy(parse_profile({"goals": ["inform"], "audience": {"age_bands": ["15_17"]},
                                          "resources": {"hours_per_week": 10}}), KB, TODAY)
    assert teens.channels[0].id in {"instagram", "youtube", "snapchat", "tiktok"}
    assert "facebook" not in [c.id for c in teens.channels]
    partners = build_strategy(parse_profile({"goals": ["partners"], "audience": {"age_bands": ["26_30"], "groups": ["partenaires"]},
                                             "resources": {"hours_per_week": 10}}), KB, TODAY)
    assert partners.channels[0].id in {"linkedin", "facebook"}


def test_mission_locale_rurale_individual_followup():
    s = strategy("mission-locale-rurale")
    ids = [c.id for c in s.channels]
    followup = next(c for c in s.channels if c.role_id == "one_to_one")  # the main goal's role is filled
    assert followup.id in {"whatsapp", "snapchat"} and followup.role == "suivi individuel"  # (ML-LIMOGES)
    assert "youtube" in ids  # existing 600 subscribers are built upon
    yt = next(c for c in s.channels if c.id == "youtube")
    assert any("600 abonnés" in r.replace("\u202f", " ") for r in yt.reasons)
    assert s.workload.status == "ok"
    assert {a.concern for a in s.arguments} >= {"time", "competition_municipal_accounts"}
    codes = {w.code for w in s.warnings}
    assert "own_accounts_unknown" in codes and "validation_messaging" in codes
    assert s.workload.by_activity["validation"] > 0  # the validation circuit costs time


def test_reasons_cite_answers_and_facts():
    s = strategy("bij-urbain")
    insta = next(c for c in s.channels if c.id == "instagram")
    text = " ".join(insta.reasons)
    assert "Vous visez les 15–17\u00a0ans" in text and "[GENNUM-2022]" in text
    assert "Votre objectif principal, «\u00a0Informer les jeunes\u00a0»" in text
    assert "1\u202f200 abonnés" in text


def test_small_college_structure_gets_age_and_consent_warnings():
    s = strategy("mjc-college")
    excluded = {e.id: e for e in s.excluded}
    assert excluded["discord"].cause == "age" and "15\u00a0ans" in excluded["discord"].reasons[0]
    assert excluded["linkedin"].cause == "age" and "[CA-LINKEDIN]" in excluded["linkedin"].reasons[0]
    codes = [w.code for w in s.warnings]
    assert "consent_under_15" in codes and "own_accounts_not_allowed" in codes
    # 11–14 year-olds: no network for direct contact with them; what is kept addresses their parents
    # or is watched without an account, and says so in its role
    for c in s.channels:
        assert c.role_id == "parents" or c.id in KB.roles.without_account, c.id
    assert s.channels and all(not (w.code == "age_minimum" and w.channel == c.id and c.role_id == "parents")
                              for w in s.warnings for c in s.channels)


def test_capacity_follows_the_team_not_the_hours_alone():
    for name, p in EXAMPLES.items():
        s = strategy(name)
        limit, _ = cap(Situation(p, KB))
        assert len([c for c in s.channels if not c.kept_existing]) <= limit, name
    big = strategy("crij-regional")
    assert len(big.channels) >= 3


def test_no_concern_gives_the_default_set_for_elected_officials():
    s = strategy("mjc-college")
    assert {a.concern for a in s.arguments} == {"time", "cost", "competition_municipal_accounts", "legal"}
    assert s.context_arguments and all(a.evidence for a in s.context_arguments)


@pytest.mark.parametrize("constraints, present, absent", [
    ({"working_hours_only": True, "validation_required": True}, {"working_hours_only", "validation_circuit"},
     {"planned_extended_hours"}),
    ({"working_hours_only": False, "validation_required": False}, {"planned_extended_hours"},
     {"working_hours_only", "validation_circuit"}),
])
def test_charter_follows_constraints(constraints, present, absent):
    s = strategy("bij-urbain", constraints={**EXAMPLES["bij-urbain"].constraints.model_dump(), **constraints})
    ids = {c.id for c in s.charter}
    assert present <= ids and not (absent & ids)
    assert "professional_accounts_only" in ids and "neutrality_reserve" in ids  # a public BIJ in France


def test_messaging_channels_bring_the_no_stories_clause():
    ml = strategy("mission-locale-urbaine")
    assert any(c.id in {"whatsapp", "snapchat"} for c in ml.channels)
    assert "no_stories" in {c.id for c in ml.charter}
    crij = strategy("crij-regional", goals=["visibility"], audience={"age_bands": ["26_30"]})
    if not any(KB.channels[c.id].messaging for c in crij.channels):
        assert "no_stories" not in {c.id for c in crij.charter}


def test_plan_calendar_maturity():
    s = strategy("pij-petite-ville")
    assert [w.week for w in s.plan] == list(range(1, 14))
    assert s.plan[0].starts_on == date(2026, 11, 30)  # the Monday after the date given
    assert all(w.tasks for w in s.plan)
    assert s.calendar[0].month == "2026-11" and s.calendar[-1].month == "2027-10"
    assert s.calendar[0].label == "novembre 2026"
    assert any(e for m in s.calendar for e in m.events if "Parcoursup" in e.title)
    dims = {m.dimension: m for m in s.maturity}
    assert dims["strategy"].score == 1 and dims["strategy"].next_step
    assert {k.goals[0] for k in s.kpis} >= {"inform"}


def test_adjusting_an_assumption_changes_the_estimate():
    profile = EXAMPLES["bij-urbain"]
    base = build_strategy(profile, KB, TODAY)
    slower = build_strategy(profile, KB, TODAY, assumptions={"image_post": 3.0})
    assert slower.workload.estimated_hours_per_week > base.workload.estimated_hours_per_week or \
        len(slower.channels) < len(base.channels) or slower.channels[0].rhythm_level != base.channels[0].rhythm_level
    used = {a.activity: a.used_hours for a in slower.workload.assumptions}
    assert used["image_post"] == 3.0


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True, cwd=ROOT)


def test_cli_strategy_prints_json_and_is_deterministic():
    a = run_cli("strategy", "examples/mission-locale-rurale.json", "--date", "2026-11-26")
    b = run_cli("strategy", "examples/mission-locale-rurale.json", "--date", "2026-11-26")
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout
    data = json.loads(a.stdout)
    for key in ("channels", "excluded", "workload", "arguments", "warnings", "maturity", "kpis", "plan", "charter", "calendar"):
        assert key in data
    assert data["generated_on"] == "2026-11-26"


@pytest.mark.parametrize("content, fragment", [
    ('{"goals": ["inform"], "audience": {"age_bands": ["18_25"]}, "resources": {"hours_per_week": -1}}',
     "resources.hours_per_week"),
    ('{"goals": ["fame"], "audience": {"age_bands": ["18_25"]}, "resources": {"hours_per_week": 3}}', "goals.0"),
    ('{"goals": ["inform"], ', "JSON invalide"),
])
def test_cli_strategy_bad_profile_one_line(tmp_path, content, fragment):
    path = tmp_path / "p.json"
    path.write_text(content, encoding="utf-8")
    res = run_cli("strategy", str(path))
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0]


def test_cli_bad_date_and_missing_file():
    res = run_cli("strategy", "examples/bij-urbain.json", "--date", "demain")
    assert res.returncode == 2 and "AAAA-MM-JJ" in res.stderr and "Traceback" not in res.stderr
    res = run_cli("strategy", "nope.json")
    assert res.returncode == 1 and "introuvable" in res.stderr


def test_engine_is_pure():
    """No Streamlit, storage, views or network; no clock (the date is an argument)."""
    forbidden_imports = ("streamlit", "sqlalchemy", "wizard.views", "wizard.store", "requests", "urllib", "socket")
    for path in (ROOT / "wizard" / "engine").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(forbidden_imports), (path.name, name)
            if isinstance(node, ast.Attribute) and node.attr in ("today", "now", "utcnow"):
                raise AssertionError(f"{path.name}: clock call .{node.attr}()")


def test_an_existing_account_left_out_is_explained_and_flagged():
    s = build_strategy(parse_profile({
        "presence": {"instagram": {"followers": 1500, "posts_per_week": 2.5}, "facebook": {"followers": 800}},
        "goals": ["individual_followup"], "audience": {"age_bands": ["18_25"], "groups": ["insertion"]},
        "resources": {"hours_per_week": 3.5}}), KB, TODAY)
    kept = {c.id for c in s.channels}
    for cid in {"instagram", "facebook"} - kept:
        excluded = next(e for e in s.excluded if e.id == cid)
        assert excluded.cause in {"capacity", "fit", "age"}
        if excluded.cause == "capacity":
            assert "3\u00a0h\u00a030 disponibles" in excluded.reasons[0]  # the numbers behind « not enough time »
            assert any("Vous avez déjà un compte" in r for r in excluded.reasons)
        assert excluded.rest  # how to put it to rest
        assert any(w.code == "existing_account_not_kept" and w.channel == cid for w in s.warnings)


def test_rhythm_and_skills_read_well_in_french():
    s = strategy("crij-regional")
    text = " ".join(t for c in s.channels for t in c.rhythm_text)
    assert "." not in text.replace("...", "")  # French decimals
    assert all(" × " in t for c in s.channels for t in c.rhythm_text)
    reasons = " ".join(r for c in s.channels + s.excluded for r in getattr(c, "reasons", []))
    assert "graphisme (canva" not in reasons.lower() or "Canva" in reasons
