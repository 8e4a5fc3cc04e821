"""The Word renderer: a neutral Document becomes a real, editable .docx.

Every test renders inline Documents and reopens the bytes with python-docx, as Word would
read them: real heading styles, real tables, list styles, fields, properties, plain text.
"""
from __future__ import annotations

import io
import zipfile
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn

from wizard.documents import palette
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
from wizard.documents.docx import render_docx, xml_text

DAY = date(2026, 11, 26)
TYPOGRAPHY = "L’accueil « jeunes » du cœur : 12\u00a0€ par\u202fmois"
EMOJI = "Fête 🎉"
ARABIC = "مرحبا بكم"
HTML = "<b>x</b> & <script>alert(1)</script>"
MARKDOWN = "**x** _y_ # z"
CONTROLS = "avant\x00\x07\x1bapres"
LONG_WORD = "A" * 5000
NAME = f"PIJ {HTML} {MARKDOWN} {EMOJI} {ARABIC} {LONG_WORD}"


def hostile_document(**changes) -> Document:
    """Every block type, with the texts a renderer must print as typed."""
    blocks = (
        Heading("1. Où en êtes-vous ?"),
        Paragraph(TYPOGRAPHY, style="lead"),
        Paragraph(f"{CONTROLS} {EMOJI}", label="Prochaine étape : "),
        Paragraph("Note « importante »", style="note"),
        Paragraph("Source : enquête 2025", style="small"),
        RadarChart("Maturité numérique", ("Veille", "Contenus", "Modération"), (3.5, None, 2)),
        Heading("1.1 Vos canaux", level=2),
        Bullets((f"Publier {MARKDOWN}", f"Répondre {HTML}"), labels=("Instagram : ", "Facebook : ")),
        Bullets(("Ouvrir le compte", "Publier", "Mesurer"), numbered=True),
        Bullets(("Relire", "Valider"), numbered=True),
        Table(("Canal", "Rythme", "Remarque"),
              (("Instagram", "2 par semaine", f"ligne 1\nligne 2 {ARABIC}"),
               ("TikTok", "1 par semaine", LONG_WORD)),
              widths=(2, 1, 3), caption="Rythme de publication"),
        PageBreak(),
        Heading("2. Votre temps"),
        StackedBars("Charge hebdomadaire", ("Instagram", "Commun"),
                    (("Création", (2.0, 0.5)), ("Modération", (1.0, 0.0))),
                    unit="h", line_value=4, line_label="Temps disponible"),
        Heading("Annexe hors sommaire", level=2, toc=False),
        Heading("2.1.1 Détail", level=3),
        Paragraph("Fin."),
    )
    values = dict(kind="strategy", title=f"Stratégie réseaux sociaux {EMOJI}", subtitle="Trois canaux, deux heures",
                  structure_name=NAME, date=DAY, blocks=blocks, keywords=("jeunesse", "réseaux sociaux"))
    values.update(changes)
    return Document(**values)


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return render_docx(hostile_document())


@pytest.fixture(scope="module")
def reopened(rendered):
    return docx.Document(io.BytesIO(rendered))


def body_xml(word) -> str:
    return word.element.body.xml


def all_texts(word) -> list[str]:
    texts = [p.text for p in word.paragraphs]
    for table in word.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def caption_before(table) -> str:
    previous = table._tbl.getprevious()
    assert previous is not None and previous.tag == qn("w:p")
    return docx.text.paragraph.Paragraph(previous, table._parent).text


# --- structure ---------------------------------------------------------------------

def test_headings_use_word_heading_styles_in_order(reopened):
    headings = [(p.style.name, p.text) for p in reopened.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "1. Où en êtes-vous ?"), ("Heading 2", "1.1 Vos canaux"),
                        ("Heading 1", "2. Votre temps"), ("Heading 3", "2.1.1 Détail")]


def test_heading_out_of_toc_looks_like_a_heading_but_has_body_outline_level(reopened):
    paragraph = next(p for p in reopened.paragraphs if p.text == "Annexe hors sommaire")
    assert paragraph.style.base_style.name == "Heading 2"
    assert paragraph.style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "9"


