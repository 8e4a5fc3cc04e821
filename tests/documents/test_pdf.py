"""The PDF renderer: a neutral Document becomes an A4 PDF, drawn by fpdf2 without a browser.

Every test builds its Documents inline and reads the bytes back with pypdf (text, metadata,
outline, content streams), as a PDF reader would: plain text printed as typed, a contents
page with the right page numbers, « page X / N » footers, native charts, fixed bytes.
"""
from __future__ import annotations

import io
import re
import subprocess
import threading
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from wizard.documents.blocks import (
    Bullets,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    RadarChart,
    StackedBars,
    Table,
)
from wizard.documents.pdf import PLACEHOLDER, printable_text, render_pdf

DAY = date(2026, 11, 26)
FRENCH = "L’accueil « jeunes » du cœur et de l’œuvre : 12\u00a0€ par\u202fmois"
EMOJI = "Fête 🎉"
ARABIC = "مرحبا"
HEBREW = "שלום"
HTML = "<b>x</b>"
MARKDOWN = "**x**"
LONG_NAME = "Structure" + "X" * 4991  # 5,000 characters, no space
UNPRINTABLE = "a\U0010FFFDb \u0301 c\x00\x07\x1bd\ud800e"


def every_block(**changes) -> Document:
    """One block of each kind, with the texts a renderer must print as typed."""
    blocks = (
        Heading("Synthèse"),
        Paragraph(f"{FRENCH}. Hostile : {HTML} et {MARKDOWN} et __y__ et {{nb}}.", style="lead"),
        Paragraph(f"{EMOJI} {ARABIC} {HEBREW} fin", label="Prochaine étape"),
        Paragraph("Ces durées sont des estimations ajustables.", style="note", label="À savoir : "),
        Paragraph("Source : enquête 2025.", style="small"),
        Heading("Canaux recommandés"),
        Heading("Instagram", level=2),
        Bullets(("Publier deux fois par semaine", f"Répondre {MARKDOWN}"), labels=("Rythme", "Réponses")),
        Heading("Étapes", level=3),
        Bullets(("Ouvrir le compte", "Publier", "Mesurer"), numbered=True),
        Table(("Canal", "Rôle", "Heures"),
              tuple((f"Canal {i}", "Informer les jeunes\nsur leurs droits", f"{i}\u00a0h") for i in range(40)),
              widths=(1, 3, 1), caption="Répartition du temps"),
        Heading("Maturité"),
        RadarChart("Maturité numérique", ("Stratégie", "Contenus", "Communauté", "Mesure", "Outils"),
                   (3, 4.5, 2, None, 5)),
        Heading("Charge de travail"),
        StackedBars("Heures par semaine", ("Instagram", "TikTok", "Commun"),
                    (("Création", (2.0, 3.0, 0.0)), ("Modération", (1.0, 0.5, 0.0)), ("Veille", (0.0, 0.0, 1.5))),
                    line_value=10, line_label="Temps disponible"),
        PageBreak(),
        Heading("Annexes"),
        Paragraph(LONG_NAME),
        Heading("Hors sommaire", level=2, toc=False),
        Paragraph("Fin."),
    )
    values = dict(kind="strategy", title="Stratégie réseaux sociaux", subtitle="Plan à 90 jours",
                  structure_name=LONG_NAME, date=DAY, lang="fr", blocks=blocks,
                  keywords=("jeunesse", "réseaux sociaux"))
    values.update(changes)
    return Document(**values)


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def path_operators(reader: PdfReader, index: int) -> int:
    stream = reader.pages[index].get_contents().get_data()
    return len(re.findall(rb"(?<![A-Za-z])(?:l|re|h|c)\s", stream))


@pytest.fixture(scope="module")
def rendered() -> tuple[Document, bytes, PdfReader, list[str]]:
    document = every_block()
    data = render_pdf(document)
    reader = read(data)
    return document, data, reader, texts(reader)


def test_headings_french_characters_and_hostile_texts_print_as_typed(rendered):
    document, _, _, pages = rendered
    body = "\n".join(pages)
    for heading in document.headings():
        assert heading in body
    for needle in ("’", "«", "»", "œ", "€", "cœur", HTML, MARKDOWN, "__y__", "{nb}", "🎉", HEBREW[0]):
        assert needle in body, needle
    assert re.search("12[ \u00a0]€ par\u202fmois", body)  # fpdf2 writes a no-break space as a space glyph
    assert all(letter in body for letter in ARABIC)  # logical or visual order, both are fine
    assert re.search("Prochaine étape[ \u00a0]: Fête", body)  # the bold label, then the text
    assert "À savoir : Ces durées" in body


