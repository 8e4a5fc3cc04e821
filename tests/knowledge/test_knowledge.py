"""The knowledge base: the shipped data is sound, and broken data gets a message naming file and entry."""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import knowledge_problems

from wizard.knowledge import KnowledgeError, check, default, load
from wizard.knowledge.load import DIR
from wizard.vocabulary import ids

REFERENCE_TEXT = DIR.parents[2] / "shared" / "domain" / "REFERENCE.md"  # ../shared beside the repo


def test_shipped_knowledge_is_sound():
    kb, problems = check()
    assert problems == []
    assert set(kb.channels) == set(ids("channel"))
    assert {a.concern for a in kb.arguments} >= set(ids("concern")) | {"general"}
    assert {g for k in kb.kpis for g in k.goals} >= set(ids("goal"))
    assert set(kb.maturity) == set(ids("maturity_dimension"))
    assert {t.week for t in kb.plan} == set(range(1, 14))


def test_every_effort_figure_is_sourced_or_a_labelled_assumption():
    kb = default()
    for aid, act in kb.effort.items():
        assert act.assumption or act.sources, aid
        assert act.basis.fr and act.basis.en, aid
    # the §9 modelling assumptions are flagged as such
    for aid in ("image_post", "story", "short_video", "long_video", "live", "moderation", "monitoring",
                "measurement", "validation", "followup_message", "followup_inbox"):
        assert kb.effort[aid].assumption is True, aid
    # the rules that size or lower the work are labelled too, in both languages
    for aid, act in kb.effort.items():
        for rule in [act.light, act.with_skill, *act.sizing.values()]:
            if rule is not None:
                assert (rule.assumption or rule.sources) and rule.basis.fr and rule.basis.en, aid


@pytest.mark.skipif(not REFERENCE_TEXT.exists(), reason="shared/domain/REFERENCE.md not beside the repo")
def test_every_source_key_comes_from_the_reference():
    text = REFERENCE_TEXT.read_text(encoding="utf-8")
    missing = [k for k in default().sources if k not in text]
    assert missing == []



def problems_after(kb_copy, file, change):
    return knowledge_problems(kb_copy, file, change)

def first_channel(data):
    return data[next(iter(data))]


CASES = {
    "unknown source key": ("channels.yaml", lambda d: first_channel(d)["min_age"].update(sources=["NOPE-2099"]),
                           "channels.yaml : « facebook » : source inconnue « NOPE-2099 »"),
    "unknown channel id": ("channels.yaml", lambda d: d.update(myspace=first_channel(d)),
                           "réseau inconnu « myspace »"),
    "unknown goal in a KPI": ("kpis.yaml", lambda d: d[0].update(goals=["world_peace"]),
                              "objectif inconnu « world_peace »"),
    "missing French text": ("arguments.yaml", lambda d: d[0]["title"].pop("fr"), "title.fr : champ obligatoire manquant"),
    "concern without argument": ("arguments.yaml",
                                 lambda d: d.__setitem__(slice(None), [a for a in d if a["concern"] != "cost"]),
                                 "arguments.yaml : « cost » : aucun argument pour cette inquiétude"),
    "rhythm outside the formats": ("channels.yaml",
                                   lambda d: first_channel(d)["rhythm_minimum"]["items"].update(long_video=1),
                                   "rythme : « long_video » n’est pas un format de ce réseau"),
    "unknown age band in a condition": ("legal.yaml", lambda d: d[0].setdefault("when", {}).update(age_bands_any=["3_5"]),
                                        "tranche d’âge inconnu « 3_5 »"),
    "assumption without basis sources": ("effort.yaml",
                                         lambda d: d["participation"].update(assumption=False, sources=[]),
                                         "un chiffre qui n’est pas une hypothèse a besoin de sources"),
    "sizing parameter the engine reads is missing": (
        "effort.yaml", lambda d: d["followup_message"]["sizing"].pop("messages_per_youth_per_week"),
        "effort.yaml : « followup_message » : sizing : paramètre « messages_per_youth_per_week » manquant"),
    "unknown skill that shortens the work": ("effort.yaml",
                                             lambda d: d["short_video"]["with_skill"].update(skills=["juggling"]),
                                             "effort.yaml : « short_video » : with_skill : compétence inconnue « juggling »"),
    "light range upside down": ("effort.yaml", lambda d: d["monitoring"]["light"].update(low_hours=3),
                                "high_hours < low_hours"),
    "maturity levels incomplete": ("maturity.yaml", lambda d: d["strategy"]["levels"].pop(5),
                                   "« strategy » : les niveaux doivent aller de 1 à 5"),
}


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_broken_knowledge_names_file_and_entry(kb_copy, case):
    file, change, fragment = CASES[case]
    found = problems_after(kb_copy, file, change)
    assert any(fragment in p for p in found), found


def test_missing_file_and_bad_yaml(kb_copy):
    (kb_copy / "charter.yaml").unlink()
    (kb_copy / "plan.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load(kb_copy)
    text = str(info.value)
    assert "charter.yaml : fichier manquant" in text.replace("\u00a0", " ")
    assert "plan.yaml : YAML illisible" in text.replace("\u00a0", " ")


def test_validate_command_checks_the_knowledge_too():
    res = subprocess.run([sys.executable, "-m", "wizard", "validate"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "base de connaissances valide" in res.stdout