def test_toc_field_present_only_when_asked():
    with_toc = docx.Document(io.BytesIO(render_docx(hostile_document(toc=True))))
    xml = body_xml(with_toc)
    assert 'TOC \\o "1-3" \\h \\z \\u' in xml
    assert "Clic droit &gt; Mettre à jour les champs" in xml
    assert with_toc.settings.element.find(qn("w:updateFields")) is not None
    without = docx.Document(io.BytesIO(render_docx(hostile_document(toc=False))))
    assert "TOC \\o" not in body_xml(without)
    assert without.settings.element.find(qn("w:updateFields")) is None


def test_cover_has_title_name_long_date_brand_then_a_new_page(reopened):
    texts = [p.text for p in reopened.paragraphs]
    first_heading = next(i for i, p in enumerate(reopened.paragraphs) if p.style.name == "Heading 1")
    cover = texts[:first_heading]
    for expected in (f"Stratégie réseaux sociaux {EMOJI}", "Trois canaux, deux heures", NAME,
                     "26 novembre 2026", "Cap Réseaux"):
        assert expected in cover
    assert reopened.paragraphs[0].style.name != "Heading 1"
    assert reopened.sections[0].different_first_page_header_footer  # no header/footer on the cover
    breaks = [p for p in reopened.paragraphs if p.paragraph_format.page_break_before]
    assert breaks[0].text == "Sommaire"  # cover, then the table of contents on its own page
    assert breaks[1].text == "1. Où en êtes-vous ?"
    assert any(p.text == "2. Votre temps" for p in breaks)  # the PageBreak block


def test_without_cover_a_title_block_and_no_first_page_difference():
    word = docx.Document(io.BytesIO(render_docx(hostile_document(cover=False, toc=False))))
    assert word.paragraphs[0].style.name == "Title"
    assert not word.sections[0].different_first_page_header_footer
    assert not word.paragraphs[0].paragraph_format.page_break_before


def test_paragraph_label_is_bold_and_styles_are_distinct(reopened):
    paragraph = next(p for p in reopened.paragraphs if p.text.startswith("Prochaine étape : "))
    assert paragraph.runs[0].text == "Prochaine étape : " and paragraph.runs[0].bold
    assert not paragraph.runs[1].bold
    styles = {p.text: p.style for p in reopened.paragraphs}
    assert styles[TYPOGRAPHY].name == "Chapô"
    assert styles["Source : enquête 2025"].name == "Petit texte"
    note = styles["Note « importante »"]
    assert note.name == "Encadré"
    assert note.element.pPr.find(qn("w:shd")) is not None and note.element.pPr.find(qn("w:pBdr")) is not None
    assert styles["Fin."].name == "Normal"


