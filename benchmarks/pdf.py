"""Time of the full strategy PDF against a plain-text fpdf2 document of the same page count.

    python benchmarks/pdf.py [--rounds 7] [--profile examples/mission-locale-rurale.json]

Targets (shared/DESIGN.md, "Quality bars"): strategy PDF ≤ 1 s, and ≤ 2× a plain-text
fpdf2 document with the same number of pages and the same A4 margins, made in the same
process. Two plain-text baselines are timed: one with the same fonts added as the renderer
can use (DejaVu Sans ×4, the regular face again and Symbola as fallbacks; fpdf2 subsets every
font added), and a leaner one with the regular DejaVu face only; the ratio is given for both.
Each figure is the median of N runs after one warm-up run.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fpdf import FPDF  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from wizard.documents import pdf as pdf_module  # noqa: E402
from wizard.documents.blocks import (  # noqa: E402
    Bullets, Document, Heading, PageBreak, Paragraph, RadarChart, StackedBars, Table)
from wizard.documents.pdf import render_pdf  # noqa: E402

TODAY = date(2026, 11, 26)
PLAIN_PARAGRAPH = ("Les jeunes de 15 à 25 ans s’informent d’abord sur les réseaux sociaux : « l’information "
                   "jeunesse » doit y être présente, avec un ton adapté, un rythme tenable et des règles claires. "
                   "Le budget est de 0\u00a0€ et l’œuvre collective demande quelques heures par semaine. ")


def strategy_document(profile_path: Path) -> tuple[Document, str]:
    """The real strategy Document when the content builder exists, else a synthetic one."""
    try:
        from wizard.documents.content_strategy import strategy_document as build_document
    except ImportError:
        return synthetic_document(), "synthetic Document (wizard/documents/content_strategy.py not found)"
    from wizard.engine import build_strategy
    from wizard.knowledge import default
    from wizard.profile import parse_profile
    profile = parse_profile(json.loads(profile_path.read_text(encoding="utf-8")))
    strategy = build_strategy(profile, default(), TODAY)
    return build_document(strategy, profile), f"strategy_document() for {profile_path.relative_to(ROOT)}"


def synthetic_document() -> Document:
    """About twenty pages with every block type, for when the content builder is missing."""
    blocks: list = []
    for section in range(10):
        blocks += [Heading(f"Section {section + 1}"), Paragraph(PLAIN_PARAGRAPH * 3, style="lead"),
                   Paragraph(PLAIN_PARAGRAPH * 2, label="Prochaine étape"),
                   Paragraph(PLAIN_PARAGRAPH, style="note", label="À savoir"),
                   Heading("Détails", level=2),
                   Bullets(tuple(PLAIN_PARAGRAPH[:120] for _ in range(6)), labels=("Rythme",) * 6),
                   Table(("Canal", "Rôle", "Heures"), tuple((f"Canal {i}", PLAIN_PARAGRAPH[:150], f"{i} h")
                                                             for i in range(8)), widths=(1, 3, 1))]
        if section == 2:
            blocks.append(RadarChart("Maturité", ("Stratégie", "Contenus", "Communauté", "Mesure", "Outils", "Cadre"),
                                     (3, 4, 2, None, 5, 1)))
        if section == 4:
            blocks.append(StackedBars("Heures par semaine", ("Instagram", "TikTok", "Commun"),
                                      (("Création", (2, 3, 0)), ("Modération", (1, 1, 0)), ("Veille", (0, 0, 1.5))),
                                      line_value=10, line_label="Temps disponible"))
        if section == 6:
            blocks.append(PageBreak())
    return Document(kind="strategy", title="Stratégie réseaux sociaux", subtitle="Document de test",
                    structure_name="Mission Locale de test", date=TODAY, blocks=tuple(blocks))


def plain_pdf(pages: int, all_fonts: bool = True) -> bytes:
    """Paragraphs of text until `pages` pages are full, with the renderer's fonts and margins."""
    fonts = pdf_module.FONT_DIR
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    if all_fonts:
        for style, filename in pdf_module.FONT_FILES.items():
            pdf.add_font(pdf_module.FAMILY, style, fonts / filename)
        pdf.add_font(pdf_module.FALLBACK_REGULAR, "", fonts / pdf_module.FONT_FILES[""])
        pdf.add_font(pdf_module.SYMBOLS, "", fonts / pdf_module.SYMBOLS_FILE)
    else:
        pdf.add_font(pdf_module.FAMILY, "", fonts / pdf_module.FONT_FILES[""])
    pdf.set_margins(pdf_module.MARGIN_X, pdf_module.MARGIN_TOP, pdf_module.MARGIN_X)
    pdf.set_auto_page_break(True, margin=pdf_module.MARGIN_BOTTOM)
    pdf.set_creation_date(pdf_module.datetime(2026, 11, 26, tzinfo=pdf_module.timezone.utc))
    pdf.set_font(pdf_module.FAMILY, "", 10.5)
    pdf.add_page()
    text = PLAIN_PARAGRAPH * 4
    while True:
        pdf.multi_cell(0, 10.5 * pdf_module.PT * 1.45, text, new_x="LMARGIN", new_y="NEXT")
        if pdf.page > pages:  # went one page too far: that page holds only one paragraph; stop here
            break
        pdf.ln(2.6)
        if pdf.page == pages and pdf.will_page_break(40):
            break
    return bytes(pdf.output())


def median_seconds(make, rounds: int) -> float:
    make()  # warm-up: imports, font coverage, caches
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        make()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def page_count(data: bytes) -> int:
    import io
    return len(PdfReader(io.BytesIO(data)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", type=Path, default=ROOT / "examples" / "mission-locale-rurale.json")
    args = parser.parse_args()
    document, origin = strategy_document(args.profile.resolve())
    data = render_pdf(document)
    pages = page_count(data)
    plain_pages = page_count(plain_pdf(pages))
    lean_pages = page_count(plain_pdf(pages, all_fonts=False))
    strategy_s = median_seconds(lambda: render_pdf(document), args.rounds)
    plain_s = median_seconds(lambda: plain_pdf(pages), args.rounds)
    lean_s = median_seconds(lambda: plain_pdf(pages, all_fonts=False), args.rounds)
    ratio = strategy_s / plain_s if plain_s else float("inf")
    lean_ratio = strategy_s / lean_s if lean_s else float("inf")
    print(f"document                 : {origin}")
    print(f"text shaping (uharfbuzz) : {'available' if pdf_module.HAS_SHAPING else 'not installed (RTL printed unshaped)'}")
    print(f"pages                    : strategy {pages}, plain text {plain_pages} and {lean_pages}"
          f"  (strategy file {len(data) // 1024} KiB)")
    print(f"strategy PDF             : {strategy_s * 1000:7.1f} ms  (median of {args.rounds}, target ≤ 1000 ms)")
    print(f"plain text, same fonts   : {plain_s * 1000:7.1f} ms  (median of {args.rounds})")
    print(f"plain text, regular only : {lean_s * 1000:7.1f} ms  (median of {args.rounds})")
    print(f"ratio                    : {ratio:7.2f}   (target ≤ 2; against the regular-only baseline: {lean_ratio:.2f})")
    ok = strategy_s <= 1.0 and max(ratio, lean_ratio) <= 2.0
    print("verdict                  : " + ("within targets" if ok else "OVER TARGET"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
