"""The strategy PDF against two honest peers laying out the same words with the same font.

    python benchmarks/pdf.py [--rounds 7] [--profile examples/mission-locale-rurale.json] [--cprofile]

Three figures, measured in one process on the same Document (the project's quality bars: ratios, never wall-clock limits):

- strategy PDF: `render_pdf(document)`, the real document (cover, contents, tables, charts);
- fpdf2 floor: every text of that Document (title, headings, paragraphs, list items, table
  rows, chart labels) written by plain fpdf2 as paragraphs, one `multi_cell` each, in
  DejaVu Sans 10.5 pt with the same A4 margins: what fpdf2 itself costs for those words;
- ReportLab peer: the same paragraphs laid out by ReportLab's platypus (SimpleDocTemplate,
  one Paragraph each) with the same TrueType file, embedded and subset as fpdf2 does.

Fonts: the strategy renderer parses its TrueType files once per process (wizard/documents/pdf/
fonts.py) and ReportLab registers a font once per process; the fpdf2 floor calls `add_font`
for each document, as fpdf2 documents it (about 25 ms of its time). Each figure is the median
of N runs after one warm-up run. Targets: strategy ≤ 3× ReportLab, and close to the fpdf2 floor.
ReportLab is a benchmark-only dependency (requirements-dev.txt).
"""
from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fpdf import FPDF
from pypdf import PdfReader

from wizard.documents import pdf as pdf_module
from wizard.documents.blocks import (
    Bullets,
    Document,
    Heading,
    Paragraph,
    RadarChart,
    StackedBars,
    Table,
)
from wizard.documents.pdf import render_pdf

TODAY = date(2026, 11, 26)
SIZE = 10.5  # pt, the body size of the strategy PDF
LEADING = 1.45
PT = 25.4 / 72
FONT_PATH = pdf_module.FONT_DIR / pdf_module.FONT_FILES[""]
TARGET_RATIO = 3.0


def strategy_document(profile_path: Path) -> Document:
    from wizard.documents.content_strategy import strategy_document as build_document
    from wizard.engine import build_strategy
    from wizard.knowledge import default
    from wizard.profile import parse_profile
    profile = parse_profile(json.loads(profile_path.read_text(encoding="utf-8")))
    strategy = build_strategy(profile, default(), TODAY)
    return build_document(strategy, profile)


def document_words(document: Document) -> list[str]:
    """Every text the Document prints, one paragraph per text unit (a table row is one)."""
    texts = [document.title, document.subtitle, document.structure_name]
    for block in document.blocks:
        if isinstance(block, Heading):
            texts.append(block.text)
        elif isinstance(block, Paragraph):
            texts.append(f"{block.label} {block.text}".strip())
        elif isinstance(block, Bullets):
            labels = list(block.labels) + [""] * len(block.items)
            texts += [f"{label} {item}".strip() for label, item in zip(labels, block.items)]
        elif isinstance(block, Table):
            texts += [block.caption, " ".join(block.header)] + [" ".join(row) for row in block.rows]
        elif isinstance(block, RadarChart):
            texts += [block.title, " ".join(block.labels)]
        elif isinstance(block, StackedBars):
            texts += [block.title, " ".join(block.categories), " ".join(name for name, _ in block.series),
                      block.line_label]
    return [" ".join(t.split()) for t in texts if t and t.strip()]


def fpdf2_floor(paragraphs: list[str]) -> bytes:
    """Plain fpdf2: the paragraphs in DejaVu Sans, one multi_cell each."""
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.add_font("DejaVu", "", FONT_PATH)
    pdf.set_margins(pdf_module.MARGIN_X, pdf_module.MARGIN_TOP, pdf_module.MARGIN_X)
    pdf.set_auto_page_break(True, margin=pdf_module.MARGIN_BOTTOM)
    pdf.set_creation_date(datetime(2026, 11, 26, tzinfo=UTC))
    pdf.set_font("DejaVu", "", SIZE)
    pdf.add_page()
    for text in paragraphs:
        pdf.multi_cell(0, SIZE * PT * LEADING, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.6)
    return bytes(pdf.output())


