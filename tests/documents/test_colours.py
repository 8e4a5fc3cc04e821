"""One look across formats: each activity category has one colour (wizard/documents/palette.py),
and the page's Plotly chart, the PDF's chart and the Word file's picture and table all draw it
in that colour; the Word strategy carries both charts."""
from __future__ import annotations

import dataclasses
import io
import itertools
import re
from datetime import date

import docx
import pytest
from conftest import example_profile, example_strategy
from docx.oxml.ns import qn
from PIL import Image
from pypdf import PdfReader

from wizard.documents import palette
from wizard.documents.blocks import Document, RadarChart, StackedBars
from wizard.documents.content_strategy import strategy_document
from wizard.documents.docx import pictures, render_docx
from wizard.documents.pdf import render_pdf
from wizard.i18n import table
from wizard.views.charts import maturity_radar, workload_bars

EXAMPLE = "crij-regional"  # its workload has all six activities, on four networks
CATEGORIES = ("creation", "publication", "interaction", "monitoring", "measurement", "validation")
WHITE = "#FFFFFF"


def hex_of(red: float, green: float, blue: float) -> str:
    return f"#{round(red):02X}{round(green):02X}{round(blue):02X}"


@pytest.fixture(scope="module", params=["fr", "en"])
def case(request):
    lang = request.param
    strategy = example_strategy(EXAMPLE, lang)
    document = strategy_document(strategy, example_profile(EXAMPLE))
    bars = next(b for b in document.blocks if isinstance(b, StackedBars))
    return lang, strategy, document, bars


# -- the palette itself ------------------------------------------------------------------------

def test_one_colour_per_activity_and_every_activity_has_one():
    assert tuple(palette.ACTIVITY_COLOURS) == CATEGORIES  # the order every chart stacks them in
    colours = list(palette.ACTIVITY_COLOURS.values()) + list(palette.OTHER_COLOURS)
    assert len(set(colours)) == len(colours)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours)


def test_colours_keep_their_contrast():
    for colour in list(palette.ACTIVITY_COLOURS.values()) + list(palette.OTHER_COLOURS):
        assert palette.contrast(colour, WHITE) >= 3.0, colour  # a bar on the page (WCAG 1.4.11)
        assert palette.contrast(colour, palette.text_on(colour)) >= 4.5, colour  # a Word legend cell
    for colour in (palette.RADAR, palette.REFERENCE_LINE, palette.INK, palette.MUTED):
        assert palette.contrast(colour, WHITE) >= 4.5, colour
    assert palette.contrast("#000000", WHITE) == pytest.approx(21)


# Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB
DEFICIENCIES = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _lab(linear: list[float]) -> tuple[float, float, float]:
    r, g, b = (min(max(c, 0.0), 1.0) for c in linear)
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _seen(colour: str, matrix=None) -> tuple[float, float, float]:
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
              for c in palette.rgb(colour)]
    if matrix is not None:
        linear = [sum(m * c for m, c in zip(row, linear)) for row in matrix]
    return _lab(linear)


def test_activities_stay_apart_for_colour_blind_readers():
    colours = list(palette.ACTIVITY_COLOURS.values()) + [palette.REFERENCE_LINE]
    for name, matrix in [("normal", None), *DEFICIENCIES.items()]:
        for first, second in itertools.combinations(colours, 2):
            distance = sum((a - b) ** 2 for a, b in zip(_seen(first, matrix), _seen(second, matrix))) ** 0.5
            assert distance >= 20, (name, first, second, round(distance, 1))


def test_series_names_find_their_activity_in_both_languages():
    for lang in ("fr", "en"):
        names = table("strategy_doc", lang)
        for category in CATEGORIES:
            assert palette.category_of(names[f"c.{category}"], lang) == category
            assert palette.category_of(category, lang) == category
    assert palette.series_colours(["Posts", "Création", "Stories"], "fr") == [
        palette.OTHER_COLOURS[0], palette.ACTIVITY_COLOURS["creation"], palette.OTHER_COLOURS[1]]


# -- the same colour in the three formats -----------------------------------------------------

def page_colours(strategy, lang) -> dict[str, str]:
    """category -> colour of its bars in the page's Plotly figure."""
    labels = table("charts", lang)
    by_label = {labels[c]: c for c in CATEGORIES}
    figure = workload_bars(strategy, lang)
    return {by_label[trace.name]: trace.marker.color.upper() for trace in figure.data}


def pdf_fill_colours(data: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(data))
    stream = b"".join(page.get_contents().get_data() for page in reader.pages)
    return {hex_of(*(float(v) * 255 for v in m.groups()))
            for m in re.finditer(rb"([\d.]+) ([\d.]+) ([\d.]+) rg", stream)}


def pdf_fills(data: bytes, among: set[str]) -> list[str]:
    """The fill colours among `among`, in the order the pages set them (runs of one colour as one)."""
    stream = b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(data)).pages)
    fills = [hex_of(*(float(v) * 255 for v in m.groups()))
             for m in re.finditer(rb"([\d.]+) ([\d.]+) ([\d.]+) rg", stream)]
    return [c for c, _ in itertools.groupby(c for c in fills if c in among)]


def pdf_colours(bars: StackedBars, lang: str) -> dict[str, set[str]]:
    """category -> the activity colours the PDF fills with when the chart shows only that series."""
    out = {}
    activities = set(palette.ACTIVITY_COLOURS.values())
    for name, values in bars.series:
        alone = dataclasses.replace(bars, series=((name, values),))
        document = Document(kind="brief", title="T", subtitle="", structure_name="S", date=date(2026, 11, 26),
                            lang=lang, cover=False, toc=False, blocks=(alone,))
        out[palette.category_of(name, lang)] = pdf_fill_colours(render_pdf(document)) & activities
    return out