def test_bullets_use_list_styles_with_bold_labels_and_numbering_restarts(reopened):
    bullets = [p for p in reopened.paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in bullets] == [f"Instagram : Publier {MARKDOWN}", f"Facebook : Répondre {HTML}"]
    assert bullets[0].runs[0].text == "Instagram : " and bullets[0].runs[0].bold
    numbered = [p for p in reopened.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["Ouvrir le compte", "Publier", "Mesurer", "Relire", "Valider"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert num_ids[0] == num_ids[2] and num_ids[3] == num_ids[4] and num_ids[0] != num_ids[3]


def test_tables_are_real_tables_with_repeating_header_and_line_breaks(reopened):
    table = reopened.tables[1]
    assert caption_before(table) == "Rythme de publication"
    rows = table_rows(table)
    assert rows[0] == ["Canal", "Rythme", "Remarque"]
    assert rows[1] == ["Instagram", "2 par semaine", f"ligne 1\nligne 2 {ARABIC}"]
    assert rows[2] == ["TikTok", "1 par semaine", LONG_WORD]
    assert table.style.name == "Table Grid"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr is None or table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert "<w:br/>" in table.rows[1].cells[2]._tc.xml
    widths = [table.columns[i].width for i in range(3)]
    assert widths[0] == pytest.approx(2 * widths[1], rel=1e-3)  # relative widths kept
    assert widths[2] == pytest.approx(3 * widths[1], rel=1e-3)


def picture_and_caption_before(table) -> tuple[str, str]:
    """(caption, picture description) of a chart: caption, picture, then its table."""
    picture = table._tbl.getprevious()
    assert picture is not None and picture.tag == qn("w:p")
    (doc_pr,) = picture.findall(f".//{qn('wp:docPr')}")
    caption = docx.text.paragraph.Paragraph(picture.getprevious(), table._parent).text
    return caption, doc_pr.get("descr")


def test_charts_become_a_picture_and_a_data_table_under_their_titles(reopened):
    radar = reopened.tables[0]
    assert picture_and_caption_before(radar) == (
        "Maturité numérique", "Maturité numérique — Veille\u00a0: 3,5; Contenus\u00a0: non évalué; Modération\u00a0: 2")
    assert table_rows(radar) == [["Dimension", "Score (sur 5)"], ["Veille", "3,5"],
                                 ["Contenus", "non évalué"], ["Modération", "2"]]
    bars = reopened.tables[2]
    caption, description = picture_and_caption_before(bars)
    assert caption == "Charge hebdomadaire"
    assert description.startswith("Charge hebdomadaire — Instagram\u00a0: 3\u00a0h; ")
    assert table_rows(bars) == [["Catégorie", "Création", "Modération", "Total"],
                                ["Instagram", "2\u00a0h", "1\u00a0h", "3\u00a0h"],
                                ["Commun", "0\u00a0h\u00a030", "0\u00a0h", "0\u00a0h\u00a030"],  # the app's durations
                                ["Temps disponible", "", "", "4\u00a0h"]]
    fills = [cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for cell in bars.rows[0].cells]
    # « Création » is an activity: its colour; « Modération » is none: the first other colour
    assert fills == ["DCE6F2", palette.ACTIVITY_COLOURS["creation"][1:], palette.OTHER_COLOURS[0][1:], "DCE6F2"]
    colours = [str(cell.paragraphs[0].runs[0].font.color.rgb or "") for cell in bars.rows[0].cells]
    assert colours == ["", "FFFFFF", "FFFFFF", ""]  # white reads best on both
    assert len(reopened.inline_shapes) == 2
    for shape in reopened.inline_shapes:
        assert round(shape.width.cm, 1) == 17.0  # the text width


# --- plain text --------------------------------------------------------------------

def test_python_docx_refuses_control_characters_so_the_renderer_drops_them():
    with pytest.raises(ValueError):
        docx.Document().add_paragraph("a\x00b")
    assert xml_text(CONTROLS) == "avantapres"
    assert xml_text("a\r\nb\rc\td\u00a0e") == "a\nb\nc\td\u00a0e"


def test_hostile_texts_are_printed_literally(reopened):
    texts = all_texts(reopened)
    joined = "\n".join(texts)
    for literal in (TYPOGRAPHY, EMOJI, ARABIC, HTML, MARKDOWN, NAME, "Note « importante »"):
        assert literal in joined, literal[:40]
    assert f"avantapres {EMOJI}" in joined  # control characters removed, the rest kept
    assert "\x00" not in joined and "\x07" not in joined and "\x1b" not in joined
    assert "**" in joined and "<b>" in joined  # never interpreted as markup
    items = [p for p in reopened.paragraphs if p.style.name == "List Bullet"]
    assert [p.runs[1].text for p in items] == [f"Publier {MARKDOWN}", f"Répondre {HTML}"]
    assert not any(p.runs[1].bold or p.runs[1].italic for p in items)


def test_header_shows_the_structure_name_and_footer_counts_pages(reopened):
    section = reopened.sections[0]
    header = section.header.paragraphs[0].text
    assert header.startswith(f"PIJ {HTML} {MARKDOWN} {EMOJI} {ARABIC}")
    assert len(header) <= 100  # the running header is cut, the cover carries the full name
    footer = section.footer.paragraphs[0]
    instructions = [i.text.strip() for i in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert len(list(footer._p.iter(qn("w:fldChar")))) == 6  # begin, separate, end twice
    assert footer.text.startswith("page ") and " / " in footer.text


def test_english_document():
    word = docx.Document(io.BytesIO(render_docx(hostile_document(lang="en", title="Social media strategy"))))
    assert word.core_properties.language == "en-GB"
    assert " of " in word.sections[0].footer.paragraphs[0].text
    texts = all_texts(word)
    assert "26 November 2026" in texts and "Contents" in texts
    assert ["Dimension", "Score (out of 5)"] in table_rows(word.tables[0])
    assert ["Commun", "0 h 30 min", "0 h", "0 h 30 min"] in table_rows(word.tables[2])
    defaults = word.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "en-GB"


# --- properties and package --------------------------------------------------------

def test_core_properties(reopened):
    props = reopened.core_properties
    assert props.title == f"Stratégie réseaux sociaux {EMOJI}"
    assert props.subject == "Trois canaux, deux heures"
    assert props.author == "Cap Réseaux" and props.last_modified_by == "Cap Réseaux"
    assert props.keywords == "jeunesse, réseaux sociaux"
    assert props.language == "fr-FR"
    assert props.created.date() == DAY and props.modified.date() == DAY


def test_styles_and_settings_speak_french(reopened):
    defaults = reopened.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "fr-FR"
    assert reopened.settings.element.find(qn("w:themeFontLang")).get(qn("w:val")) == "fr-FR"
    assert 'w:val="en-US"' not in reopened.styles.element.xml


def test_long_title_and_keywords_fit_the_255_character_properties():
    word = docx.Document(io.BytesIO(render_docx(hostile_document(title=LONG_WORD, keywords=(LONG_WORD,)))))
    assert len(word.core_properties.title) <= 255 and word.core_properties.title.startswith("AAAA")
    assert len(word.core_properties.keywords) <= 255
    assert LONG_WORD in all_texts(word)  # the cover still prints it whole


def test_same_document_same_bytes_with_fixed_zip_dates(rendered):
    assert render_docx(hostile_document()) == rendered
    with zipfile.ZipFile(io.BytesIO(rendered)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 26, 12, 0, 0)}
        names = archive.namelist()
    assert names[0] == "[Content_Types].xml"
    assert "docProps/thumbnail.jpeg" not in names


def test_page_setup_is_a4_portrait(reopened):
    section = reopened.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_empty_and_degenerate_blocks_still_give_a_valid_file():
    document = Document(kind="brief", title="", subtitle="", structure_name="", date=date(2027, 3, 1),
                        cover=False, toc=False,
                        blocks=(Heading("  "), Paragraph(""), Bullets(()), Table((), ()),
                                Table(("A",), (("1", "2", "3"),), widths=(0, -1)),
                                RadarChart("Rien", (), ()), StackedBars("Vide", (), ()),
                                PageBreak(), PageBreak(), Paragraph("Suite"), PageBreak()))
    word = docx.Document(io.BytesIO(render_docx(document)))
    assert len(word.tables) == 1 and table_rows(word.tables[0]) == [["A", "", ""], ["1", "2", "3"]]
    texts = "\n".join(all_texts(word))
    assert "1er mars 2027" in texts and "Rien" not in texts and "Vide" not in texts  # charts without data
    breaks = [p.text for p in word.paragraphs if p.paragraph_format.page_break_before]
    assert breaks == ["Suite"]  # two breaks in a row make one, a final one none: no empty page


def test_bars_in_another_unit_and_odd_values():
    bars = StackedBars("Publications", ("Instagram",), (("Posts", (1.5,)), ("Stories", (float("nan"),))), unit="posts")
    document = Document(kind="brief", title="T", subtitle="", structure_name="S", date=DAY, cover=False, toc=False,
                        blocks=(bars,))
    word = docx.Document(io.BytesIO(render_docx(document)))
    assert table_rows(word.tables[0])[1] == ["Instagram", "1,5\u00a0posts", "—", "1,5\u00a0posts"]


def test_chart_pictures_survive_odd_blocks_and_many_bars_go_on_in_another_picture():
    word_ = "W" * 5000
    blocks = (RadarChart(word_, (word_, CONTROLS, f"{EMOJI} {ARABIC}"), (float("nan"), 99, -3), maximum=0),
              RadarChart("Deux axes", ("A", "B"), (1, 2)), RadarChart("Un axe", ("A",), (None,)),
              StackedBars(word_, (word_, CONTROLS), ((word_, (float("inf"), -1.0)), ("b", (1.0,))),
                          line_value=float("nan"), line_label=word_),
              StackedBars("Beaucoup", tuple(f"Réseau {i}" for i in range(40)),
                          (("Création", tuple(float(i) for i in range(40))),), line_value=12))
    document = Document(kind="brief", title="T", subtitle="", structure_name="S", date=DAY, cover=False, toc=False,
                        blocks=blocks)
    word = docx.Document(io.BytesIO(render_docx(document)))
    assert len(word.tables) == 5
    assert len(word.inline_shapes) >= 3 + 1 + 2  # 40 bars go on in other pictures, each within a page
    for shape in word.inline_shapes:
        assert shape.height.cm < 24.0
