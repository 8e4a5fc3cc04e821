"""Limits of the parsers: the length of an answer, long and adversarial texts, powers.

The server refuses an answer over MAX_ANSWER_CHARS before parsing it; behind that
guard, every parser must still be linear in its input (benchmarks/parsers.py measures
it; here 100 kB texts only have to finish), and numbers written as powers or
calculations are refused rather than misread (« 1e3 » used to give 2).
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.questionnaire import flow
from wizard.questionnaire import freetext as tp
from wizard.questionnaire import parse as parse_module
from wizard.questionnaire.load import SHIPPED, load
from wizard.questionnaire.parse import (
    MAX_ANSWER_CHARS,
    PARSERS,
    NotUnderstood,
    TooLong,
    option_names,
    parse,
)

NB = "\u00a0"
Q = load(SHIPPED / "diagnostic.yaml")
STEPS = flow.steps(Q, {"current_channels": ["youtube"], "structure_country": "fr"})
BY_KEY = {s.key: s for s in STEPS}
KIND_STEPS = {  # one real step per parser kind
    "single": "structure_kind", "multi": "current_channels", "bands": "age_bands", "ranked": "goals",
    "number": "structure_youth_per_year", "hours": "hours_per_week", "scale": "maturity_strategy",
    "text": "structure_name", "yes_no": "validation_required",
}


def step(kind_or_key: str) -> flow.Step:
    return BY_KEY[KIND_STEPS.get(kind_or_key, kind_or_key)]


def inner(kind: str, text: str):
    """The parser of `kind` at its step, behind the length guard of parse()."""
    s = step(kind)
    return PARSERS[s.question.kind](s, text)


# ---------------------------------------------------------------- the length of an answer


def test_the_limit_is_2000_characters():
    assert MAX_ANSWER_CHARS == 2000


@pytest.mark.parametrize("s", STEPS, ids=lambda s: s.key)
def test_every_step_refuses_a_text_over_the_limit(s):
    with pytest.raises(TooLong) as info:
        parse(s, "oui " * 500 + "!")
    error = info.value
    assert isinstance(error, NotUnderstood)  # the chat shows it like any other refusal
    assert (error.key, error.length, error.limit) == ("too_long", 2001, 2000)
    assert str(error) == (f"Votre réponse fait 2{NB}001{NB}caractères{NB}: la limite est de 2{NB}000. "
                          "Raccourcissez-la.")


def test_the_message_says_the_length_typed():
    with pytest.raises(TooLong) as info:
        parse(step("number"), "1" + " " * 12_344)
    assert str(info.value).startswith(f"Votre réponse fait 12{NB}345{NB}caractères{NB}: ")
    text = str(info.value)
    assert "'" not in text and " tu " not in f" {text.lower()} "
    assert not re.search(r"[^\u00a0][:;!?»]|«[^\u00a0]", text)


def test_exactly_the_limit_is_parsed():
    assert parse(step("number"), "12" + " " * (MAX_ANSWER_CHARS - 2)) == 12
    assert parse(step("multi"), "insta" + " " * (MAX_ANSWER_CHARS - 5)) == ["instagram"]


def test_the_limit_is_checked_before_any_other_work(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("parsed an answer over the limit")

    for name in ("is_skip", "normalize", "match_options", "parse_number", "parse_hours", "clean_name"):
        monkeypatch.setattr(parse_module.ft, name, forbidden)
    for kind in KIND_STEPS:
        with pytest.raises(TooLong):
            parse(step(kind), "je ne sais pas" + " " * MAX_ANSWER_CHARS)  # a skip, once cut


# ---------------------------------------------------------------- powers and calculations

POWERS = ["1e3", "1E3", "2.5e2", "1,5e3", "1e-3", "10**9", "10 ** 9", "10^9", "2*3", "2 × 3", "1 000e3",
          "10⁹", "10 puissance 9", "environ 1e3"]
NUMBER_KINDS = [
    (lambda t: tp.parse_number(t), "1000"),
    (lambda t: tp.parse_number(t, minimum=0, maximum=10**6, integer=True), "1000"),
    (lambda t: tp.parse_hours(t), "10"),
    (lambda t: tp.parse_scale(t), "4"),
]


@pytest.mark.parametrize("text", POWERS)
@pytest.mark.parametrize(("call", "example"), NUMBER_KINDS, ids=["number", "integer", "hours", "scale"])
def test_powers_and_calculations_are_refused(call, example, text):
    with pytest.raises(NotUnderstood) as info:
        call(text)
    assert str(info.value) == (f"Écrivez le nombre en chiffres ou en lettres, sans puissance ni calcul{NB}: "
                               f"par exemple «{NB}{example}{NB}».")


@pytest.mark.parametrize("kind", ["number", "hours", "scale"])
@pytest.mark.parametrize("text", ["1e3", "10**9", "2*3"])
def test_powers_are_refused_at_the_real_steps(kind, text):
    with pytest.raises(NotUnderstood, match="sans puissance ni calcul"):
        parse(step(kind), text)


@pytest.mark.parametrize(("text", "expected"), [
    ("2k", 2000), ("3 mille", 3000), ("3 e", 3), ("1er", 1), ("10 %", 10), ("15-25 ans", 20),
    ("1 500", 1500), ("1.500", 1500), ("2,5", 2.5), ("2e", 2), ("3e et 4e", 3.5), ("10+", 10),
    ("une vingtaine", 20), ("entre 3 et 5", 4),
])
def test_legitimate_numbers_are_still_read(text, expected):
    assert tp.parse_number(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2h30", 2.5), ("2:30", 2.5), ("10 %", 3.5), ("1h30 ou 2h", 1.75), ("une demi-journée", 3.5),
    ("2h + 3h", 5), ("3 h", 3),
])
def test_legitimate_hours_are_still_read(text, expected):
    assert tp.parse_hours(text) == expected


def test_a_fraction_is_not_taken_for_a_calculation():
    with pytest.raises(NotUnderstood) as info:  # refused as before, naming the « / »
        tp.parse_hours("1/2 journée")
    assert "puissance" not in str(info.value)


@pytest.mark.parametrize(("text", "expected"), [("4/5", 4), ("⭐⭐⭐", 3), ("4 sur 5", 4), ("3e", 3)])
def test_legitimate_marks_are_still_read(text, expected):
    assert tp.parse_scale(text) == expected


def test_options_with_digits_are_untouched():
    assert parse(step("bands"), "18–25 ans") == ["18_25"]
    assert parse(step("bands"), "15-25") == ["15_17", "18_25"]
    assert parse(step("multi"), "1 3") == [option_names(step("multi"))[0][0], option_names(step("multi"))[2][0]]


# ---------------------------------------------------------------- long and adversarial texts

OPTION_TEXTS = ["1 2 ", "1, ", "1 et 2 et ", "insta, fb, ", "insta et fb et ", "éèêàçôûœ ",
                "facebookinstagramsnapchat", "15-17 18-25 ", "Mission Locale Informer les jeunes ", "x "]
NUMBER_TEXTS = ["12 3 45 6,5 ", "1234567890", "1 000 000 ", "quatre-vingt-dix-sept mille et un ",
                "1e3 10**9 ", "- – / : ", "une vingtaine de "]
HOURS_TEXTS = NUMBER_TEXTS + ["un jour sur deux ", "2h par jour ", "équivalent ", "apres midi ",
                              "2h30 et une demi-journée par jour, ", "10 % de "]
CASES = (
    [(kind, t) for kind in ("single", "multi", "bands", "ranked") for t in OPTION_TEXTS]
    + [(kind, t) for kind in ("number", "scale") for t in NUMBER_TEXTS]
    + [("hours", t) for t in HOURS_TEXTS]
    + [(kind, t) for kind in ("text", "yes_no") for t in ("oui non ", "a", "éèêàçôûœ ")]
)


@pytest.mark.timeout(10)
@pytest.mark.parametrize(("kind", "unit"), CASES)
def test_100_kb_answers_finish(kind, unit):
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    try:
        inner(kind, text)
    except NotUnderstood:
        pass


def test_a_repeated_equivalent_is_not_recursion():
    assert tp.parse_hours("10 % d'un " + "équivalent " * 3000 + "temps plein") == 3.5


def test_more_than_two_every_other_periods_are_refused():
    assert tp.parse_hours("2h un jour sur deux, une semaine sur deux") == 2.5
    with pytest.raises(NotUnderstood):
        tp.parse_hours("2h un jour sur deux, une semaine sur deux, un jour sur trois")


def test_a_long_part_is_not_fuzzy_matched():
    # Over tp.FUZZY_MAX_CHARS, a part of an answer is not a name with a typo (this one
    # used to give « Service jeunesse »).
    text = "Competing with the town’s own accounts " * 3 + "Conseil d’administration d’une association " * 2
    assert len(text) > tp.FUZZY_MAX_CHARS
    with pytest.raises(NotUnderstood, match="Je n’ai pas reconnu"):
        tp.match_option(text, option_names(step("single")))


VOCAB = ["un", "deux", "vingt", "mille", "et", "ou", "-", "h", "30", "2,5", "1 500", "1e3", "**", "^",
         "demi", "journée", "par", "jour", "sur", "équivalent", "temps", "plein", "%", "/", ",", "entre",
         "insta", "fb", "15-17", "18–25 ans", "Mission Locale", "oui", "non", "aucun", "⭐", "?", "é", "\u00a0"]
LONG_TEXT = st.one_of(
    st.text(max_size=3000),
    st.lists(st.sampled_from(VOCAB), max_size=600).map(" ".join).map(lambda t: t[:3000]),
    st.tuples(st.sampled_from(VOCAB), st.integers(1, 3000)).map(lambda p: ((p[0] + " ") * p[1])[:3000]),
)


@settings(max_examples=60, deadline=None)
@given(LONG_TEXT)
def test_every_parser_returns_or_says_what_is_expected(text):
    for kind in KIND_STEPS:
        for call in (lambda: parse(step(kind), text), lambda: inner(kind, text)):
            try:
                call()
            except NotUnderstood as error:
                assert str(error)
