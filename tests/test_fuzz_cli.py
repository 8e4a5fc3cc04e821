"""Fuzz the command line with hostile profiles and questionnaires (issue 8, point 4).

Whatever the file holds — deep nesting, long lists, huge or non-finite numbers,
control characters, random keys, YAML aliases — `python -m wizard` must finish, exit
0, 1 or 2, and speak French on stderr: one line per problem (exactly one for a
profile), no traceback, no bare exception name, no raw control character, never the
« problème interne » last resort. A hang shows as a pytest-timeout failure.
"""
from __future__ import annotations

import contextlib
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.__main__ import main
from wizard.vocabulary import ids

MINIMAL = {"goals": ["inform"], "audience": {"age_bands": ["15_17"]}, "resources": {"hours_per_week": 4}}
FIELDS = ["structure", "presence", "goals", "audience", "resources", "concerns", "constraints", "maturity",
          "name", "kind", "youth_per_year", "staff", "followers", "posts_per_week", "age_bands", "groups",
          "hours_per_week", "people", "skills", "equipment", "budget_eur_per_year", "validation_required",
          "instagram", "tiktok", "strategy", "inform", "15_17", "time"]
ENGLISH = re.compile(r"Input should|Field required|Expecting|String should|Extra inputs|Value error|"
                     r"^[a-z]+\u00a0: [A-Z][A-Za-z]*(Error|Exception)\b|Traceback", re.MULTILINE)
def fuzz(examples: int) -> settings:
    """No per-example deadline (one example may build a whole strategy): pytest-timeout catches hangs."""
    return settings(max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def raw_control(text: str) -> list[str]:
    """Characters that must never reach the terminal raw (line ends between lines aside)."""
    return [c for c in text.replace("\n", "") if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp")
            or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"]


def assert_speaks_clearly(code: int, stderr: str, *, one_line: bool) -> None:
    assert code in (0, 1, 2), (code, stderr)
    assert not ENGLISH.search(stderr), stderr
    assert "problème interne" not in stderr, stderr  # the last resort was never needed
    assert not raw_control(stderr), repr(stderr)
    lines = stderr.split("\n")
    assert lines[-1] == "", repr(stderr)  # ends with one line break, nothing after
    lines = lines[:-1]
    assert all(line.startswith(("erreur\u00a0: ", "avertissement\u00a0: ")) for line in lines), stderr
    if code != 0:
        assert any(line.startswith("erreur\u00a0: ") for line in lines), stderr
    if one_line:
        assert len(lines) == (0 if code == 0 else 1), stderr


# --- profiles ---------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20) | st.sampled_from(
    ["\x1b[31mfoo\n", "a\u2028b", "\u202eevil", "é🙂«x»", "\ufeff", "\x00", "inform", "", " " * 3])
KEYS = st.sampled_from(FIELDS) | ANY_TEXT
NUMBERS = (st.integers(-(10**80), 10**80) | st.floats(allow_nan=True, allow_infinity=True)
           | st.sampled_from([0, 3.0, 1e308, -0.0, 10**400, True, False]))
SCALARS = st.none() | st.booleans() | NUMBERS | ANY_TEXT
JSONISH = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(KEYS, inner, max_size=5),
                       max_leaves=25)


def _ids(vocab: str, min_size: int = 0) -> st.SearchStrategy:
    return st.lists(st.sampled_from(ids(vocab)), min_size=min_size, unique=True)


EDGE = st.sampled_from([0, 1, 2.5, 168, 500, 1000, 10**9, 10_000_000, 5]) | NUMBERS


