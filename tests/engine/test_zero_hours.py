"""0 h a week (a profile from the command line: the conversation refuses it): the Strategy says
that nothing can be promised without time, never a ratio to 0 h (« — % ») nor « pour 0 h »."""
from __future__ import annotations

import re

import pytest
from conftest import EXAMPLE_NAMES, TODAY, changed_data

from wizard.engine import build_strategy
from wizard.knowledge import default
from wizard.profile import parse_profile

KB = default()


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_time_is_said_and_never_divided_by(name, lang):
    s = build_strategy(parse_profile(changed_data(name, **{"resources.hours_per_week": 0})), KB, TODAY, lang=lang)
    w = s.workload
    assert w.available_hours_per_week == 0 and w.share_of_available is None
    codes = [x.code for x in s.warnings]
    assert "no_time" in codes and "overload" not in codes and "tight" not in codes
    said = strings(s.model_dump(mode="json"))
    assert not [x for x in said if "—\u00a0%" in x or "— %" in x or "(—" in x]  # no ratio without a divisor
    zero = re.compile(r"(?<![0-9,.])0[\u00a0 ]h(?![\u00a0 ]?[0-9])")  # « 0 h », not « 0 h 30 »
    assert not [x for x in said if zero.search(x)]  # « pour 0 h disponibles » nowhere
    assert s.decision.time.hours_per_week > 0  # what the note asks is the time the smallest plan needs
    assert s.summary and not any("0" in x and "disponible" in x for x in s.summary)


def test_some_time_keeps_the_ratio():
    s = build_strategy(parse_profile(changed_data("pij-petite-ville", **{"resources.hours_per_week": 0.5})),
                       KB, TODAY)
    assert s.workload.share_of_available is not None
    assert "overload" in [x.code for x in s.warnings] and "no_time" not in [x.code for x in s.warnings]