def word_table_colours(word, lang) -> dict[str, str]:
    """category -> the shading of its column's header in the workload table."""
    names = table("strategy_doc", lang)
    by_label = {names[f"c.{c}"]: c for c in CATEGORIES}
    workload = next(t for t in word.tables if t.rows[0].cells[0].text == table("renderers", lang)["category"])
    out = {}
    for cell in workload.rows[0].cells:
        if cell.text in by_label:
            shading = cell._tc.tcPr.find(qn("w:shd"))
            out[by_label[cell.text]] = "#" + shading.get(qn("w:fill")).upper()
    return out


def word_pictures(word) -> list[Image.Image]:
    pictures = []
    for shape in word.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        part = word.part.related_parts[blip.embed]
        pictures.append(Image.open(io.BytesIO(part.blob)).convert("RGB"))
    return pictures


def picture_colours(picture: Image.Image) -> set[str]:
    return {hex_of(*rgb) for _, rgb in picture.getcolors(maxcolors=1 << 20)}


def test_one_colour_per_activity_on_the_page_in_the_pdf_and_in_word(case):
    lang, strategy, document, bars = case
    present = {x.category for x in strategy.workload.breakdown}
    assert present == set(CATEGORIES)
    expected = {c: palette.ACTIVITY_COLOURS[c] for c in CATEGORIES}

    assert page_colours(strategy, lang) == expected  # the page (Plotly)

    assert pdf_colours(bars, lang) == {c: {colour} for c, colour in expected.items()}  # the PDF
    whole = render_pdf(Document(kind="brief", title="T", subtitle="", structure_name="S", date=date(2026, 11, 26),
                                lang=lang, cover=False, toc=False, blocks=(bars,)))
    colour_of = [expected[palette.category_of(name, lang)] for name, _ in bars.series]
    segments = [colour for i in range(len(bars.categories))
                for colour, (_, values) in zip(colour_of, bars.series) if values[i] > 0]
    drawn = colour_of + segments  # the legend in series order, then each bar's segments
    assert pdf_fills(whole, set(expected.values())) == [c for c, _ in itertools.groupby(drawn)]

    word = docx.Document(io.BytesIO(render_docx(document)))  # Word: the table, then the picture
    assert word_table_colours(word, lang) == expected
    assert set(expected.values()) <= picture_colours(word_pictures(word)[1])
    activities = set(expected.values())
    for name, values in bars.series:  # the picture of each series alone: its colour, no other
        (png,) = pictures.bars_pngs(dataclasses.replace(bars, series=((name, values),)), lang)
        colours = picture_colours(Image.open(io.BytesIO(png)).convert("RGB"))
        assert colours & activities == {expected[palette.category_of(name, lang)]}


def test_radar_and_reference_line_share_their_colours_too(case):
    lang, strategy, _, bars = case
    radar = maturity_radar(strategy, lang).data[0]
    assert radar.line.color == palette.RADAR
    red, green, blue = palette.rgb(palette.RADAR)
    assert radar.fillcolor == f"rgba({red}, {green}, {blue}, {palette.RADAR_FILL_OPACITY})"
    line = next(s for s in workload_bars(strategy, lang).layout.shapes if s.line.dash == "dash")
    assert line.line.color == palette.REFERENCE_LINE
    block = RadarChart("R", ("A", "B", "C"), (1.0, 2.0, 3.0))
    pdf = render_pdf(Document(kind="brief", title="T", subtitle="", structure_name="S", date=date(2026, 11, 26),
                              lang=lang, cover=False, toc=False, blocks=(block, bars)))
    assert {palette.RADAR} <= pdf_fill_colours(pdf)
    stream = b"".join(p.get_contents().get_data() for p in PdfReader(io.BytesIO(pdf)).pages)
    strokes = {hex_of(*(float(v) * 255 for v in m.groups()))
               for m in re.finditer(rb"([\d.]+) ([\d.]+) ([\d.]+) RG", stream)}
    assert {palette.RADAR, palette.REFERENCE_LINE} <= strokes


# -- the Word strategy carries both charts ----------------------------------------------------

def test_word_strategy_carries_the_radar_and_the_workload_as_pictures_and_tables(case):
    _, strategy, document, bars = case
    word = docx.Document(io.BytesIO(render_docx(document)))
    radar_block = next(b for b in document.blocks if isinstance(b, RadarChart))
    shapes = list(word.inline_shapes)
    assert len(shapes) == 2
    descriptions = [s._inline.docPr.get("descr") for s in shapes]
    assert descriptions[0].startswith(radar_block.title) and descriptions[1].startswith(bars.title)
    for label in radar_block.labels:
        assert label in descriptions[0]
    for channel in strategy.channels:
        assert channel.label in descriptions[1]
    radar_picture, bars_picture = word_pictures(word)
    assert radar_picture.width == bars_picture.width > 1000  # across the text width, about 200 dpi
    assert palette.RADAR in picture_colours(radar_picture)
    assert palette.REFERENCE_LINE in picture_colours(bars_picture)
    for shape, title in zip(shapes, (radar_block.title, bars.title)):
        paragraph = shape._inline.getparent().getparent().getparent()  # inline < drawing < run < paragraph
        assert paragraph.tag == qn("w:p")
        caption = paragraph.getprevious()
        assert docx.text.paragraph.Paragraph(caption, None).text == title
        following = paragraph.getnext()
        assert following.tag == qn("w:tbl")  # then its figures, in a table