_REPORTLAB_FONT = "DejaVuSans-RL"


def reportlab_peer(paragraphs: list[str]) -> bytes:
    """ReportLab platypus: the same paragraphs, same TrueType font, size, leading and margins."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import SimpleDocTemplate

    if _REPORTLAB_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_REPORTLAB_FONT, str(FONT_PATH)))
    style = ParagraphStyle("body", fontName=_REPORTLAB_FONT, fontSize=SIZE, leading=SIZE * LEADING,
                           spaceAfter=2.6 * mm)
    buffer = io.BytesIO()
    template = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=pdf_module.MARGIN_X * mm,
                                 rightMargin=pdf_module.MARGIN_X * mm, topMargin=pdf_module.MARGIN_TOP * mm,
                                 bottomMargin=pdf_module.MARGIN_BOTTOM * mm, invariant=True)
    template.build([RLParagraph(escape(text), style) for text in paragraphs])
    return buffer.getvalue()


def medians(make, rounds: int) -> tuple[float, float]:
    """(wall-clock, CPU) medians in seconds of `rounds` runs after one warm-up run. On a busy
    machine the process CPU time is the steadier figure; both are printed."""
    make()  # warm-up: imports, font parsing, caches
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        make()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def cprofile(document: Document) -> None:
    import cProfile
    import pstats
    render_pdf(document)
    profiler = cProfile.Profile()
    profiler.enable()
    render_pdf(document)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(15)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", type=Path, default=ROOT / "examples" / "mission-locale-rurale.json")
    parser.add_argument("--cprofile", action="store_true", help="also print where the strategy PDF spends its time")
    args = parser.parse_args()
    document = strategy_document(args.profile.resolve())
    paragraphs = document_words(document)
    words = sum(len(p.split()) for p in paragraphs)
    strategy_pages = page_count(render_pdf(document))
    floor_pages = page_count(fpdf2_floor(paragraphs))
    peer_pages = page_count(reportlab_peer(paragraphs))
    strategy_s, strategy_cpu = medians(lambda: render_pdf(document), args.rounds)
    floor_s, floor_cpu = medians(lambda: fpdf2_floor(paragraphs), args.rounds)
    peer_s, peer_cpu = medians(lambda: reportlab_peer(paragraphs), args.rounds)
    to_peer, to_floor = strategy_s / peer_s, strategy_s / floor_s
    print(f"document              : strategy_document() for {args.profile.resolve().relative_to(ROOT)}"
          f" — {len(paragraphs)} texts, {words} words")
    print(f"text shaping          : {'uharfbuzz' if pdf_module.HAS_SHAPING else 'not installed (RTL unshaped)'}")
    print(f"medians of {args.rounds} runs      :     wall       CPU")
    print(f"strategy PDF          : {strategy_s * 1000:6.0f} ms {strategy_cpu * 1000:6.0f} ms  ({strategy_pages} pages)")
    print(f"fpdf2 floor           : {floor_s * 1000:6.0f} ms {floor_cpu * 1000:6.0f} ms  ({floor_pages} pages of plain"
          " paragraphs)")
    print(f"ReportLab peer        : {peer_s * 1000:6.0f} ms {peer_cpu * 1000:6.0f} ms  ({peer_pages} pages, platypus,"
          " same TTF)")
    print(f"strategy / ReportLab  : {to_peer:6.2f}    {strategy_cpu / peer_cpu:6.2f}     (target ≤ {TARGET_RATIO:g})")
    print(f"strategy / fpdf2 floor: {to_floor:6.2f}    {strategy_cpu / floor_cpu:6.2f}")
    print("verdict               : " + ("within target" if to_peer <= TARGET_RATIO else "OVER TARGET"))
    if args.cprofile:
        cprofile(document)
    return 0


if __name__ == "__main__":
    sys.exit(main())
