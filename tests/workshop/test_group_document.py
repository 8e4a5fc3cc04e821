"""The trainer's group PDF: the room's aggregates, then one anonymous summary per participant
(issue 13, point 5); and the room view's radar, the same block drawn as a picture (point 4)."""
from __future__ import annotations

import io
from dataclasses import replace

import pytest
from conftest import TODAY, example_data, example_strategy
from pypdf import PdfReader

from wizard.documents.blocks import Bullets, Heading, Paragraph, RadarChart, Table
from wizard.knowledge import default
from wizard.questionnaire.load import SHIPPED, load
from wizard.store.workshops import Participant, Workshop
from wizard.workshop import aggregates, exports
from wizard.workshop.group_document import group_document

SHORT = load(SHIPPED / "atelier.yaml")
FINISHED = ("pij-petite-ville", "mission-locale-rurale", "bij-urbain")
TYPED = "MJC de Tulle, Mme Martin"  # what a participant typed: it could say who answered


def finished(n: int, name: str) -> Participant:
    data = example_data(name)
    answers = {"structure_name": TYPED, "structure_kind": data["structure"]["kind"],
               "age_bands": data["audience"]["age_bands"], "goals": data["goals"],
               "hours_per_week": data["resources"]["hours_per_week"],
               **{f"maturity_{k}": v for k, v in data.get("maturity", {}).items()}}
    return Participant(session_id=n, answers=answers, finished=True, profile={**data, "structure": {
        **data["structure"], "name": TYPED}}, revision=1, approved=frozenset())


PEOPLE = [finished(n, name) for n, name in enumerate(FINISHED, 1)] + [
    Participant(session_id=9, answers={"structure_kind": "pij", "structure_name": TYPED}, finished=False,
                profile=None, revision=1, approved=frozenset())]
STRATEGIES = {p.session_id: example_strategy(name) for p, name in zip(PEOPLE, FINISHED, strict=False)}
WORKSHOP = Workshop(1, "ABC234", "Formation du 12 mars", "atelier", None, "fr", True, True, None, 0, False)


def strategy_of(p: Participant):
    return STRATEGIES.get(p.session_id) if p.finished else None


@pytest.fixture(scope="module")
def room():
    return aggregates.room(PEOPLE, SHORT, default(), "fr", strategy_of)


def texts(doc) -> list[str]:
    out = [doc.title, doc.subtitle, doc.structure_name]
    for b in doc.blocks:
        if isinstance(b, (Heading, Paragraph)):
            out.append(b.text)
        elif isinstance(b, Bullets):
            out += [*b.items, *b.labels]
        elif isinstance(b, Table):
            out += [*b.header, *(cell for row in b.rows for cell in row), b.caption]
    return out


def test_the_aggregates_come_first_and_match_the_room(room):
    doc = group_document(WORKSHOP.title, room, PEOPLE, SHORT, strategy_of, "fr", TODAY)
    assert doc.kind == "group" and doc.headings(1) == ["La salle", "Chaque participant"]
    goals = doc.blocks[doc.blocks.index(Heading("Objectifs", level=2)) + 1]
    assert {row[0]: int(row[1]) for row in goals.rows} == {c.label: c.count for c in room.goals}
    recommended = doc.blocks[doc.blocks.index(Heading("Réseaux recommandés", level=2)) + 1]
    assert {row[0]: int(row[1]) for row in recommended.rows} == {c.label: c.count for c in room.recommended}
    radar = next(b for b in doc.blocks if isinstance(b, RadarChart))
    assert radar.values == tuple(m.mean for m in room.maturity) and any(v is not None for v in radar.values)
    usage = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0] == "Réseau")
    assert "Sources\u00a0:" in usage.caption and "[" not in usage.caption  # named as a reader knows them


def test_then_one_anonymous_summary_per_participant(room):
    doc = group_document(WORKSHOP.title, room, PEOPLE, SHORT, strategy_of, "fr", TODAY)
    assert [h for h in doc.headings(2) if h.startswith("Participant ")] == [f"Participant {n}" for n in range(1, 5)]
    words = "\n".join(texts(doc))
    assert "Tulle" not in words and "Martin" not in words  # nothing a participant typed
    for s in STRATEGIES.values():
        assert all(c.label in words for c in s.channels)
    assert "pas encore de stratégie" in words  # the one still answering


def test_the_group_pdf_is_a_real_pdf_in_both_languages(room):
    for lang, heading in (("fr", "Chaque participant"), ("en", "Each participant")):
        w = replace(WORKSHOP, lang=lang)
        data = exports.group_pdf(w, SHORT, PEOPLE, default(), strategy_of, lang, TODAY)
        reader = PdfReader(io.BytesIO(data))
        text = " ".join(page.extract_text() for page in reader.pages).replace("\u00a0", " ")
        assert heading in text and "Participant 4" in text and "Tulle" not in text
        assert reader.metadata.title in ("Synthèse de l’atelier", "Workshop summary")


def test_the_room_view_draws_the_same_radar_as_a_picture(room):
    from PIL import Image

    from wizard.documents.docx.pictures import radar_png
    from wizard.workshop.group_document import maturity_chart
    png = radar_png(maturity_chart(room, "Autodiagnostic moyen"), "fr", "non évalué")
    assert Image.open(io.BytesIO(png)).format == "PNG"
