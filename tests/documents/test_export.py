"""Real documents end to end, for every example profile: the PDF strategy, the note for
elected officials and their Word versions, through the same entry point as the app and
the command line."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from functools import cache
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from wizard.documents import export
from wizard.engine import build_strategy
from wizard.knowledge import default
from wizard.profile import parse_profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.json"))
TODAY = date(2026, 11, 26)
STRATEGY_SECTIONS = ["Synthèse", "Autodiagnostic", "Réseaux recommandés", "Charge de travail", "Plan à 90 jours",
                     "Indicateurs", "Charte d’équipe", "Points juridiques", "Calendrier",
                     "Arguments pour la hiérarchie", "Sources"]
HOSTILE = "<script>x</script> **gras** __souligné__ 🎉 مرحبا \x07 " + "Ab" * 2500


def profile(example: str, **structure):
    data = json.loads((ROOT / "examples" / f"{example}.json").read_text(encoding="utf-8"))
    data["structure"] = {**data.get("structure", {}), **structure}
    return parse_profile(data)


@cache
def made(name: str, kind: str, fmt: str) -> bytes:
    p = profile(name)
    return export.render(kind, fmt, build_strategy(p, default(), TODAY), p)


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize("name", EXAMPLES)
def test_strategy_pdf_has_every_section_and_every_argument(name):
    pages, text = pdf_text(made(name, "strategy", "pdf"))
    text = flat(text)
    for title in STRATEGY_SECTIONS:
        assert title in text, title
    strategy = build_strategy(profile(name), default(), TODAY)
    for argument in strategy.arguments:
        assert flat(argument.title)[:40] in text, argument.title
    for ch in ("’", "«", "»", "é"):
        assert ch in text
    assert pages >= 10


@pytest.mark.parametrize("name", EXAMPLES)
def test_note_for_elected_officials_has_two_to_four_pages(name):
    pages, text = pdf_text(made(name, "brief", "pdf"))
    assert 2 <= pages <= 4, pages
    text = flat(text)
    for title in ("Objet", "Contexte", "Ce que nous proposons", "Ce que nous vous demandons", "Sources"):
        assert title in text


@pytest.mark.parametrize("kind", ["strategy", "brief"])
def test_qpdf_checks_every_document(kind, tmp_path, qpdf):
    for name in EXAMPLES:
        path = tmp_path / f"{name}-{kind}.pdf"
        path.write_bytes(made(name, kind, "pdf"))
        res = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, timeout=60)
        assert res.returncode == 0, (name, res.stdout[-500:], res.stderr[-500:])


@pytest.mark.parametrize("kind, first", [("strategy", "Synthèse"), ("brief", "Objet")])
def test_word_versions_reopen_with_headings_and_tables(kind, first):
    for name in ("mission-locale-rurale", "centre-social"):
        document = docx.Document(io.BytesIO(made(name, kind, "docx")))
        level = "Heading 1" if kind == "strategy" else "Heading 2"  # the note's sections are level 2
        headings = [p.text for p in document.paragraphs if p.style.name == level]
        assert headings[0] == first
        if kind == "strategy":
            assert headings == STRATEGY_SECTIONS
            assert len(document.tables) >= 5  # plan, KPIs, legal points, calendar, assumptions…
        assert document.core_properties.author == "Cap Réseaux"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("kind", ["strategy", "brief"])
def test_hostile_structure_name_prints_in_every_document(kind, fmt):
    p = profile("bij-urbain", name=HOSTILE[:200])
    data = export.render(kind, fmt, build_strategy(p, default(), TODAY), p)
    if fmt == "pdf":
        _, text = pdf_text(data)
        assert "<script>x</script>" in text and "**gras**" in text and "__souligné__" in text
    else:
        text = "\n".join(par.text for par in docx.Document(io.BytesIO(data)).paragraphs)
        assert "<script>x</script> **gras** __souligné__ 🎉 مرحبا" in text
        assert "\x07" not in text


def test_file_names():
    assert export.file_name("strategy", "pdf", "PIJ de Saint-Affrique", TODAY) == \
        "strategie-reseaux-pij-de-saint-affrique-2026-11-26.pdf"
    assert export.file_name("brief", "docx", "<b>Ça</b> 🎉", TODAY) == "note-aux-elus-b-ca-b-2026-11-26.docx"
    assert export.file_name("brief", "pdf", "", TODAY) == "note-aux-elus-2026-11-26.pdf"


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True, cwd=ROOT)


def test_cli_report_pdf_and_docx(tmp_path):
    out = tmp_path / "note.pdf"
    res = run_cli("report", "examples/pij-petite-ville.json", "-o", str(out), "--kind", "brief", "--date", "2026-11-26")
    assert res.returncode == 0, res.stderr
    assert out.read_bytes() == made("pij-petite-ville", "brief", "pdf")  # same bytes as the app's download
    word = tmp_path / "strategie.docx"
    res = run_cli("report", "examples/pij-petite-ville.json", "-o", str(word), "--date", "2026-11-26")
    assert res.returncode == 0, res.stderr
    assert docx.Document(str(word)).paragraphs


@pytest.mark.parametrize("args, fragment", [
    (["report", "nope.json", "-o", "x.pdf"], "introuvable"),
    (["report", "examples/bij-urbain.json", "-o", "x.odt"], "« odt » inconnu"),
    (["report", "examples/bij-urbain.json", "--kind", "memo"], "--kind : « memo » n’est pas un choix possible"),
    (["report", "examples/bij-urbain.json", "-o", "/nonexistent-dir/x.pdf"], "écriture impossible"),
])
def test_cli_report_errors_are_one_line(args, fragment):
    res = run_cli(*args)
    assert res.returncode != 0
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0].replace("\u00a0", " ") and "Traceback" not in res.stderr


@pytest.mark.parametrize("lang, expected", [
    ("fr", ["strategie-reseaux-pij-2026-11-26.pdf", "note-aux-elus-pij-2026-11-26.docx",
            "profil-pij.json", "strategie-pij-2026-11-26.json"]),
    ("en", ["social-media-strategy-pij-2026-11-26.pdf", "note-for-officials-pij-2026-11-26.docx",
            "profile-pij.json", "strategy-pij-2026-11-26.json"]),
])
def test_every_download_is_named_in_the_page_language(lang, expected):
    names = [export.file_name("strategy", "pdf", "PIJ", TODAY, lang), export.file_name("brief", "docx", "PIJ", TODAY, lang),
             export.data_file_name("profile", "PIJ", TODAY, lang), export.data_file_name("strategy", "PIJ", TODAY, lang)]
    assert names == expected
