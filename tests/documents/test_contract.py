"""One renderer contract (issue 11, point 5): the PDF and the Word renderers each dispatch
blocks through one table keyed by block type; a block type without a handler fails here, and
an unknown block raises in both renderers instead of being dropped by one."""
from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from conftest import example_profile, example_strategy

from wizard.documents import contract
from wizard.documents.blocks import Paragraph
from wizard.documents.content_brief import brief_document
from wizard.documents.docx import HANDLERS as WORD
from wizard.documents.docx import render_docx
from wizard.documents.pdf import render_pdf
from wizard.documents.pdf.document import HANDLERS as PDF

RENDERERS = {"PDF": (PDF, render_pdf), "Word": (WORD, render_docx)}


@pytest.mark.parametrize("name", RENDERERS)
def test_every_block_type_has_a_handler(name):
    handlers, _ = RENDERERS[name]
    assert contract.BLOCK_TYPES and contract.missing(handlers) == []


def test_a_missing_handler_is_named():
    handlers = {k: v for k, v in PDF.items() if k is not Paragraph}
    assert contract.missing(handlers) == ["Paragraph"]


@dataclass(frozen=True)
class Sticker:  # not a block of blocks.py
    text: str


@pytest.mark.parametrize("name", RENDERERS)
def test_an_unknown_block_raises_in_every_renderer(name):
    _, render = RENDERERS[name]
    doc = brief_document(example_strategy("pij-petite-ville"), example_profile("pij-petite-ville"))
    broken = replace(doc, blocks=(*doc.blocks, Sticker("?")))
    with pytest.raises(contract.UnknownBlock, match="Sticker"):
        render(broken)
