"""The Word writer: package properties, A4 page with header and « page X / Y » footer, cover
or title block, contents field, then every block through one table keyed by block type.

`HANDLERS` is the Word side of the renderer contract (wizard/documents/contract.py): one
function per block type of blocks.py, each called as ``handler(writer, block)``.
"""
from __future__ import annotations

import io
from datetime import datetime, time

import docx as python_docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from wizard.documents import contract
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
from wizard.documents.docx import body
from wizard.documents.docx.styles import (
    GREY,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    setup_styles,
)
from wizard.documents.docx.text import short, xml_line, xml_text
from wizard.documents.docx.words import APP_NAME, LANG_TAG, WORDS, lang_key
from wizard.documents.docx.xml import (
    SETTINGS_AFTER_UPDATE,
    add_field,
    element,
    fixed_zip,
)
from wizard.formatting import long_date

HEADER_NAME_LIMIT = 100  # the running header shows at most this many characters of the name
CORE_LIMIT = 255  # python-docx refuses longer core properties


class Writer:
    def __init__(self, document: Document):
        self.source = document
        self.lang = lang_key(document.lang)
        self.words = WORDS[self.lang]
        self.doc = python_docx.Document()
        self.pending_break = False  # the next paragraph starts a new page
        self.at_page_start = True  # nothing written on the current page yet
        self.unlisted_styles: dict[int, str] = {}

    # -- whole document --

    def render(self) -> bytes:
        self._setup_package()
        self._setup_page()
        setup_styles(self.doc, self.lang, self.words)
        if self.source.cover:
            self._cover()
        else:
            self._title_block()
        if self.source.toc:
            self._toc()
        for block in self.source.blocks:
            contract.handler(HANDLERS, block, "Word")(self, block)
        if len(self.doc.element.body) == 1:  # only w:sectPr: Word wants one paragraph at least
            self.doc.add_paragraph()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return fixed_zip(buffer.getvalue(), self.source.date)

    def _setup_package(self) -> None:
        doc, source = self.doc, self.source
        # the template's thumbnail shows an empty page: better none than a wrong preview; its
        # stylesWithEffects (a Word 2010 copy of the styles, still en-US) is not needed by any Word
        for rels, kind in ((doc.part.package.rels, "/thumbnail"), (doc.part.rels, "/stylesWithEffects")):
            for rid, rel in list(rels.items()):
                if rel.reltype.endswith(kind):
                    del rels[rid]
        props = doc.core_properties
        props.title = short(xml_line(source.title), CORE_LIMIT)
        props.subject = short(xml_line(source.subtitle), CORE_LIMIT)
        props.author = APP_NAME
        props.last_modified_by = APP_NAME
        props.keywords = short(", ".join(k for k in (xml_line(k) for k in source.keywords) if k), CORE_LIMIT)
        props.category = self.words.get(f"kind_{source.kind}", "")
        props.comments = self.words["made_with"]
        props.language = LANG_TAG[self.lang]
        props.revision = 1
        # noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11
        stamp = datetime.combine(source.date, time(12, 0))
        props.created = stamp
        props.modified = stamp
        settings = doc.settings.element
        theme_lang = settings.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            theme_lang.set(qn("w:val"), LANG_TAG[self.lang])
        if source.toc:  # Word offers to update the fields (hence the TOC) when it opens the file
            settings.insert_element_before(element("w:updateFields", val="true"), *SETTINGS_AFTER_UPDATE)

    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
        section.header_distance = section.footer_distance = Cm(1)
        name = short(xml_line(self.source.structure_name), HEADER_NAME_LIMIT)
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.text = name
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = section.footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("page ")
        add_field(paragraph, "PAGE", "1")
        paragraph.add_run(self.words["page_of"])
        add_field(paragraph, "NUMPAGES", "1")
        if self.source.cover:  # no header nor footer on the cover
            section.different_first_page_header_footer = True
            section.first_page_header.is_linked_to_previous = False
            section.first_page_footer.is_linked_to_previous = False

    # -- paragraphs and page flow --

    def paragraph(self, style: str | None = None):
        paragraph = self.doc.add_paragraph(style=style)
        if self.pending_break:
            paragraph.paragraph_format.page_break_before = True
            self.pending_break = False
        self.at_page_start = False
        return paragraph

    def new_page(self) -> None:
        if not self.at_page_start:
            self.pending_break = True
            self.at_page_start = True

    def _cover(self) -> None:
        source = self.source
        spacer = self.paragraph()
        spacer.paragraph_format.space_before = Cm(5)
        self.paragraph("Title").add_run(xml_line(source.title))
        if xml_text(source.subtitle).strip():
            self.paragraph("Subtitle").add_run(xml_text(source.subtitle))
        name = self.paragraph()
        name.paragraph_format.space_before = Cm(2)
        run = name.add_run(xml_text(source.structure_name))
        run.bold, run.font.size = True, Pt(16)
        when = self.paragraph()
        when.add_run(long_date(source.date, self.lang)).font.size = Pt(12)
        brand = self.paragraph()
        brand.paragraph_format.space_before = Cm(6)
        run = brand.add_run(APP_NAME)
        run.font.size, run.font.color.rgb = Pt(11), GREY
        self.new_page()

    def _title_block(self) -> None:
        """Without a cover the first page still says what, for whom and when."""
        source = self.source
        if xml_line(source.title).strip():
            self.paragraph("Title").add_run(xml_line(source.title))
        if xml_text(source.subtitle).strip():
            self.paragraph("Subtitle").add_run(xml_text(source.subtitle))
        parts = (xml_text(source.structure_name).strip(), long_date(source.date, self.lang), APP_NAME)
        self.paragraph(self.words["style_small"]).add_run(" — ".join(p for p in parts if p))

    def _toc(self) -> None:
        self.paragraph("TOC Heading").add_run(self.words["contents"])
        add_field(self.paragraph(), r'TOC \o "1-3" \h \z \u', self.words["toc_placeholder"], dirty=True)
        self.new_page()


def page_break(writer: Writer, block: PageBreak) -> None:
    writer.new_page()


HANDLERS = {
    Heading: body.heading,
    Paragraph: body.text_paragraph,
    Bullets: body.bullets,
    Table: body.table,
    RadarChart: body.radar,
    StackedBars: body.bars,
    PageBreak: page_break,
}


def render_docx(document: Document) -> bytes:
    """The .docx bytes of `document` (same Document, same bytes)."""
    return Writer(document).render()
