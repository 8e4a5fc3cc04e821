"""The Profile contract: defaults, refusals that name the field, the schema command."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.profile import Profile, ProfileError, parse_profile

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "mission-locale-rurale.json"
MINIMAL = {"goals": ["inform"], "audience": {"age_bands": ["15_17"]}, "resources": {"hours_per_week": 4}}


def test_design_example_round_trips():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    p = parse_profile(data)
    assert p.structure.kind == "mission_locale"
    assert p.presence["youtube"].followers == 600
    assert p.goals == ["individual_followup", "inform"]  # order kept: first = most important
    assert parse_profile(p.model_dump(mode="json")) == p


def test_minimal_profile_gets_defaults():
    p = parse_profile(MINIMAL)
    assert p.structure.kind == "autre" and p.structure.country == "fr"
    assert p.presence == {} and p.concerns == [] and p.maturity == {}
    assert p.resources.people == 1 and p.resources.budget_per_year == 0
    assert p.constraints.own_accounts_allowed == "unknown" and p.constraints.working_hours_only is True


@pytest.mark.parametrize("missing, field", [
    ("goals", "goals"), ("audience", "audience"), ("resources", "resources"),
])
def test_required_fields(missing, field):
    data = {k: v for k, v in MINIMAL.items() if k != missing}
    with pytest.raises(ProfileError) as info:
        parse_profile(data)
    assert any(m.startswith(f"{field}\u00a0: champ obligatoire manquant") for m in info.value.messages)


@pytest.mark.parametrize("patch, field, fragment", [
    ({"goals": ["inform", "fame"]}, "goals.1", "« fame » n’est pas une valeur permise (valeurs possibles : inform, answer_questions"),
    ({"structure": {"kind": "bar"}}, "structure.kind", "mission_locale"),
    ({"structure": {"country": "de"}}, "structure.country", "fr, be, ch, qc, autre"),
    ({"presence": {"myspace": {"followers": 3}}}, "presence.myspace", "facebook, instagram"),
    ({"resources": {"hours_per_week": -2}}, "resources.hours_per_week", "supérieur ou égal à 0"),
    ({"resources": {"hours_per_week": "beaucoup"}}, "resources.hours_per_week", "un nombre attendu"),
    ({"audience": {"age_bands": []}}, "audience.age_bands", "au moins 1"),
    ({"audience": {"age_bands": ["8_10"]}}, "audience.age_bands.0", "11_14, 15_17, 18_25, 26_30"),
    ({"goals": ["inform", "inform"]}, "goals", "valeur répétée : inform"),
    ({"maturity": {"strategy": 7}}, "maturity.strategy", "inférieur ou égal à 5"),
    ({"constraints": {"own_accounts_allowed": "maybe"}}, "constraints.own_accounts_allowed", "yes, no, unknown"),
    ({"colour": "blue"}, "colour", "champ inconnu"),
    ({"structure": {"staff": 2.5}}, "structure.staff", "nombre entier"),
])
def test_wrong_input_names_field_and_allowed_values(patch, field, fragment):
    data = json.loads(json.dumps(MINIMAL))
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    with pytest.raises(ProfileError) as info:
        parse_profile(data)
    messages = [m.replace("\u00a0", " ") for m in info.value.messages]
    assert any(m.startswith(f"{field} :") and fragment in m for m in messages), messages


def test_schema_command_prints_the_json_schema():
    res = subprocess.run([sys.executable, "-m", "wizard", "schema"], capture_output=True, text=True, check=True)
    schema = json.loads(res.stdout)
    assert schema == Profile.model_json_schema()
    assert set(schema["required"]) == {"goals", "audience", "resources"}
    channel_keys = schema["properties"]["presence"]["propertyNames"]["enum"]
    assert "tiktok" in channel_keys and "linkedin" in channel_keys


# --- issue 8, point 4: numbers are numbers, lists stay within their vocabulary ----------

@pytest.mark.parametrize("patch, field, fragment", [
    ({"structure": {"youth_per_year": True}}, "structure.youth_per_year", "pas vrai ou faux"),
    ({"structure": {"staff": False}}, "structure.staff", "pas vrai ou faux"),
    ({"presence": {"tiktok": {"followers": True}}}, "presence.tiktok.followers", "pas vrai ou faux"),
    ({"resources": {"hours_per_week": True}}, "resources.hours_per_week", "pas vrai ou faux"),
    ({"maturity": {"strategy": True}}, "maturity.strategy", "pas vrai ou faux"),
    ({"resources": {"hours_per_week": 4, "budget_eur_per_year": float("inf")}}, "resources.budget_eur_per_year", "nombre fini"),
    ({"resources": {"hours_per_week": float("nan")}}, "resources.hours_per_week", "nombre fini"),
    ({"presence": {"tiktok": {"posts_per_week": float("-inf")}}}, "presence.tiktok.posts_per_week", "nombre fini"),
    ({"structure": {"staff": float("inf")}}, "structure.staff", "nombre fini"),
    ({"presence": {"tiktok": {"followers": 10**400}}}, "presence.tiktok.followers", "inférieur ou égal à 1 000 000 000"),
    ({"resources": {"hours_per_week": 4, "budget_eur_per_year": 1e300}}, "resources.budget_eur_per_year", "inférieur ou égal"),
])
def test_booleans_and_non_finite_numbers_are_refused(patch, field, fragment):
    data = {**MINIMAL, **patch}
    with pytest.raises(ProfileError) as info:
        parse_profile(data)
    messages = [m.replace("\u00a0", " ").replace("\u202f", " ") for m in info.value.messages]
    assert any(m.startswith(f"{field} :") and fragment in m for m in messages), messages


def test_json_infinity_is_refused_from_text():
    text = json.dumps(MINIMAL).replace('"hours_per_week": 4', '"hours_per_week": Infinity')
    with pytest.raises(ProfileError, match="nombre fini"):
        parse_profile(json.loads(text))
    with pytest.raises(ProfileError, match="hours_per_week"):
        parse_profile(json.loads(text.replace("Infinity", "1e400")))


def test_numbers_from_parsers_still_fit():
    """The questionnaire flow hands Python ints and floats; 3.0 stays a valid integer."""
    p = parse_profile({**MINIMAL, "structure": {"staff": 3.0, "youth_per_year": 1200},
                       "resources": {"hours_per_week": 2.5, "people": 2, "budget_eur_per_year": 300.0},
                       "maturity": {"strategy": 3}})
    assert p.structure.staff == 3 and p.resources.hours_per_week == 2.5 and p.maturity["strategy"] == 3


@pytest.mark.parametrize("field, vocab", [
    ("goals", "goal"), ("concerns", "concern"), ("audience.age_bands", "age_band"), ("audience.groups", "group"),
    ("resources.skills", "skill"), ("resources.equipment", "equipment"),
])
def test_no_list_is_longer_than_its_vocabulary(field, vocab):
    from wizard.vocabulary import ids
    allowed = list(ids(vocab))
    data = json.loads(json.dumps(MINIMAL))
    section, _, key = field.rpartition(".")
    target = data.setdefault(section, {}) if section else data
    target[key or field] = allowed  # every id once: accepted
    parse_profile(data)
    target[key or field] = allowed + allowed[:1]
    with pytest.raises(ProfileError) as info:
        parse_profile(data)
    assert info.value.messages == [f"{field}\u00a0: au plus {len(allowed)} éléments (ici\u00a0: {len(allowed) + 1})"]


def test_presence_with_more_keys_than_channels_is_one_error():
    with pytest.raises(ProfileError) as info:
        parse_profile({**MINIMAL, "presence": {f"c{i}": {} for i in range(50_000)}})
    assert len(info.value.messages) == 1 and info.value.messages[0].startswith("presence\u00a0: au plus")


@pytest.mark.timeout(20)
def test_unique_is_linear():
    from wizard.profile import _unique
    values = list(range(300_000))  # a quadratic check would take hours
    assert _unique(values) is values
    with pytest.raises(ValueError, match="valeur répétée"):
        _unique(values + [7])