@st.composite
def plausible(draw) -> dict:
    """A profile close to valid: ids from the vocabularies, numbers at and past the bounds."""
    presence = draw(st.dictionaries(st.sampled_from(ids("channel")),
                                    st.fixed_dictionaries({}, optional={"followers": EDGE, "posts_per_week": EDGE}),
                                    max_size=4))
    return {
        "structure": draw(st.fixed_dictionaries({}, optional={
            "name": ANY_TEXT, "kind": st.sampled_from(ids("structure_kind")),
            "country": st.sampled_from(ids("country")), "youth_per_year": EDGE, "staff": EDGE})),
        "presence": presence,
        "goals": draw(_ids("goal", 1)),
        "audience": {"age_bands": draw(_ids("age_band", 1)), "groups": draw(_ids("group"))},
        "resources": draw(st.fixed_dictionaries({"hours_per_week": EDGE}, optional={
            "people": EDGE, "budget_eur_per_year": EDGE, "skills": _ids("skill"), "equipment": _ids("equipment")})),
        "concerns": draw(_ids("concern")),
        "constraints": draw(st.fixed_dictionaries({}, optional={
            "validation_required": st.booleans(), "working_hours_only": st.booleans(),
            "own_accounts_allowed": st.sampled_from(ids("own_accounts_allowed"))})),
        "maturity": draw(st.dictionaries(st.sampled_from(ids("maturity_dimension")), st.integers(0, 6) | EDGE)),
    }


@st.composite
def profiles(draw) -> str:
    """JSON text: a plausible profile, the minimal one with random patches, anything, or broken text."""
    shape = draw(st.sampled_from(["plausible", "plausible", "patched", "patched", "anything", "deep", "long",
                                  "broken"]))
    if shape == "plausible":
        return json.dumps(draw(plausible()), ensure_ascii=draw(st.booleans()))
    if shape == "anything":
        return json.dumps(draw(JSONISH))
    if shape == "deep":
        n = draw(st.integers(1, 200_000))
        return json.dumps(MINIMAL)[:-1] + ', "goals": ' + "[" * n + "]" * n + "}"
    if shape == "long":
        item = draw(st.sampled_from(['"inform"', '"fame"', "1", "true", '{"a": 1}']))
        field = draw(st.sampled_from(["goals", "concerns", "presence", "colour"]))
        n = draw(st.integers(11, 50_000))
        value = "[" + ",".join([item] * n) + "]" if field != "presence" else \
            "{" + ",".join(f'"k{i}": {item}' for i in range(n)) + "}"
        return json.dumps(MINIMAL)[:-1] + f', "{field}": {value}' + "}"
    data = json.loads(json.dumps(MINIMAL))
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(["structure", "resources", "audience", "presence", "constraints",
                                        "maturity", "goals", "concerns", None]))
        key, value = draw(KEYS), draw(JSONISH)
        if section is None:
            data[key] = value
        elif isinstance(data.get(section), dict) and draw(st.booleans()):
            data[section][key] = value
        else:
            data[section] = {key: value} if draw(st.booleans()) else value
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    if shape == "broken":
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(["", ",", "}", "]]", "\x00", "'", "\\q", "NaN", "\ufeff"])) + text[cut:]
    return text


@pytest.mark.timeout(60)
@fuzz(100)
@given(text=profiles(), command=st.sampled_from(["strategy", "strategy", "report"]))
def test_fuzzed_profiles_get_one_clear_line(tmp_path_factory, text, command):
    path = tmp_path_factory.mktemp("fuzz") / "profil.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    argv = [command, str(path)] + (["-o", str(path.with_suffix(".pdf")), "--date", "2026-01-05"]
                                   if command == "report" else ["--date", "2026-01-05"])
    if command == "report" and _valid(text):
        return  # building a PDF per example is slow; valid profiles are covered by strategy
    code, out, err = run(argv)
    assert_speaks_clearly(code, err, one_line=True)
    if code == 0 and command == "strategy":
        assert json.loads(out)["channels"] is not None


def _valid(text: str) -> bool:
    from wizard.profile import ProfileError, parse_profile
    try:
        parse_profile(json.loads(text))
    except (ValueError, RecursionError, ProfileError):
        return False
    return True


# --- questionnaires ----------------------------------------------------------------

