"""The note stays 2–4 pages whatever is ticked (issue 10, point 8): with none of the 13
concerns and with every one of them, for every example, in French and in English."""
from __future__ import annotations

import io

import pytest
from conftest import EXAMPLE_NAMES, TODAY, example_profile
from pypdf import PdfReader

from wizard.documents import export
from wizard.engine import build_strategy
from wizard.knowledge import default
from wizard.vocabulary import ids

ALL = list(ids("concern"))


def pages(name: str, concerns: list[str], lang: str) -> int:
    p = example_profile(name, concerns=concerns)
    data = export.render("brief", "pdf", build_strategy(p, default(), TODAY, lang=lang), p)
    return len(PdfReader(io.BytesIO(data)).pages)


def test_there_are_thirteen_concerns():
    assert len(ALL) == 13


@pytest.mark.parametrize("concerns", [[], ALL], ids=["none", "all"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_two_to_four_pages_with_no_concern_and_with_all(name, concerns):
    assert 2 <= pages(name, concerns, "fr") <= 4


@pytest.mark.parametrize("name", ["crij-regional", "centre-communautaire-quebec"])
def test_two_to_four_pages_in_english_too(name):
    assert 2 <= pages(name, ALL, "en") <= 4