def test_cover_then_contents_listing_level_one_headings_with_their_pages(rendered):
    document, _, reader, pages = rendered
    assert "Stratégie réseaux sociaux" in pages[0] and "26 novembre 2026" in pages[0] and "Cap Réseaux" in pages[0]
    assert "page 1" not in pages[0]  # no header or footer on the cover
    contents = pages[1]
    assert "Sommaire" in contents
    for heading in document.headings(level=1):
        found = re.search(re.escape(heading) + r"\s+(\d+)", contents)
        assert found, heading
        page = int(found.group(1))
        assert heading in pages[page - 1], (heading, page)
    assert "Hors sommaire" not in contents and "Instagram" not in contents
    assert [item["/Title"] for item in reader.outline if isinstance(item, dict)] == document.headings(level=1)


def test_footer_page_x_of_n_on_every_page_but_the_cover(rendered):
    _, _, reader, pages = rendered
    total = len(reader.pages)
    assert total >= 5
    for number, text in enumerate(pages[1:], start=2):
        assert f"page {number} / {total}" in text, number


def test_long_structure_name_is_cut_in_the_header_and_cover_and_wraps_in_the_body(rendered):
    _, _, _, pages = rendered
    header = pages[2].splitlines()[0]
    assert header.startswith("StructureXXX") and "…" in header and len(header) < 200
    assert "…" in pages[0] and pages[0].count("X") < 400
    lines = [line for text in pages for line in text.splitlines()
             if "…" not in line and not re.search(r"page \d+ / \d+", line)]  # no header, no footer
    assert LONG_NAME in "".join(lines)  # the paragraph keeps all 5,000 characters, wrapped over lines


def test_metadata_language_and_fixed_creation_date(rendered):
    _, _, reader, _ = rendered
    meta = reader.metadata
    assert meta.title == "Stratégie réseaux sociaux"
    assert meta.author == "Cap Réseaux" and meta.creator == "Cap Réseaux"
    assert "Plan à 90 jours" in meta.subject
    assert meta["/Keywords"] == "jeunesse, réseaux sociaux"
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert meta.creation_date == datetime(2026, 11, 26, tzinfo=UTC)


def test_same_document_same_bytes(rendered):
    document, data, _, _ = rendered
    assert render_pdf(document) == data


