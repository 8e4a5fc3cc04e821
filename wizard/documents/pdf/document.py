"""Document assembly: front matter, then every block through one table keyed by block type.

`HANDLERS` is the PDF side of the renderer contract (wizard/documents/contract.py): one
function per block type of blocks.py, each called as ``handler(renderer, block)``; a block
of any other type raises contract.UnknownBlock instead of being dropped.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from wizard.documents import contract
from wizard.documents.blocks import (
    Block,
    Bullets,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    RadarChart,
    StackedBars,
    Table,
)
from wizard.documents.pdf import charts, frontmatter, prose, tables
from wizard.documents.pdf.canvas import Canvas


class Renderer:
    """The state of one rendering: the canvas, the contents plan, measured blocks."""

    TABLE_PAD = tables.TABLE_PAD

    def __init__(self, document: Document):
        self.doc = document
        self.pdf = Canvas(document)
        self.strings = self.pdf.strings
        self.lang = self.pdf.lang_key
        self.toc_entries: list[frontmatter.TocEntry] = []
        self.toc_pages = 0
        self.prepared: dict[int, tuple[Block, object]] = {}  # id(block) -> (block, measured table)
        self.headings: dict[tuple[str, int], tuple[str, int, float]] = {}
        self.following: Sequence[Block] = ()  # the blocks after the current one (keep-with-next)
        self.page_break = False  # a PageBreak is applied before the next block, never at the end

    def render(self) -> bytes:
        doc, pdf = self.doc, self.pdf
        frontmatter.metadata(self)
        pdf.add_page()
        if doc.cover:
            frontmatter.cover(self)
            pdf.add_page()
        else:
            frontmatter.title_block(self)
        frontmatter.contents(self)
        blocks = list(doc.blocks)
        for index, block in enumerate(blocks):
            handler = contract.handler(HANDLERS, block, "PDF")
            if self.page_break and handler is not page_break:
                if not pdf.at_page_top():
                    pdf.add_page()
                self.page_break = False
            self.following = blocks[index + 1:index + 4]
            handler(self, block)
        return bytes(pdf.output())

    def prepare_table(self, block: Table) -> tables.PreparedTable | None:
        return tables.prepare(self, block)

    _prepare_table = prepare_table  # the name tests/documents/test_content.py uses


def page_break(renderer: Renderer, block: PageBreak) -> None:
    renderer.page_break = True


HANDLERS: dict[type, Callable[[Renderer, Block], None]] = {
    Heading: prose.heading,
    Paragraph: prose.paragraph,
    Bullets: prose.bullets,
    Table: tables.table,
    RadarChart: charts.radar,
    StackedBars: charts.bars,
    PageBreak: page_break,
}


def render_pdf(document: Document) -> bytes:
    """The Document as PDF bytes; deterministic for the same Document."""
    return Renderer(document).render()
