"""The command line never hangs and always speaks clearly (issue 8, point 4): regressions.

Each test names the hole it closes: file sizes, list lengths, YAML aliases, nesting,
JSON messages in French, a short line for many errors, control characters escaped.
A hang shows as a pytest-timeout failure, never as a wall-clock assertion.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import errors, inputs

ROOT = Path(__file__).resolve().parents[1]
from wizard.__main__ import main
from wizard.questionnaire.load import MAX_CONDITION_DEPTH, check_text

MINIMAL = {"goals": ["inform"], "audience": {"age_bands": ["15_17"]}, "resources": {"hours_per_week": 4}}
QUESTIONNAIRE = """id: t
title: {fr: "Test", en: "Test"}
questions:
  - {id: goals, field: goals, kind: ranked, text: {fr: "Objectifs ?", en: "Goals?"}, help: {fr: "Aide", en: "Help"}}
  - {id: ages, field: audience.age_bands, kind: multi, text: {fr: "Âges ?", en: "Ages?"}, help: {fr: "Aide", en: "Help"}}
  - {id: hours, field: resources.hours_per_week, kind: number, text: {fr: "Heures ?", en: "Hours?"}, help: {fr: "Aide", en: "Help"}}
"""
# 637 bytes: 9^6 = 531 441 copies of "x" once the aliases are expanded, inside a `when:`
ALIAS_BOMB = """a: &a [x,x,x,x,x,x,x,x,x]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
id: bomb
title: {fr: "Bombe"}
questions:
  - {id: goals, field: goals, kind: ranked, text: {fr: "Objectifs ?"}}
  - {id: ages, field: audience.age_bands, kind: multi, text: {fr: "Âges ?"}}
  - {id: hours, field: resources.hours_per_week, kind: number, text: {fr: "Heures ?"}}
  - {id: name, field: structure.name, kind: text, text: {fr: "Nom ?"}, when: {all: [*f, *f, *f, *f]}}
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, repr(err[:500])
    assert err.startswith("erreur\u00a0: ")
    return err.replace("\u00a0", " ")


def profile_file(tmp_path: Path, text: str, name: str = "profil.json") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- 1. sizes -------------------------------------------------------------------------

@pytest.mark.timeout(30)
def test_ten_megabyte_goals_list_is_refused_quickly(tmp_path):
    data = {**MINIMAL, "goals": ["inform"] * 1_200_000}  # ~10 MB
    path = profile_file(tmp_path, json.dumps(data))
    assert Path(path).stat().st_size > 9_000_000
    for command in (["strategy", path], ["report", path, "-o", str(tmp_path / "x.pdf")]):
        code, _, err = run(*command)
        assert code == 1
        assert "fichier trop gros" in one_line(err)


@pytest.mark.timeout(30)
def test_size_is_checked_before_reading(tmp_path):
    path = tmp_path / "sparse.json"
    with open(path, "wb") as f:
        f.truncate(20 * 1024**3)  # 20 GB of holes: reading it whole would never end
    with pytest.raises(inputs.InputError, match="trop gros"):
        inputs.read_text(path)


