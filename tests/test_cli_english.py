"""The command line and the validators in English (issue 11, point 1): CAP_LANG=en for every
command, `--lang en` where the subcommand has it, `lang="en"` for the validators and
parse_profile. Each message is checked for its English words and for the absence of French
ones (the catalogue test's detector), so a sentence left French fails here.
"""
from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from test_catalogue import is_french
from test_cli_input import ALIAS_BOMB, MINIMAL, QUESTIONNAIRE

from wizard import inputs, safeyaml
from wizard.__main__ import main
from wizard.knowledge import check
from wizard.knowledge.load import DIR
from wizard.profile import ProfileError, parse_profile
from wizard.questionnaire.load import check_text

BROKEN_QUESTION = """  - id: foo
    field: structure.flavour
    kind: text
    text: {fr: "Parfum ?", en: "Flavour?"}
    help: {fr: "Aide", en: "Help"}
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse's usage errors and --help
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def english_line(err: str) -> str:
    """The one stderr line, in English: « error: … », no French sentence in it."""
    assert err.endswith("\n") and err.count("\n") == 1, repr(err[:500])
    assert err.startswith("error: "), err
    assert "\u00a0" not in err and "«" not in err, err
    assert not is_french(err), err
    return err


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setenv("CAP_LANG", "en")


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- CAP_LANG=en: the four cases of the brief -------------------------------------------------

def test_a_refused_profile_is_said_in_english(tmp_path, english):
    path = write(tmp_path, "profile.json", json.dumps({**MINIMAL, "goals": ["fame"], "colour": "blue"}))
    code, _, err = run("strategy", path)
    line = english_line(err)
    assert code == 1
    assert "profile refused: goals.0: “fame” is not an allowed value (possible values: inform" in line, line
    assert "colour: unknown field" in line, line


def test_a_broken_questionnaire_is_said_in_english(tmp_path, english):
    path = write(tmp_path, "bad.yaml", QUESTIONNAIRE + BROKEN_QUESTION)
    code, _, err = run("validate", path)
    line = english_line(err)
    assert code == 1
    assert "bad.yaml: question “foo”: field unknown to the profile: “structure.flavour”" in line, line


def test_a_yaml_alias_is_said_in_english(tmp_path, english):
    code, _, err = run("validate", write(tmp_path, "bomb.yaml", ALIAS_BOMB))
    line = english_line(err)
    assert code == 1
    assert "line 2, column 8: YAML alias “*a” refused: copy the value instead of referring to it" in line, line


@pytest.mark.timeout(60)
def test_a_too_big_file_is_said_in_english(tmp_path, english):
    profile = write(tmp_path, "big.json", json.dumps(MINIMAL) + " " * inputs.MAX_FILE_BYTES)
    questionnaire = write(tmp_path, "big.yaml", QUESTIONNAIRE + "#" * inputs.MAX_FILE_BYTES)
    for command in (["strategy", profile], ["report", profile, "-o", str(tmp_path / "x.pdf")], ["validate", questionnaire]):
        code, _, err = run(*command)
        line = english_line(err)
        assert code == 1
        assert "file too big: more than 2,048 KB, the limit for a profile or a questionnaire" in line, line


# --- every command, and the choice between the two switches ----------------------------------------

def test_usage_errors_and_help_follow_cap_lang(english):
    code, _, err = run("strategy", "a", "b")
    assert code == 2 and "unknown argument: b (see --help)" in english_line(err)
    code, _, err = run("frob")
    assert code == 2 and "command: “frob” is not a valid choice" in english_line(err)
    code, out, _ = run("report", "--help")
    assert code == 0 and "reference date YYYY-MM-DD (default: today)" in out and "référence" not in out


def test_the_shipped_files_are_valid_in_english(english):
    code, out, err = run("validate")
    assert code == 0, err
    assert "knowledge base valid" in out and "questions, valid" in out and "valide" not in out


def test_lang_en_without_cap_lang_and_lang_fr_over_it(tmp_path, monkeypatch):
    monkeypatch.delenv("CAP_LANG", raising=False)
    path = write(tmp_path, "profile.json", json.dumps({**MINIMAL, "goals": []}))
    code, _, err = run("strategy", path, "--lang", "en")
    assert code == 1 and "goals: at least 1 value(s) expected" in english_line(err)
    code, _, err = run("strategy", write(tmp_path, "ok.json", json.dumps(MINIMAL)), "--date", "2026-13-01", "--lang=en")
    assert code == 2 and "--date: “2026-13-01” is not a YYYY-MM-DD date" in english_line(err)
    monkeypatch.setenv("CAP_LANG", "en")
    code, _, err = run("strategy", path, "--lang", "fr")
    assert code == 1 and err.startswith("erreur\u00a0: ") and "profil refusé" in err


def test_without_cap_lang_everything_stays_french(tmp_path, monkeypatch):
    monkeypatch.delenv("CAP_LANG", raising=False)
    code, _, err = run("validate", write(tmp_path, "bomb.yaml", ALIAS_BOMB))
    assert code == 1 and err.startswith("erreur\u00a0: ") and "alias YAML «\u00a0*a\u00a0» refusé" in err


# --- the library: lang down to the messages ------------------------------------------------------

def test_parse_profile_and_its_own_rules_in_english():
    data = {**MINIMAL, "goals": ["inform", "inform"],
            "resources": {"hours_per_week": True, "budget_per_year": 5, "budget_eur_per_year": 3}}
    with pytest.raises(ProfileError) as info:
        parse_profile(data, lang="en")
    said = info.value.messages
    assert "goals: repeated value: inform" in said, said
    assert "resources.hours_per_week: a number expected, not true or false (given: true)" in said, said
    with pytest.raises(ProfileError) as info:
        parse_profile({**MINIMAL, "resources": {"hours_per_week": 4, "budget_per_year": 5, "budget_eur_per_year": 3}},
                      lang="en")
    once = "resources: give the budget once (budget_per_year, or budget_eur_per_year of older profiles)"
    assert info.value.messages == [once]
    assert not any(is_french(m) for m in said)


def test_questionnaire_and_yaml_problems_in_english():
    found = [str(p) for p in check_text("id: t\ntitle: {fr: 'x'\nquestions: [", "q.yaml", lang="en").errors]
    assert found and found[0].startswith("q.yaml: questionnaire: unreadable YAML: line "), found
    when = "{resembles: [goals, inform]}"
    text = QUESTIONNAIRE + f"  - {{id: name, field: structure.name, kind: text, text: {{fr: 'Nom'}}, when: {when}}}\n"
    found = [str(p) for p in check_text(text, "q.yaml", lang="en").errors]
    assert any("question “name”: condition: unknown condition operator “resembles”" in p for p in found), found
    with pytest.raises(safeyaml.YamlError) as info:
        safeyaml.load("a: &x [1, *x]\n", safeyaml.BoundedLoader, lang="en")
    assert info.value.reason == "YAML alias referring to its own anchor (endless loop)"
    assert not any(is_french(p) for p in found)


def test_knowledge_problems_in_english(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    effort = yaml.safe_load((copy / "effort.yaml").read_text(encoding="utf-8"))
    effort["participation"].update(assumption=False, sources=[])  # a models rule (errors.refused)
    effort["monitoring"]["light"].update(low_hours=3)
    (copy / "effort.yaml").write_text(yaml.safe_dump(effort, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, problems = check(copy, lang="en")
    assert "effort.yaml: “participation”: a figure that is not an assumption needs sources" in problems, problems
    assert any("high_hours < low_hours: the range is upside down" in p for p in problems), problems
    _, problems = check(copy)
    assert any("un chiffre qui n’est pas une hypothèse a besoin de sources" in p for p in problems), problems
    shutil.copy(DIR / "effort.yaml", copy / "effort.yaml")  # sound again: the meaning checks run
    channels = yaml.safe_load((copy / "channels.yaml").read_text(encoding="utf-8"))
    channels["myspace"] = channels[next(iter(channels))]
    (copy / "channels.yaml").write_text(yaml.safe_dump(channels, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, problems = check(copy, lang="en")
    assert any(p.startswith("channels.yaml: “channels”: unknown network “myspace” (possible values:") for p in problems)
    assert not any(is_french(p) for p in problems), [p for p in problems if is_french(p)]