HEAD = """id: t
title: {fr: "Test", en: "Test"}
questions:
  - {id: goals, field: goals, kind: ranked, text: {fr: "Objectifs ?"}}
  - {id: ages, field: audience.age_bands, kind: multi, text: {fr: "Âges ?"}}
  - {id: hours, field: resources.hours_per_week, kind: number, text: {fr: "Heures ?"}}
"""
OPERATORS = ["equals", "in", "contains", "answered", "not", "all", "any", "xor"]
CONDITION_LEAF = st.sampled_from(["goals", "ages", "hours", "nowhere", "inform", "15_17"]) | SCALARS


def conditions() -> st.SearchStrategy:
    return st.recursive(
        CONDITION_LEAF,
        lambda inner: st.dictionaries(st.sampled_from(OPERATORS) | KEYS, inner, min_size=1, max_size=2)
        | st.lists(inner, max_size=3),
        max_leaves=15)


def _shared(cond, times: int):
    """The same object used several times: yaml.dump writes it once, with an anchor and aliases."""
    for _ in range(times):
        cond = {"all": [cond, cond, cond]}
    return cond


def _nested(depth: int):
    cond = {"answered": "goals"}
    for _ in range(depth):
        cond = {"not": cond}
    return cond


@st.composite
def questionnaires(draw) -> str:
    shape = draw(st.sampled_from(["when", "when", "aliases", "deep", "bomb", "tokens", "question"]))
    if shape == "bomb":
        width, levels = draw(st.integers(2, 9)), draw(st.integers(2, 8))
        lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
        lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
        when = "{all: [" + ", ".join([f"*a{levels - 1}"] * width) + "]}"
        return "\n".join(lines) + "\n" + HEAD + f"  - {{id: name, field: structure.name, kind: text, " \
                                                f"text: {{fr: 'Nom'}}, when: {when}}}\n"
    if shape == "tokens":
        pieces = st.sampled_from(["&a ", "*a", "*b", "[", "]", "{", "}", ": ", "- ", "\n", "\t", "  ", "'", '"',
                                  "!!python/object:os.system ", "!!binary ", "? ", "<<: ", "---\n", "2024-13-45",
                                  "1" * 5000, "\x1b", "\u2028", "é🙂", "when", "questions", "id"])
        return HEAD + "".join(draw(st.lists(pieces, max_size=30)))
    if shape == "question":
        q = draw(st.dictionaries(st.sampled_from(["id", "field", "kind", "text", "options", "when", "for_each",
                                                  "min", "max", "max_choices", "help"]) | KEYS, JSONISH, max_size=6))
        return HEAD + yaml.dump([q], allow_unicode=draw(st.booleans())).replace("\n", "\n  ").join(["  ", ""])
    if shape == "aliases":
        cond = _shared(draw(conditions()), draw(st.integers(1, 12)))
    elif shape == "deep":
        cond = _nested(draw(st.integers(1, 400)))
    else:
        cond = draw(conditions())
    question = {"id": "name", "field": "structure.name", "kind": "text", "text": {"fr": "Nom ?"}, "when": cond}
    try:
        body = yaml.dump([question], allow_unicode=True, width=10**6)
    except RecursionError:
        body = yaml.dump([{**question, "when": "x"}])
    return HEAD + "".join(f"  {line}\n" for line in body.splitlines())


@pytest.mark.timeout(60)
@fuzz(80)
@given(text=questionnaires())
def test_fuzzed_questionnaires_get_clear_lines(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "questionnaire.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    code, out, err = run(["validate", str(path)])
    assert_speaks_clearly(code, err, one_line=False)
    assert code in (0, 1)


@pytest.mark.timeout(60)
@fuzz(30)
@given(name=ANY_TEXT.filter(lambda s: "\x00" not in s and "/" not in s and s not in ("", ".", "..")))
def test_fuzzed_file_names_are_echoed_escaped(tmp_path_factory, name):
    missing = Path(tmp_path_factory.mktemp("fuzz")) / f"{name}.json"
    for argv in (["strategy", str(missing)], ["validate", str(missing)]):
        code, _, err = run(argv)
        assert code == 1
        assert_speaks_clearly(code, err, one_line=True)
