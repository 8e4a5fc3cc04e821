"""The page's Plotly charts wear the documents' palette (wizard/documents/palette.py) and the
documents' names for the activities; tests/documents/test_colours.py compares the formats."""
from __future__ import annotations

import pytest
from conftest import example_strategy

from wizard.documents import palette
from wizard.i18n import table
from wizard.views.charts import maturity_radar, workload_bars


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_workload_bars_stack_the_activities_in_the_palette_order_and_colours(lang):
    labels = table("charts", lang)
    figure = workload_bars(example_strategy("pij-petite-ville", lang), lang)
    shown = [(trace.name, trace.marker.color, trace.marker.line.color) for trace in figure.data]
    assert shown == [(labels[c], colour, palette.WHITE) for c, colour in palette.ACTIVITY_COLOURS.items()]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_and_the_documents_name_each_activity_alike(lang):
    page, documents = table("charts", lang), table("strategy_doc", lang)
    assert {c: page[c] for c in palette.ACTIVITY_COLOURS} == {c: documents[f"c.{c}"] for c in palette.ACTIVITY_COLOURS}


def test_radar_wears_the_documents_radar_colour():
    trace = maturity_radar(example_strategy("pij-petite-ville"), "fr").data[0]
    assert trace.line.color == palette.RADAR
