"""Questionnaire validation, pyxform style: small questionnaires written inline, with
`error contains` assertions naming the file and the question."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from wizard.questionnaire.load import (
    SHIPPED,
    QuestionnaireError,
    check_text,
    load,
    shipped_files,
)

HEAD = """
id: t
title: {fr: "Test", en: "Test"}
questions:
"""
REQUIRED = """
  - id: goals
    field: goals
    kind: ranked
    text: {fr: "Objectifs ?", en: "Goals?"}
    help: {fr: "Aide", en: "Help"}
  - id: ages
    field: audience.age_bands
    kind: multi
    text: {fr: "Âges ?", en: "Ages?"}
    help: {fr: "Aide", en: "Help"}
  - id: hours
    field: resources.hours_per_week
    kind: number
    unit: hours
    text: {fr: "Heures ?", en: "Hours?"}
    help: {fr: "Aide", en: "Help"}
"""


def doc(extra: str = "", *, required: bool = True) -> str:
    return HEAD + (REQUIRED if required else "") + textwrap.dedent(extra).replace("\n", "\n  ").rstrip() + "\n"


def errors(text: str) -> list[str]:
    return [str(p) for p in check_text(text, "broken.yaml").errors]


def test_minimal_questionnaire_is_valid_without_warnings():
    report = check_text(doc(), "ok.yaml")
    assert report.ok, report.errors
    assert report.warnings == []
    assert [q.id for q in report.questionnaire.questions] == ["goals", "ages", "hours"]


# Each case: the YAML added after the three required questions, the question id
# the error must name, and a fragment of the message.
BROKEN = {
    "unknown profile field": ("""
        - id: foo
          field: structure.flavour
          kind: text
          text: {fr: "Parfum ?", en: "Flavour?"}
        """, "foo", "champ inconnu du profil : « structure.flavour »"),
    "unknown field on a choice question": ("""
        - id: foo
          field: structure.flavour
          kind: single
          text: {fr: "Parfum ?", en: "Flavour?"}
        """, "foo", "champ inconnu du profil : « structure.flavour »"),
    "not a number bound": ("""
        - id: hours
          field: resources.hours_per_week
          kind: number
          min: .nan
          text: {fr: "Heures ?", en: "Hours?"}
        """, "hours", "min : un nombre fini attendu"),
    "a boolean bound": ("""
        - id: hours
          field: resources.hours_per_week
          kind: number
          max: true
          text: {fr: "Heures ?", en: "Hours?"}
        """, "hours", "max : un nombre attendu, pas vrai ou faux"),
    "option not allowed by the profile": ("""
        - id: kind
          field: structure.kind
          kind: single
          options: [pij, spaceport]
          text: {fr: "Type ?", en: "Kind?"}
        """, "kind", "option « spaceport » non permise"),
    "duplicate id": ("""
        - id: hours
          field: structure.name
          kind: text
          text: {fr: "Nom ?", en: "Name?"}
        """, "hours", "identifiant en double"),
    "condition on unknown question": ("""
        - id: name
          field: structure.name
          kind: text
          when: {answered: nowhere}
          text: {fr: "Nom ?", en: "Name?"}
        """, "name", "question inconnue « nowhere »"),
    "condition on a later question": ("""
        - id: name
          field: structure.name
          kind: text
          when: {equals: [kind, pij]}
          text: {fr: "Nom ?", en: "Name?"}
        - id: kind
          field: structure.kind
          kind: single
          text: {fr: "Type ?", en: "Kind?"}
        """, "name", "« kind » est posée après cette question"),
    "unreachable question": ("""
        - id: country
          field: structure.country
          kind: single
          options: [fr, be]
          text: {fr: "Pays ?", en: "Country?"}
        - id: name
          field: structure.name
          kind: text
          when: {equals: [country, qc]}
          text: {fr: "Nom ?", en: "Name?"}
        """, "name", "question inatteignable"),
    "missing French label": ("""
        - id: name
          field: structure.name
          kind: text
          text: {en: "Name?"}
        """, "name", "texte français manquant (text.fr)"),
    "wrong kind for the field": ("""
        - id: staff
          field: structure.staff
          kind: multi
          text: {fr: "Salariés ?", en: "Staff?"}
        """, "staff", "le type « multi » ne convient pas au champ « structure.staff »"),
    "unknown kind": ("""
        - id: staff
          field: structure.staff
          kind: slider
          text: {fr: "Salariés ?", en: "Staff?"}
        """, "staff", "kind : « slider » n’est pas une valeur permise (valeurs possibles : single, multi"),
    "unknown condition operator": ("""
        - id: name
          field: structure.name
          kind: text
          when: {resembles: [goals, inform]}
          text: {fr: "Nom ?", en: "Name?"}
        """, "name", "opérateur de condition inconnu « resembles »"),
    "condition depends on itself": ("""
        - id: name
          field: structure.name
          kind: text
          when: {answered: name}
          text: {fr: "Nom ?", en: "Name?"}
        """, "name", "dépend d’elle-même"),
    "for_each on unknown question": ("""
        - id: followers
          field: presence.{item}.followers
          for_each: channels
          kind: number
          text: {fr: "Abonnés ?", en: "Followers?"}
        """, "followers", "for_each désigne une question inconnue"),
    "min above max": ("""
        - id: staff
          field: structure.staff
          kind: number
          min: 10
          max: 2
          text: {fr: "Salariés ?", en: "Staff?"}
        """, "staff", "min (10.0) est supérieur à max (2.0)"),
    "two questions fill one field": ("""
        - id: hours_again
          field: resources.hours_per_week
          kind: number
          text: {fr: "Heures ?", en: "Hours?"}
        """, "hours_again", "déjà rempli par la question « hours »"),
    "option label missing for a free value": ("""
        - id: validation
          field: constraints.validation_required
          kind: single
          options: [true, {value: false, label: {en: "No"}}]
          text: {fr: "Validation ?", en: "Validation?"}
        """, "validation", "texte français manquant"),
    "bad id": ("""
        - id: Bad-Id
          field: structure.name
          kind: text
          text: {fr: "Nom ?", en: "Name?"}
        """, "Bad-Id", "id : « Bad-Id » n’a pas la forme attendue"),
    "skip label on a required question": ("""
        - id: staff
          field: structure.staff
          kind: number
          skip_label: {fr: "Je ne sais pas", en: "I don’t know"}
          text: {fr: "Salariés ?", en: "Staff?"}
        """, "staff", "skip_label ne s’applique qu’à une question facultative"),
    "contains on a single-choice question": ("""
        - id: kind
          field: structure.kind
          kind: single
          text: {fr: "Type ?", en: "Kind?"}
        - id: name
          field: structure.name
          kind: text
          when: {contains: [kind, pij]}
          text: {fr: "Nom ?", en: "Name?"}
        """, "name", "« contains » s’applique à une question à choix multiples"),
}


@pytest.mark.parametrize("case", sorted(BROKEN), ids=sorted(BROKEN))
def test_broken_questionnaire_names_file_question_and_problem(case):
    extra, qid, fragment = BROKEN[case]
    found = errors(doc(extra))
    assert found, f"{case}: no error reported"
    matching = [e for e in found if fragment in e.replace("\u00a0", " ")]
    assert matching, f"{case}: expected « {fragment} » in {found}"
    assert matching[0].startswith("broken.yaml"), matching[0]
    assert f"« {qid} »" in matching[0].replace("\u00a0", " "), matching[0]


def test_missing_required_field_is_reported_for_the_questionnaire():
    text = HEAD + """
  - id: name
    field: structure.name
    kind: text
    text: {fr: "Nom ?", en: "Name?"}