@pytest.mark.timeout(60)
def test_oversized_questionnaire_is_refused(tmp_path):
    path = tmp_path / "gros.yaml"
    path.write_text(QUESTIONNAIRE + "#" * inputs.MAX_FILE_BYTES, encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 1 and "fichier trop gros" in one_line(err)


def test_a_file_just_under_the_limit_is_read(tmp_path):
    path = profile_file(tmp_path, json.dumps(MINIMAL) + " " * (inputs.MAX_FILE_BYTES - 200))
    code, out, err = run("strategy", path, "--date", "2026-01-05")
    assert code == 0, err
    assert json.loads(out)["channels"]


# --- 2. aliases and nesting ---------------------------------------------------------------

@pytest.mark.timeout(30)
def test_alias_bomb_questionnaire_is_refused_with_line_and_column(tmp_path):
    assert len(ALIAS_BOMB.encode()) <= 640
    path = tmp_path / "bomb.yaml"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 1
    line = one_line(err)
    assert "alias YAML « *a » refusé" in line and "ligne 2, colonne 8" in line


@pytest.mark.parametrize("depth, refused", [(MAX_CONDITION_DEPTH, False), (MAX_CONDITION_DEPTH + 1, True), (500, True)])
@pytest.mark.timeout(30)
def test_condition_depth_is_bounded_and_named(depth, refused):
    when = "{answered: goals}"
    for _ in range(depth - 1):
        when = "{not: " + when + "}"
    text = QUESTIONNAIRE + f"  - {{id: name, field: structure.name, kind: text, text: {{fr: 'Nom'}}, when: {when}}}\n"
    found = [str(p).replace("\u00a0", " ") for p in check_text(text, "q.yaml").errors]
    deep = [p for p in found if "condition trop imbriquée" in p or "imbrication trop profonde" in p]
    assert bool(deep) == refused, found
    if refused and depth < 100:  # shallow enough for YAML: the validator names the question
        assert "question « name »" in deep[0]


@pytest.mark.timeout(30)
def test_deeply_nested_json_profile_is_one_french_line(tmp_path):
    path = profile_file(tmp_path, '{"goals": ' + "[" * 100_000 + "]" * 100_000 + "}")
    code, _, err = run("strategy", path)
    assert code == 1 and "JSON trop imbriqué" in one_line(err)


# --- 3. French, one short line --------------------------------------------------------------

@pytest.mark.parametrize("text, fragment", [
    ("", "ligne 1, colonne 1 : valeur attendue"),
    ("{", "nom de champ entre guillemets"),
    ('{"goals" ["inform"]}', "« : » attendu"),
    ('{"goals": ["inform"] "x": 1}', "« , » attendu"),
    ('{"goals": "inform', "texte non fermé"),
    ('{"goals": "a\nb"}', "caractère de contrôle"),
    ('{"goals": "\\q"}', "séquence d’échappement inconnue"),
    ('{"goals": "\\u12"}', "séquence \\uXXXX incorrecte"),
    ("{} {}", "du contenu après la fin"),
    ('{"n": 1' + "0" * 5000 + "}", "un nombre a trop de chiffres"),
])
def test_json_errors_are_french(tmp_path, text, fragment):
    code, _, err = run("strategy", profile_file(tmp_path, text))
    line = one_line(err)
    assert code == 1 and fragment in line, line
    assert "Expecting" not in line and "Unterminated" not in line and "Invalid" not in line


def test_a_utf8_byte_order_mark_is_tolerated(tmp_path):
    code, _, err = run("strategy", profile_file(tmp_path, "\ufeff" + json.dumps(MINIMAL)), "--date", "2026-01-05")
    assert code == 0, err


@pytest.mark.parametrize("make, fragment", [
    (lambda d: d / "absent.json", "fichier introuvable"),
    (lambda d: d, "c’est un dossier"),
    (lambda d: (d / "latin1.json").write_bytes(b'{"name": "\xe9"}') and d / "latin1.json", "pas du texte UTF-8"),
])
def test_unreadable_files_are_french_without_exception_names(tmp_path, make, fragment):
    for command in ("strategy", "validate"):
        code, _, err = run(command, str(make(tmp_path)))
        assert code == 1
        line = err.replace("\u00a0", " ")
        assert fragment in line and "Error" not in line, line


def test_many_errors_make_a_short_line(tmp_path):
    data = {**MINIMAL, **{f"k{i}": i for i in range(100_000)}}
    code, _, err = run("strategy", profile_file(tmp_path, json.dumps(data)))
    line = one_line(err)
    assert code == 1 and len(line) < 400, len(line)
    assert "k0 : champ inconnu" in line and "… et 99 997 autres erreurs" in line.replace("\u202f", " ")


def test_a_hundred_thousand_bad_goals_are_one_error(tmp_path):
    code, _, err = run("strategy", profile_file(tmp_path, json.dumps({**MINIMAL, "goals": ["fame"] * 100_000})))
    line = one_line(err)
    assert code == 1 and "goals : au plus 10 éléments" in line and "autres erreurs" not in line


def test_control_characters_are_escaped_and_letters_kept(tmp_path):
    data = {**MINIMAL, "\x1b[31mfoo\n": 1, "é🙂«x»": 2, "a\u2028\u202eb": 3}
    name = "pro\x1bfil\n.json"
    code, _, err = run("strategy", profile_file(tmp_path, json.dumps(data), name))
    line = one_line(err)
    assert "\x1b" not in line and "\u2028" not in line and "\u202e" not in line
    assert "\\x1b[31mfoo\\n : champ inconnu" in line
    assert "é🙂«x» : champ inconnu" in line
    assert "pro\\x1bfil\\n.json" in line
    assert "a\\u2028\\u202eb" in line


def test_missing_file_name_is_escaped(tmp_path):
    code, _, err = run("validate", str(tmp_path / "q\x1b[2J.yaml"))
    assert code == 1 and "\x1b" not in err and "q\\x1b[2J.yaml" in err


@pytest.mark.parametrize("error, fragment", [
    ({"type": "finite_number", "input": float("inf")}, "un nombre fini attendu (reçu : Infinity)"),
    ({"type": "number_not_bool", "input": True}, "pas vrai ou faux (reçu : true)"),
    ({"type": "bool_parsing", "input": "peut-être"}, "vrai ou faux attendu"),
    ({"type": "int_from_float", "input": 2.5}, "un nombre entier attendu (reçu : 2.5)"),
    ({"type": "dict_type", "input": [1]}, "un objet attendu (reçu : une liste)"),
    ({"type": "list_type", "input": "inform"}, "une liste attendue (reçu : « inform »)"),
    ({"type": "too_long", "input": [], "ctx": {"max_length": 10, "actual_length": 12}}, "au plus 10 éléments (ici : 12)"),
    ({"type": "string_too_long", "input": "x", "ctx": {"max_length": 200}}, "au plus 200 caractères"),
    ({"type": "literal_error", "input": "x", "ctx": {"expected": "'a', 'b' or 'c'"}}, "(valeurs possibles : a, b, c)"),
    ({"type": "url_parsing", "input": "x" * 500}, "valeur refusée (reçu : « xxx"),
    ({"type": "greater_than_equal", "input": -1}, "valeur refusée"),  # a context pydantic did not give
])
def test_french_for_each_pydantic_error_type(error, fragment):
    said = errors.message(error).replace("\u00a0", " ")
    assert fragment in said, said
    assert len(said) < 200


def test_summary_counts_what_it_leaves_out():
    assert errors.summarize(["a", "b"]) == "a\u00a0; b"
    assert errors.summarize(["a", "b", "c", "d"]).endswith("c\u00a0; … et 1 autre erreur")


@pytest.mark.parametrize("argv, fragment", [
    ([], "argument obligatoire manquant : commande"),
    (["frob"], "commande : « frob » n’est pas un choix possible (possibles : schema, validate"),
    (["strategy"], "argument obligatoire manquant : profile"),
    (["strategy", "a", "b"], "argument inconnu : b"),
    (["strategy", "a", "--date"], "--date : une valeur est attendue"),
    (["report", "a", "--kind", "\x1b"], "--kind : « \\x1b » n’est pas un choix possible"),
])
def test_usage_errors_are_french(argv, fragment):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    line = one_line(err.getvalue())
    assert fragment in line and "\x1b" not in line, line
    assert not any(w in line for w in ("required", "invalid choice", "unrecognized", "expected"))


# --- review of issue 8: what the command line still said badly ---------------------------------

def test_a_fifo_is_refused_instead_of_blocking(tmp_path):
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    res = subprocess.run([sys.executable, "-m", "wizard", "strategy", str(fifo)], capture_output=True,
                         text=True, timeout=20)
    assert res.returncode == 1 and "pas un fichier ordinaire" in res.stderr and "Traceback" not in res.stderr


def test_report_into_a_folder_uses_the_usual_name_and_a_missing_folder_is_said_first(tmp_path):
    example = str(ROOT / "examples" / "pij-petite-ville.json")
    ok = subprocess.run([sys.executable, "-m", "wizard", "report", example, "-o", str(tmp_path), "--date", "2026-11-26"],
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "strategie-reseaux-pij-de-saint-affrique-2026-11-26.pdf").is_file()
    bad = subprocess.run([sys.executable, "-m", "wizard", "report", example, "-o", str(tmp_path / "nope" / "x.pdf")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and "dossier" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("url", ["mysql://x@localhost/db", "nonsense", "sqlite3:///x.db"])
def test_an_unsupported_database_url_is_named(url):
    env = {**os.environ, "DATABASE_URL": url}
    res = subprocess.run([sys.executable, "-m", "wizard", "db", "upgrade"], capture_output=True, text=True,
                         env=env, timeout=60)
    assert res.returncode == 1 and "non prise en charge" in res.stderr and "interne" not in res.stderr