def test_concurrent_renders_give_the_same_bytes():
    """The app renders in Streamlit threads: shared font data must not leak between documents."""
    short = every_block().blocks[:10]
    documents = [every_block(blocks=short), every_block(blocks=short[::-1], title="Autre", lang="en", cover=False)]
    expected = [render_pdf(d) for d in documents]
    results: list[bytes | None] = [None, None]

    def work(i: int) -> None:
        results[i] = render_pdf(documents[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected


def test_radar_and_bars_are_drawn_as_vector_paths():
    def doc(*blocks):
        return Document(kind="brief", title="T", subtitle="", structure_name="S", date=DAY,
                        cover=False, toc=False, blocks=(Heading("Graphique"),) + blocks)

    bare = path_operators(read(render_pdf(doc())), 0)
    radar = RadarChart("Maturité", ("A", "B", "C", "D", "E"), (1, 2, 3, None, 5))
    bars = StackedBars("Heures", ("X", "Y"), (("Création", (1.0, 2.0)), ("Veille", (0.5, 0.0))),
                       line_value=4, line_label="Disponible")
    with_radar = read(render_pdf(doc(radar)))
    with_bars = read(render_pdf(doc(bars)))
    assert path_operators(with_radar, 0) > bare + 20  # 5 rings, 5 axes, the value polygon
    assert path_operators(with_bars, 0) > bare + 8  # segments, grid, axis, reference line
    radar_text = with_radar.pages[0].extract_text()
    assert "D (non évalué)" in radar_text and "C (3/5)" in radar_text
    bars_stream = with_bars.pages[0].get_contents().get_data()
    assert re.search(rb"\[[\d. ]+\] [\d.]+ d", bars_stream)  # the dashed reference line
    bars_text = with_bars.pages[0].extract_text()
    assert "Disponible" in bars_text and "Création" in bars_text and "Veille" in bars_text


def test_text_no_font_has_never_crashes_and_long_words_everywhere():
    word = "W" * 5000
    blocks = (
        Heading(word + UNPRINTABLE), Heading(word, level=2), Heading(UNPRINTABLE, level=3),
        Paragraph(UNPRINTABLE, label=word), Paragraph(word, style="note", label=UNPRINTABLE),
        Bullets((word, UNPRINTABLE), labels=(word,), numbered=True),
        Table((word, UNPRINTABLE, "c"), ((word, "x" * 20000, "\n" * 300), ("a",), ("1", "2", "3", "4")),
              widths=(1, 1000), caption=word),
        RadarChart(word, (word, UNPRINTABLE, "c"), (float("nan"), 99, -3), maximum=0),
        RadarChart("Vide", (), ()),
        StackedBars(word, (word, UNPRINTABLE), ((word, (float("inf"), -1.0)), ("b", (1.0,))),
                    line_value=float("nan"), line_label=word),
        StackedBars("Beaucoup", tuple(f"Catégorie {i}" for i in range(60)),
                    (("a", tuple(float(i) for i in range(60))),), line_value=30),
        PageBreak(), PageBreak(),
    )
    document = Document(kind="strategy", title=word + UNPRINTABLE, subtitle=UNPRINTABLE, structure_name=word,
                        date=DAY, lang=UNPRINTABLE, blocks=blocks, keywords=(UNPRINTABLE,))
    data = render_pdf(document)
    body = "\n".join(texts(read(data)))
    assert PLACEHOLDER in body and "\x00" not in body and "\x07" not in body
    assert "Catégorie 59" in body  # the 60-bar chart went on over the next page


def test_brief_without_cover_or_contents_and_english_footer():
    blocks = (Heading("Purpose"), Paragraph("One page."), Heading("Context"), Paragraph("Another."))
    brief = Document(kind="brief", title="Note for officials", subtitle="Our proposal",
                     structure_name="Youth Centre", date=date(2026, 12, 1), lang="en", cover=False, toc=False,
                     blocks=blocks)
    reader = read(render_pdf(brief))
    first = reader.pages[0].extract_text()
    assert "Note for officials" in first and "1 December 2026" in first
    assert f"page 1 of {len(reader.pages)}" in first
    assert "Contents" not in first
    assert reader.trailer["/Root"]["/Lang"] == "en"
    french = Document(kind="brief", title="Note", subtitle="", structure_name="PIJ", date=date(2026, 12, 1),
                      cover=False, toc=True, blocks=blocks)
    text = read(render_pdf(french)).pages[0].extract_text()
    assert "1er décembre 2026" in text and "Sommaire" in text and "page 1 / " in text


def test_headings_never_end_a_page():
    """A heading is kept with what follows it; a level-1 heading of a strategy needs ≥ 40 mm."""
    sentence = "Une phrase d’explication assez longue pour remplir la ligne et la suivante. "
    blocks = []
    for i in range(24):
        blocks += [Heading(f"Partie {i}"), Paragraph(sentence * (1 + i % 5)),
                   Heading(f"Sous-partie {i}", level=2), Paragraph(sentence * (2 + i % 3)),
                   Table(("A", "B"), (("1", sentence * (i % 4 + 1)),))]
    document = Document(kind="strategy", title="T", subtitle="", structure_name="S", date=DAY,
                        cover=False, toc=False, blocks=tuple(blocks))
    reader = read(render_pdf(document))
    headings = set(document.headings())
    for number, text in enumerate(texts(reader), start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        content = [line for line in lines if not re.search(r"page \d+ / \d+", line) and line != "S Cap Réseaux"]
        assert content and content[-1] not in headings, (number, content[-3:])


def test_clean_text():
    assert printable_text("a\x00b\x07c\td\r\ne") == "abc d\ne"
    assert printable_text("a\nb", newlines=False) == "a b"
    assert printable_text("\ud800") == PLACEHOLDER and printable_text("\U0010FFFD") == PLACEHOLDER
    assert printable_text("🎉 œ € « » ’ \u00a0\u202f") == "🎉 œ € « » ’ \u00a0\u202f"
    assert printable_text("e\u0301") == "é"
    assert printable_text(None) == "" and printable_text(12) == "12"


def test_qpdf_check_passes(rendered, tmp_path, qpdf):
    path = tmp_path / "strategy.pdf"
    path.write_bytes(rendered[1])
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_bracketed_citation_numbers_never_split_over_two_lines():
    """« [12, 22] » as the content builders write it (citations.py) stays on one line, even in a
    narrow column where the line has to break somewhere near it."""
    from wizard.documents.citations import Citations
    from wizard.strategy import SourceRef
    cite = Citations([SourceRef(key=f"K-{i}", publisher="P", title="T") for i in range(30)])
    for i in range(30):
        cite.number(f"K-{i}")
    sentences = [cite.text(f"Un fait établi{'e' * (i % 7)} [K-{i % 25}, K-{i % 25 + 5}].") for i in range(40)]
    assert all("\u00a0" in s for s in sentences)
    blocks = (Table(("Point", "Règle"), tuple(("x", s) for s in sentences), widths=(9, 1)),
              Paragraph(" ".join(sentences)))
    document = Document(kind="brief", title="T", subtitle="", structure_name="S", date=DAY, cover=False,
                        toc=False, blocks=blocks)
    lines = [line for text in texts(read(render_pdf(document))) for line in text.splitlines()]
    assert sum("[" in line for line in lines) >= 40
    for line in lines:
        assert not re.search(r"\[\d+,\s*$", line), line
        assert not re.match(r"\s*\d+\]", line), line


def test_arabic_is_shaped_right_to_left_and_extracts_in_logical_order(monkeypatch):
    """With uharfbuzz (requirements.txt), Arabic letters are joined and ordered right to left;
    a PDF reader gives them back in logical order."""
    from wizard.documents import pdf as pdf_module
    name = "دار الشباب"
    document = Document(kind="brief", title="Note", subtitle="", structure_name=name, date=DAY, cover=False,
                        toc=False, blocks=(Paragraph(name), Paragraph(f"{name} fin", label="Structure : ")))
    assert pdf_module.HAS_SHAPING, "uharfbuzz is missing: Arabic and Hebrew print reversed and unjoined"
    shaped = render_pdf(document)
    body = read(shaped).pages[0].extract_text()
    assert name in body and "Structure : " in body
    monkeypatch.setattr(pdf_module.text, "HAS_SHAPING", False)  # the module that reads it
    unshaped = render_pdf(document)
    stream = read(shaped).pages[0].get_contents().get_data()
    assert stream != read(unshaped).pages[0].get_contents().get_data()  # joined forms, placed right to left


def test_a_paragraph_starting_with_an_arabic_name_still_reads_left_to_right():
    """Left to the bidi algorithm, the first letter sets a paragraph's direction: a French
    sentence after an Arabic name was laid out right to left, its full stop on the left."""
    name = "مركز الشباب — Centre des jeunes"
    sentence = f"{name} accueille chaque année 600 jeunes, avec une équipe de deux personnes qui se relaient."
    document = Document(kind="brief", title="Note", subtitle="", structure_name=name, date=DAY, cover=False,
                        toc=False, blocks=(Paragraph(sentence),))
    page = read(render_pdf(document)).pages[0].extract_text()
    assert "Centre des jeunes accueille chaque année 600" in page and "relaient." in page
    assert not re.search(r"^\.\w", page, re.MULTILINE)  # no « .personnes » at the start of a line


def test_shaping_is_only_switched_on_for_right_to_left_texts(monkeypatch):
    """Text shaping costs time: a document without Arabic or Hebrew never turns it on."""
    from wizard.documents import pdf as pdf_module
    calls: list[bool] = []
    original = pdf_module._Pdf.set_text_shaping

    def spy(self, *args, **kwargs):
        calls.append(bool(args[0]) if args else kwargs.get("use_shaping_engine", True))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pdf_module._Pdf, "set_text_shaping", spy)
    render_pdf(every_block(blocks=(Paragraph(FRENCH), Paragraph(EMOJI))))
    assert calls == []
    render_pdf(every_block(blocks=(Paragraph(FRENCH), Paragraph(ARABIC))))
    assert calls and all(calls)


def test_chinese_and_japanese_print_a_visible_placeholder_and_never_crash():
    """No shipped font has CJK: each such character prints as « � », in every kind of block,
    alone or mixed with Arabic (shaping on)."""
    name = "青年中心 やまだ"
    mixed = f"{name} {ARABIC}"
    blocks = (Heading(name), Heading(mixed, level=2), Paragraph(mixed, label=name), Paragraph(name, style="note"),
              Bullets((name, mixed), labels=(f"{name} : ", "")), Table((name, "B"), ((name, mixed),)),
              RadarChart(name, (name, "b", mixed), (1, 2, 3)),
              StackedBars(name, (name, mixed), ((name, (1.0, 2.0)),), line_value=2, line_label=name))
    document = Document(kind="strategy", title=name, subtitle=mixed, structure_name=name, date=DAY, blocks=blocks)
    body = "\n".join(texts(read(render_pdf(document))))
    printed = printable_text(name)  # a character a shipped font has (Symbola has 中) prints as itself
    assert printed.count(PLACEHOLDER) >= 6 and len(printed) == len(name)
    assert body.count(printed) >= 10  # cover, header, headings, paragraphs, list, table, charts
    assert all(letter in body for letter in ARABIC)
