"""Issue 10, point 1: objections as data. Each concern has, in arguments.yaml, the objection as an
official says it, the answer written for officials (not advice to the team), its evidence with
sources, the safeguard and the cost; arguments have stable ids, and the note finds them by id,
never by a source key."""
from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from conftest import knowledge_problems

from wizard.documents.content_brief import brief_document
from wizard.engine import build_strategy
from wizard.knowledge import default
from wizard.knowledge.meaning import ENGINE_ARGUMENTS
from wizard.profile import parse_profile
from wizard.vocabulary import ids

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.json"))
TODAY = date(2026, 11, 26)
KB = default()
IMPERATIVE = re.compile(r"(?:^|[.!?…]\s+)(?:N[’']|Ne )?(?:[A-ZÀ-Ý]\w*ez|Faites|Dites)\b")


@cache
def strategy(name: str):
    p = parse_profile(json.loads((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8")))
    return p, build_strategy(p, KB, TODAY)


def test_every_concern_has_an_objection_an_answer_evidence_a_safeguard_and_a_cost():
    answers = {a.concern: a for a in KB.arguments if a.use == "answer"}
    assert set(answers) == set(ids("concern"))
    for concern, a in answers.items():
        for field in (a.objection, a.answer, a.safeguard, a.cost):
            assert field is not None and field.fr.strip() and (field.en or "").strip(), (concern, field)
        assert a.objection.fr.startswith("«") and a.objection.en.startswith("“"), concern  # as an official says it
        assert a.evidence and all(e.sources and all(k in KB.sources for k in e.sources) for e in a.evidence)
        assert any(e.when == type(e.when)() for e in a.evidence), concern  # one fact for every structure


def test_answers_speak_to_the_officials_the_responses_advise_the_team():
    for a in KB.arguments:
        if a.answer is None:
            continue
        assert not IMPERATIVE.search(a.answer.fr), (a.id, a.answer.fr)
        assert a.answer.fr != a.response.fr
    advice = [a for a in KB.arguments if a.use == "answer" and IMPERATIVE.search(a.response.fr)]
    assert len(advice) >= 10  # the strategy's responses stay advice to the team


def test_ids_are_stable_unique_and_in_the_strategy():
    assert len({a.id for a in KB.arguments}) == len(KB.arguments)
    for a in KB.arguments:
        assert len({e.id for e in a.evidence}) == len(a.evidence), a.id
    assert set(ENGINE_ARGUMENTS) <= {a.id for a in KB.arguments if a.use == "standing"}
    p, s = strategy("pij-petite-ville")
    known = {a.id: a for a in KB.arguments}
    for a in [*s.arguments, *s.standing_arguments, *s.context_arguments]:
        assert a.id in known and {e.id for e in a.evidence} <= {e.id for e in known[a.id].evidence}


def _renamed(s):
    """The same strategy with every source key renamed: what the note picks must not change."""
    data = s.model_dump(mode="json")
    rename = {src["key"]: f"ZZ{n}-{src['key'][::-1]}" for n, src in enumerate(data["sources"])}

    def walk(value):
        if isinstance(value, dict):
            return {k: ([rename.get(x, x) for x in v] if k == "sources" and isinstance(v, list)
                        and all(isinstance(x, str) for x in v) else walk(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, str):
            for old, new in rename.items():
                value = value.replace(f"[{old}]", f"[{new}]")
            return value
        return value

    data = walk(data)
    for src in data["sources"]:
        src["key"] = rename[src["key"]]
    return type(s).model_validate(data)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_note_never_picks_an_argument_by_its_source_key(name):
    p, s = strategy(name)
    refs = [r for b in brief_document(s, p).blocks for r in getattr(b, "refs", ())]
    again = [r for b in brief_document(_renamed(s), p).blocks for r in getattr(b, "refs", ())]
    strip = [r for r in refs if not r.startswith("source:")]
    assert strip == [r for r in again if not r.startswith("source:")]
    assert any(r.startswith("evidence:") for r in strip)  # the context facts, found by their ids


# --- the loader refuses an argument that would break the note ---------------------------------

def problems_after(kb_copy, change):
    return "\n".join(knowledge_problems(kb_copy, "arguments.yaml", change))

def _entry(data, aid):
    return next(a for a in data if a["id"] == aid)


CASES = {
    "advice instead of an answer": (lambda d: _entry(d, "time")["answer"].update(fr="Limitez-vous à deux réseaux."),
                                    "« time » : answer.fr donne un conseil à l’équipe"),
    "no safeguard": (lambda d: _entry(d, "legal").pop("safeguard"), "« legal » : safeguard manquant"),
    "no cost": (lambda d: _entry(d, "privacy").pop("cost"), "« privacy » : cost manquant"),
    "no objection": (lambda d: _entry(d, "cost").pop("objection"), "« cost » : objection manquant"),
    "duplicate id": (lambda d: _entry(d, "skills").update(id="time"), "« time » : identifiant en double"),
    "unknown lead": (lambda d: _entry(d, "need").update(lead=["nope"]), "« need » : lead : preuve inconnue « nope »"),
    "unknown legal point": (lambda d: _entry(d, "legal").update(legal=["nope"]), "legal : point inconnu « nope »"),
    "hours without counts": (lambda d: _entry(d, "cost").pop("counts"), "« cost » : cost cite {hours} sans counts"),
    "unknown placeholder": (lambda d: _entry(d, "skills")["answer"].update(fr="Nous formons {who}."),
                            "« {who} » n’est pas rempli par le moteur"),
    "a standing answer missing": (lambda d: d.remove(_entry(d, "savings")), "« savings » : argument permanent manquant"),
    "concern left unanswered": (lambda d: d.remove(_entry(d, "platform_ethics")),
                                "« platform_ethics » : aucun argument pour cette inquiétude"),
    "unknown parent body": (lambda d: _entry(d, "public_neutrality")["when"].update(parent_bodies_any=["mairie"]),
                            "rattachement inconnu « mairie »"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_loader_names_what_breaks_an_argument(kb_copy, case):
    change, expected = CASES[case]
    assert expected in problems_after(kb_copy, change)
