"""Page furniture: the running header (structure name, « Cap Réseaux ») and the footer
(document title, « page X / Y »), on every page but the cover."""
from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.documents.pdf.style import MUTED, RULE
from wizard.documents.pdf.text import printable_text
from wizard.textclean import single_line

if TYPE_CHECKING:
    from wizard.documents.pdf.canvas import Canvas

BRAND = "Cap Réseaux"
ALIAS_NB = "\ue000\ue001\ue002"  # total page count; private-use, so user text can never contain it


def header(pdf: Canvas) -> None:
    if not pdf.content_page():
        return
    with pdf.local_context():
        pdf.use(8, "", MUTED)
        right_w = pdf.get_string_width(BRAND)
        name = single_line(printable_text(pdf.doc.structure_name, newlines=False))
        with pdf.features((name, "")):
            if pdf.header_text is None:
                pdf.header_text = pdf.fit_width(name, pdf.epw - right_w - 8)
            pdf.set_xy(pdf.l_margin, 11)
            pdf.cell(pdf.epw - right_w - 4, 4, pdf.header_text, align="L")
        pdf.set_xy(pdf.w - pdf.r_margin - right_w, 11)
        pdf.cell(right_w, 4, BRAND, align="R")
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, 16.5, pdf.w - pdf.r_margin, 16.5)
    pdf.set_xy(pdf.l_margin, pdf.t_margin)


def footer(pdf: Canvas) -> None:
    if not pdf.content_page():
        return
    with pdf.local_context():
        pdf.use(8, "", MUTED)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        y = pdf.h - 13
        pdf.line(pdf.l_margin, y - 2, pdf.w - pdf.r_margin, y - 2)
        page = pdf.strings["page"].format(x=pdf.page_no(), n=ALIAS_NB)
        page_w = pdf.get_string_width(pdf.strings["page"].format(x=pdf.page_no(), n="000"))
        title = single_line(printable_text(pdf.doc.title, newlines=False))
        with pdf.features((title, "")):
            if pdf.footer_text is None:
                pdf.footer_text = pdf.fit_width(title, pdf.epw - 40)
            pdf.set_xy(pdf.l_margin, y)
            pdf.cell(pdf.epw - page_w - 6, 4, pdf.footer_text, align="L")
        pdf.set_xy(pdf.w - pdf.r_margin - page_w - 2, y)
        pdf.cell(page_w + 2, 4, page, align="R")