"""
    found = [e.replace("\u00a0", " ") for e in errors(text)]
    assert any("aucune question ne remplit le champ obligatoire « goals »" in e for e in found), found
    assert any("« resources.hours_per_week »" in e for e in found), found


def test_yaml_syntax_error_names_the_line():
    found = errors("id: t\ntitle: {fr: 'x'\nquestions: [")
    assert len(found) == 1
    assert found[0].startswith("broken.yaml") and "YAML illisible" in found[0] and "ligne" in found[0]


def test_not_a_mapping():
    assert "doit contenir un questionnaire" in errors("- just\n- a list\n")[0]


def test_missing_english_is_a_warning_not_an_error():
    report = check_text(doc("""
        - id: name
          field: structure.name
          kind: text
          text: {fr: "Nom ?"}
        """), "w.yaml")
    assert report.ok
    assert any("texte anglais manquant" in str(w) and "« name »" in str(w).replace("\u00a0", " ") for w in report.warnings)


def test_load_raises_with_every_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(doc(BROKEN["duplicate id"][0] + BROKEN["unknown profile field"][0].replace("foo", "bar")),
                    encoding="utf-8")
    with pytest.raises(QuestionnaireError) as info:
        load(path)
    assert len(info.value.problems) == 2
    assert all(str(p).startswith(str(path)) for p in info.value.problems)


def test_shipped_questionnaires_are_valid_and_bilingual():
    files = shipped_files()
    assert {f.name for f in files} >= {"diagnostic.yaml", "atelier.yaml"}
    for f in files:
        report = check_text(f.read_text(encoding="utf-8"), f.name)
        assert report.ok, report.errors
        assert report.warnings == [], report.warnings


def test_the_full_diagnostic_is_complete():
    q = load(SHIPPED / "diagnostic.yaml")
    assert 25 <= len(q.questions) <= 35
    kinds = {x.kind for x in q.questions}
    assert kinds == {"single", "multi", "ranked", "number", "scale", "text"}
    assert sum(x.field.startswith("maturity.") for x in q.questions) == 6
    assert any(x.for_each for x in q.questions)
    assert any(x.when for x in q.questions)


def test_the_workshop_questionnaire_is_short_and_asks_what_the_engine_needs():
    """About ten questions, on a subset of the full diagnostic's fields."""
    short, full = load(SHIPPED / "atelier.yaml"), load(SHIPPED / "diagnostic.yaml")
    assert 8 <= len(short.questions) <= 12
    assert {x.field for x in short.questions} <= {x.field for x in full.questions}
    assert {"structure.kind", "audience.age_bands", "goals", "resources.hours_per_week"} <= {
        x.field for x in short.questions}


def test_shipped_french_follows_typography():
    """Non-breaking space before ? ! : ; and inside « », typographic apostrophe."""
    for f in shipped_files():
        for q in load(f).questions:
            for text in filter(None, [q.text, q.help]):
                fr = text.fr
                for mark in "?!:;":
                    assert f" {mark}" not in fr, (q.id, fr)
                assert "'" not in fr, (q.id, fr)
                assert "« " not in fr and " »" not in fr, (q.id, fr)


def test_cli_validate_ok_and_broken(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "wizard", "validate"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "valide" in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(doc(BROKEN["unknown profile field"][0]), encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "wizard", "validate", str(bad)], capture_output=True, text=True)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    lines = [line for line in res.stderr.splitlines() if line.startswith("erreur")]
    assert len(lines) == 1 and "« foo »" in lines[0].replace("\u00a0", " ") and "bad.yaml" in lines[0]
    missing = subprocess.run([sys.executable, "-m", "wizard", "validate", str(tmp_path / "nope.yaml")],
                             capture_output=True, text=True)
    assert missing.returncode == 1 and "fichier introuvable" in missing.stderr and "Traceback" not in missing.stderr
