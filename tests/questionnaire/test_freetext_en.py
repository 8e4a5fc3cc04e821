"""English free-text answers (lang="en"), the messages of every refusal, number words read by text2num.

French answers are tested in test_freetext.py and must not change; here the same steps of the
shipped questionnaire are answered in English, every refusal is checked to carry a stable key
and to be worded in the answer's language, and number words are checked to come from text2num.
"""
from __future__ import annotations

import ast
import copy
import dataclasses
import pickle
import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.questionnaire import flow
from wizard.questionnaire import freetext as ft
from wizard.questionnaire.freetext import NotUnderstood, messages, numbers
from wizard.questionnaire.load import SHIPPED, load
from wizard.questionnaire.parse import (
    MAX_ANSWER_CHARS,
    PARSERS,
    TooLong,
    option_names,
    parse,
)

NB = "\u00a0"
Q = load(SHIPPED / "diagnostic.yaml")
STEPS = flow.steps(Q, {"current_channels": ["youtube"], "structure_country": "fr"})
BY_KEY = {s.key: s for s in STEPS}
FREETEXT = Path(ft.__file__).parent
PARSE_PY = FREETEXT.parent / "parse.py"


def step(key: str) -> flow.Step:
    return BY_KEY[key]


def refusal(call) -> NotUnderstood:
    with pytest.raises(NotUnderstood) as info:
        call()
    return info.value


# ---------------------------------------------------------------- every question kind, in English

ENGLISH = [
    # text
    ("structure_name", "  Youth Centre   North ", "Youth Centre North"),
    # single (labels and aliases of both languages, typos)
    ("structure_kind", "youth association", "association"),
    ("structure_kind", "social center", "centre_social"),
    ("structure_kind", "Community centre", "centre_communautaire"),
    ("structure_country", "switzerland", "ch"),
    ("structure_territory", "peri urban", "periurbain"),
    # numbers and counts
    ("structure_youth_per_year", "a hundred and fifty", 150),
    ("structure_youth_per_year", "1,500", 1500),
    ("structure_youth_per_year", "about 2,000 a year", 2000),
    ("structure_youth_per_year", "twenty", 20),
    ("structure_youth_per_year", "around a dozen", 12),
    ("structure_youth_per_year", "between 3 and 5", 4),
    ("structure_youth_per_year", "3 to 5", 4),
    ("structure_youth_per_year", "one thousand five hundred", 1500),
    ("structure_youth_per_year", "none", 0),
    ("people", "two", 2),
    ("people", "a couple", 2),
    ("presence_followers.youtube", "about 300", 300),
    ("presence_followers.youtube", "1.5k", 1500),
    ("presence_posts.youtube", "2 a week", 2),
    ("budget", "1,500.50", 1500.5),
    ("budget", "a thousand", 1000),
    # hours per week
    ("hours_per_week", "two and a half hours", 2.5),
    ("hours_per_week", "half a day", 3.5),
    ("hours_per_week", "a morning", 3.5),
    ("hours_per_week", "an afternoon a week", 3.5),
    ("hours_per_week", "90 minutes", 1.5),
    ("hours_per_week", "2h30", 2.5),
    ("hours_per_week", "1.5", 1.5),
    ("hours_per_week", "1 FTE", 35),
    ("hours_per_week", "half-time", 17.5),
    ("hours_per_week", "full time", 35),
    ("hours_per_week", "10%", 3.5),
    ("hours_per_week", "10% of full time", 3.5),
    ("hours_per_week", "2 hours a day", 10),
    ("hours_per_week", "an hour per day", 5),
    ("hours_per_week", "a day per month", 1.62),
    ("hours_per_week", "about 4 hours", 4),
    ("hours_per_week", "between 2 and 3 hours", 2.5),
    # scale
    ("maturity_strategy", "four out of five", 4),
    ("maturity_strategy", "3/5", 3),
    ("maturity_strategy", "⭐⭐", 2),
    # yes / no
    ("validation_required", "yes", True),
    ("validation_required", "yeah", True),
    ("validation_required", "sure", True),
    ("validation_required", "of course", True),
    ("validation_required", "no", False),
    ("validation_required", "nope", False),
    ("validation_required", "not yet", False),
    ("comms_in_job", "yeah", True),
    # multi
    ("current_channels", "insta and fb", ["instagram", "facebook"]),
    ("current_channels", "instagram, facebook and tik tok", ["instagram", "facebook", "tiktok"]),
    ("current_channels", "facebok, youtub", ["facebook", "youtube"]),
    ("current_channels", "twitter", ["x"]),
    ("current_channels", "none", []),
    ("current_channels", "none yet", []),
    ("skills", "writing, photo and video", ["writing", "photo", "video"]),
    ("age_bands", "15 to 25 years", ["15_17", "18_25"]),
    ("age_bands", "between 15 and 25", ["15_17", "18_25"]),
    ("age_bands", "16 year olds", ["15_17"]),
    # ranked
    ("goals", "inform young people, work with partners", ["inform", "partners"]),
    ("goals", "1, 3 and 5", ["inform", "individual_followup", "engage_community"]),
    ("goals", "reach new young people and engage a community", ["recruit", "engage_community"]),
    # an option named like a skip is an answer
    ("own_accounts_allowed", "Not known yet", "unknown"),
]


@pytest.mark.parametrize(("key", "text", "expected"), ENGLISH)
def test_english_answers_at_the_shipped_steps(key, text, expected):
    assert parse(step(key), text, "en") == expected


SKIPS = ["skip", "I don't know", "I don’t know", "no idea", "pass", "n/a", "dunno", "not sure", "?"]


@pytest.mark.parametrize("text", SKIPS)
@pytest.mark.parametrize("key", ["structure_name", "structure_youth_per_year", "comms_in_job", "current_channels"])
def test_english_skips_of_optional_questions(key, text):
    assert parse(step(key), text, "en") is None


@pytest.mark.parametrize("text", SKIPS)
def test_english_skip_of_a_required_question_is_refused_in_english(text):
    error = refusal(lambda: parse(step("goals"), text, "en"))
    assert error.key == "answer_required" and error.lang == "en"
    assert str(error) == ("This question is needed to build your strategy: an estimate is enough, "
                          "you can change it later.")


@pytest.mark.parametrize("text", ["none", "no", "nothing"])
def test_english_real_answers_are_not_skips(text):
    assert not ft.is_skip(text, "en")


def test_every_parser_kind_has_an_english_case():
    kinds = {step(key).question.kind for key, _, _ in ENGLISH}
    assert kinds == set(PARSERS)
    assert any(step(key).question.unit == "hours" for key, _, _ in ENGLISH)


# ---------------------------------------------------------------- French unchanged at the same steps

FRENCH = [
    ("hours_per_week", "deux heures et demie", 2.5),
    ("hours_per_week", "une demi-journée", 3.5),
    ("maturity_strategy", "quatre sur cinq", 4),
    ("validation_required", "bien sûr", True),
    ("current_channels", "insta et fb", ["instagram", "facebook"]),
    ("goals", "informer les jeunes, travailler avec les partenaires", ["inform", "partners"]),
]


@pytest.mark.parametrize(("key", "text", "expected"), FRENCH)
def test_french_is_the_default_and_unchanged(key, text, expected):
    assert parse(step(key), text) == parse(step(key), text, "fr") == expected


def test_a_comma_is_a_decimal_in_french_and_groups_thousands_in_english():
    assert ft.parse_number("1,500") == 1.5
    assert ft.parse_number("1,500", lang="en") == 1500
    assert ft.parse_number("1.500") == 1500  # the French thousands dot
    assert ft.parse_number("1.500", lang="en") == 1.5
    assert ft.parse_number("1.5", lang="en") == ft.parse_number("1,5") == 1.5
    assert ft.parse_number("12,345,678", lang="en") == 12_345_678
    assert ft.parse_number("1 500", lang="en") == ft.parse_number("1 500") == 1500
    assert refusal(lambda: parse(step("structure_youth_per_year"), "1,500")).key == "integer_expected"
    assert parse(step("structure_youth_per_year"), "1,500", "en") == 1500


def test_french_words_in_english_are_read_as_french_words_only_where_english_has_none():
    # « a » is an article in English, « à » in French: only the answer's language decides.
    assert ft.parse_hours("half a day", lang="en") == 3.5
    assert ft.parse_hours("une demi-journée par an") == 0.07
    assert ft.parse_hours("2h a day", lang="en") == 10
    assert refusal(lambda: ft.parse_hours("2h a day")).values == {"word": "day"}


# ---------------------------------------------------------------- English hours and numbers, more forms


@pytest.mark.parametrize(("text", "expected"), [
    ("an hour and a half", 1.5), ("one and a half hours", 1.5), ("three quarters of an hour", 0.75),
    ("a quarter of an hour", 0.25), ("half an hour", 0.5), ("a day and a half", 10.5),
    ("2 hrs 30 mins", 2.5), ("2:30", 2.5), ("a couple of hours", 2), ("twenty hours", 20),
    ("10% of an FTE", 3.5), ("10 per cent", 3.5), ("10 percent", 3.5), ("0.5 FTE", 17.5),
    ("half an FTE", 17.5), ("full-time", 35), ("a half day", 3.5), ("half-day", 3.5),
    ("two afternoons a week", 7), ("half a day a week", 3.5), ("one day a week", 7),
    ("1h daily", 5), ("10 hours weekly", 10), ("10 hours/week", 10), ("an hour every day", 5),
    ("every other day", 17.5), ("4 hours every other day", 10), ("alternate days", 17.5),
    ("10 hours every other week", 5), ("2 days out of 5", 14), ("4 hours one day in two", 10),
    ("I spend about 4 hours a week", 4), ("I'd say 4h", 4), ("roughly 3 hours or so", 3),
    ("up to 5 hours", 5), ("2 to 3 hours", 2.5), ("2-3 hours", 2.5), ("2 or 3 hours", 2.5),
    ("20 hours on average", 20), ("none", 0), ("zero", 0),
])
def test_english_hours(text, expected):
    result = ft.parse_hours(text, lang="en")
    assert result == expected and type(result) is float


@pytest.mark.parametrize(("text", "word"), [
    ("3h of volunteering", "volunteering"), ("2 hours once a week", "once"),
    ("2 hours every 2 weeks", "every"), ("2h in the evening", "evening"), ("2 x 3h", "x"),
])
def test_english_hours_refuse_a_word_by_naming_it_as_typed(text, word):
    error = refusal(lambda: ft.parse_hours(text, lang="en"))
    assert (error.key, error.values) == ("hours_word_unknown", {"word": word})
    assert str(error) == (f"I didn’t understand “{word}”. Give a number of hours per week, "
                          "for example “5”, “2h30” or “half a day”.")


@pytest.mark.parametrize("text", ["a lot", "a few hours", "part-time", "hours", "", "one week in two"])
def test_english_hours_not_understood(text):
    assert refusal(lambda: ft.parse_hours(text, lang="en")).key == "hours_expected"


@pytest.mark.parametrize(("text", "expected"), [
    ("twenty", 20), ("a hundred and fifty", 150), ("ninety-seven", 97), ("fifteen hundred", 1500),
    ("3 thousand", 3000), ("1.5k", 1500), ("two dozen", 24), ("a dozen or so", 12), ("about twenty people", 20),
    ("20ish", 20), ("one or two", 1.5), ("between one and three", 2), ("one account with 2,000 followers", 2000),
    ("1,500.5", 1500.5), ("nothing", 0),
])
def test_english_numbers(text, expected):
    assert ft.parse_number(text, lang="en") == expected


@pytest.mark.parametrize(("text", "key"), [
    ("a lot", "number_expected"), ("minus three", "number_positive"), ("-3", "number_positive"),
    ("1, 2, 3", "number_single"), ("2 to the power of 3", "calculation_refused"), ("1e3", "calculation_refused"),
])
def test_english_number_refusals(text, key):
    assert refusal(lambda: ft.parse_number(text, lang="en")).key == key


@pytest.mark.parametrize(("text", "expected"), [
    ("yes", True), ("Yeah!", True), ("yep", True), ("sure", True), ("of course", True), ("absolutely", True),
    ("I think so", True), ("👍", True), ("oui", True),
    ("no", False), ("nope", False), ("nah", False), ("not yet", False), ("not really", False),
    ("of course not", False), ("absolutely not", False), ("never", False), ("non", False),
])
def test_english_yes_no(text, expected):
    assert ft.parse_yes_no(text, "en") is expected


@pytest.mark.parametrize("text", ["maybe", "yes and no", "it depends", ""])
def test_english_yes_no_refused(text):
    error = refusal(lambda: ft.parse_yes_no(text, "en"))
    assert (error.key, str(error)) == ("yes_no_expected", "Answer “yes” or “no”.")


# ---------------------------------------------------------------- number words come from text2num


def test_the_hand_written_french_number_tables_are_gone():
    assert not hasattr(numbers, "_WORDS") and not hasattr(numbers, "_compose") and not hasattr(numbers, "_combine")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("douze cents", "fr", 1200),  # the old table read « douze » and « cent »: a range, 56
    ("dix-neuf cents", "fr", 1900),
    ("deux milliards", "fr", 2 * 10**9),
    ("quatre-vingt-dix-sept", "fr", 97),
    ("mille cinq cents", "fr", 1500),
    ("soixante et onze", "fr", 71),
    ("eleven hundred", "en", 1100),
    ("two thousand and twenty-four", "en", 2024),
])
def test_number_words_are_read_by_text2num(monkeypatch, text, lang, expected):
    calls = []

    def spy(tokens, language, threshold):
        calls.append(language)
        return real(tokens, language, threshold)

    real = numbers.find_numbers
    monkeypatch.setattr(numbers, "find_numbers", spy)
    assert ft.parse_number(text, lang=lang) == expected
    assert calls == [lang]


def test_digits_alone_do_not_call_text2num(monkeypatch):
    monkeypatch.setattr(numbers, "find_numbers", lambda *a: pytest.fail("called text2num"))
    assert ft.parse_number("1 500") == 1500
    assert ft.parse_hours("2h30") == 2.5


def test_a_failure_inside_text2num_is_not_let_out(monkeypatch):
    class Panic(BaseException):  # pyo3's PanicException is a BaseException
        pass

    def panic(*args):
        raise Panic("text2num panicked")

    monkeypatch.setattr(numbers, "find_numbers", panic)
    assert ft.parse_number("vingt ou 12") == 12  # the words are then not numbers
    assert refusal(lambda: ft.parse_number("vingt")).key == "number_expected"


def test_the_domain_grammar_stays_ours():
    assert ft.parse_number("une vingtaine") == 20  # approximations
    assert ft.parse_hours("un jour sur deux") == 17.5  # durations
    assert ft.parse_hours("deux heures et demie") == 2.5
    # said for « trente et un » / « septante et une », which text2num alone reads as 30 and 1
    assert ft.parse_number("trente-un") == ft.parse_number("trente un") == 31
    assert ft.parse_number("septante une") == 71 and ft.parse_hours("vingt-un heures") == 21
    assert ft.parse_number("trente ou un") == 15.5  # a real range stays one


# ---------------------------------------------------------------- messages: keys, values, both languages

REFUSALS = [  # (call in French, call in English, key, values)
    (lambda lang: ft.parse_number("beaucoup", lang=lang), "number_expected", {"example": "12"}),
    (lambda lang: ft.parse_number("-2", lang=lang), "number_positive", {"example": "12"}),
    (lambda lang: ft.parse_number("1, 2, 3", lang=lang), "number_single", {"example": "12"}),
    (lambda lang: ft.parse_number("9" * 400, lang=lang), "number_too_big", {"example": "12"}),
    (lambda lang: ft.parse_number("2.5" if lang == "en" else "2,5", integer=True, lang=lang), "integer_expected",
     {"example": "12"}),
    (lambda lang: ft.parse_number("5", minimum=10, maximum=1500, lang=lang), "number_between", {"lo": 10, "hi": 1500}),
    (lambda lang: ft.parse_number("5", minimum=10, lang=lang), "number_at_least", {"lo": 10}),
    (lambda lang: ft.parse_number("2000", maximum=1500, lang=lang), "number_at_most", {"hi": 1500}),
    (lambda lang: ft.parse_number("1e3", lang=lang), "calculation_refused", {"example": "1000"}),
    (lambda lang: ft.parse_scale("9", lang=lang), "scale_expected", {"lo": 1, "hi": 5}),
    (lambda lang: ft.parse_hours("", lang=lang), "hours_expected", {}),
    (lambda lang: ft.parse_hours("3h bof", lang=lang), "hours_word_unknown", {"word": "bof"}),
    (lambda lang: ft.parse_hours("200", maximum=168, lang=lang), "hours_at_most", {"hi": 168}),
    (lambda lang: ft.parse_yes_no("bof", lang), "yes_no_expected", {}),
    (lambda lang: ft.clean_name(" ", lang=lang), "text_empty", {}),
    (lambda lang: ft.clean_name("a" * 201, lang=lang), "name_too_long", {"n": 200}),
    (lambda lang: ft.match_option("", [("a", ["A"]), ("b", ["B"])], lang=lang), "option_expected",
     {"labels": ("A", "B")}),
    (lambda lang: ft.match_option("zzz", [("a", ["Alpha"]), ("b", ["Beta"])], lang=lang), "option_unknown",
     {"text": "zzz", "labels": ("Alpha", "Beta")}),
    (lambda lang: ft.match_option("alph", [("a", ["Alpha"]), ("b", ["Alphb"])], lang=lang), "option_ambiguous",
     {"text": "alph", "a": "Alpha", "b": "Alphb", "labels": ("Alpha", "Alphb")}),
    (lambda lang: ft.match_option("16-25", [("a", ["15-17"]), ("b", ["18-25"])], lang=lang), "option_ambiguous",
     {"text": "16-25", "a": "15-17", "b": "18-25", "labels": ("15-17", "18-25")}),
    (lambda lang: ft.match_option("15-20", [("a", ["11-14"]), ("b", ["15-17"]), ("c", ["21-25"])], lang=lang),
     "band_inexact", {"text": "15-20", "labels": ("11-14", "15-17", "21-25")}),
    (lambda lang: ft.match_options("16-25", [("a", ["15-17"]), ("b", ["18-25"])], lang=lang),
     "band_inexact_example", {"text": "16-25", "bands": ("15-17", "18-25"), "labels": ("15-17", "18-25")}),
    (lambda lang: ft.match_options("a, b", [("a", ["A"]), ("b", ["B"])], max_choices=1, lang=lang),
     "choices_at_most_one", {"n": 1}),
    (lambda lang: ft.match_options("a, b, c", [("a", ["A"]), ("b", ["B"]), ("c", ["C"])], max_choices=2, lang=lang),
     "choices_at_most", {"n": 2}),
    (lambda lang: parse(step("age_bands"), "aucun" if lang == "fr" else "none", lang), "choice_required", {}),
    (lambda lang: parse(step("goals"), "aucun" if lang == "fr" else "none", lang), "ranked_required", {}),
    (lambda lang: parse(_with_minimum(step("hours_per_week"), 2), "1h", lang), "hours_at_least", {"lo": 2}),
    (lambda lang: parse(step("hours_per_week"), "0", lang), "hours_none", {"lo": 0.5}),  # the shipped minimum
    (lambda lang: parse(step("goals"), "passer" if lang == "fr" else "skip", lang), "answer_required", {}),
    (lambda lang: parse(step("goals"), "x" * (MAX_ANSWER_CHARS + 1), lang), "too_long",
     {"length": MAX_ANSWER_CHARS + 1, "limit": MAX_ANSWER_CHARS}),
]
def _with_minimum(s: flow.Step, minimum: float) -> flow.Step:
    return dataclasses.replace(s, question=s.question.model_copy(update={"min": minimum}))


FRENCH_WORDS = re.compile(r"\b(?:Indiquez|Choisissez|Répondez|Votre|réponse|nombre|heures|par semaine|parmi|"
                          r"Je n|caractères|exemple|note|entre)\b")
ENGLISH_WORDS = re.compile(r"\b(?:Give|Choose|Answer|Your|answer|number|hours|per week|from|I didn|"
                           r"characters|example|mark|between)\b")


@pytest.mark.parametrize(("call", "key", "values"), REFUSALS, ids=[key for _, key, _ in REFUSALS])
def test_every_refusal_has_a_key_values_and_both_languages(call, key, values):
    fr, en = refusal(lambda: call("fr")), refusal(lambda: call("en"))
    assert (fr.key, fr.values, fr.lang) == (key, values, "fr")
    assert (en.key, en.values, en.lang) == (key, values, "en")
    assert str(fr) == messages.render(key, values, "fr") and str(en) == messages.render(key, values, "en")
    assert not ENGLISH_WORDS.search(str(fr))
    assert not FRENCH_WORDS.search(str(en)) and "«" not in str(en) and NB not in str(en)
    assert str(en)[0].isupper() or str(en).startswith("“")
    assert str(en).endswith(".")


def test_every_key_of_the_table_is_refused_somewhere_in_these_tests():
    assert {key for _, key, _ in REFUSALS} == set(messages.MESSAGES)


def _keys_in_code() -> set[str]:
    """First arguments of _fail(…), NotUnderstood(…) and super().__init__(…) (TooLong) in
    freetext and parse.py: an AST scan, so a key added in code without an entry fails."""
    found = set()
    for path in [*FREETEXT.glob("*.py"), PARSE_PY]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = node.func if isinstance(node, ast.Call) else None
            if getattr(func, "id", None) in ("_fail", "NotUnderstood") or getattr(func, "attr", None) == "__init__":
                for arg in node.args[:1]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.add(arg.value)
                    elif isinstance(arg, ast.IfExp):
                        found |= {arg.body.value, arg.orelse.value}
    return found


def test_every_key_used_is_in_the_table_and_every_entry_is_used():
    assert _keys_in_code() == set(messages.MESSAGES)


@pytest.mark.parametrize("key", sorted(messages.MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    entry = messages.MESSAGES[key]
    assert set(entry) == set(messages.LANGS) and all(entry.values())

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert fields(entry["fr"]) == fields(entry["en"])


def test_a_key_outside_the_table_is_a_programming_error():
    with pytest.raises(KeyError):
        NotUnderstood("no_such_message")


def test_messages_write_numbers_the_language_s_way():
    fr = refusal(lambda: ft.parse_number("2000", maximum=1500.5))
    en = refusal(lambda: ft.parse_number("2000", maximum=1500.5, lang="en"))
    assert str(fr) == f"Indiquez un nombre inférieur ou égal à 1{NB}500,5."
    assert str(en) == "Give a number less than or equal to 1,500.5."


def test_option_messages_show_the_labels_of_the_answer_s_language():
    en = refusal(lambda: parse(step("structure_territory"), "garage", "en"))
    fr = refusal(lambda: parse(step("structure_territory"), "garage"))
    assert str(en) == "I didn’t recognise “garage”. Choose from: Rural, Peri-urban, Urban, Metropolis."
    assert str(fr) == f"Je n’ai pas reconnu «{NB}garage{NB}». Choisissez parmi{NB}: Rural, Périurbain, Urbain, Métropole."
    assert option_names(step("structure_territory"))[1][1][0] == "Périurbain"
    assert option_names(step("structure_territory"), "en")[1][1][0] == "Peri-urban"


def test_too_long_in_english():
    error = refusal(lambda: parse(step("structure_name"), "a" * 12_345, "en"))
    assert isinstance(error, TooLong) and (error.length, error.limit) == (12_345, MAX_ANSWER_CHARS)
    assert str(error) == "Your answer is 12,345 characters long: the limit is 2,000. Please shorten it."


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_refusal_survives_copy_and_pickle(lang):
    for error in (refusal(lambda: ft.parse_number("", lang=lang)), TooLong(2001, lang=lang)):
        for clone in (copy.copy(error), pickle.loads(pickle.dumps(error))):
            assert type(clone) is type(error)
            assert (clone.key, clone.values, clone.lang, str(clone)) == (error.key, error.values, lang, str(error))


# ---------------------------------------------------------------- long answers and robustness in English

EN_TEXTS = ["two and a half hours a day, ", "a hundred and fifty and ", "1,500,", "half a day a week ",
            "every other day ", "and a half ", "a a a ", "out of of ", "per cent per ", "insta and fb and ",
            "none of them ", "one or two ", "- full - time - "]
KINDS = ["structure_kind", "current_channels", "age_bands", "goals", "structure_youth_per_year",
         "hours_per_week", "maturity_strategy", "structure_name", "validation_required"]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("unit", EN_TEXTS)
@pytest.mark.parametrize("key", KINDS)
def test_100_kb_english_answers_finish(key, unit):
    s = step(key)
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    try:
        PARSERS[s.question.kind](s, text, "en")
    except NotUnderstood:
        pass


VOCAB = ["a", "an", "and", "half", "quarter", "of", "hour", "hours", "day", "a day", "per", "cent", "every",
         "other", "out", "in", "two", "twenty", "hundred", "thousand", "one", "1,500", "1.5", "-", "full", "time",
         "fte", "%", "none", "yes", "no", "skip", "insta", "between", "to", "minus", "dozen", "o", "point", "second"]
ANY = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(VOCAB), max_size=10).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(ANY)
def test_only_not_understood_escapes_in_english(text):
    for s in (step(key) for key in KINDS):
        try:
            value = parse(s, text, "en")
        except NotUnderstood as error:
            assert error.lang == "en" and str(error) and error.key in messages.MESSAGES
            continue
        if s.key == "hours_per_week":
            assert value is None or 0 <= value <= 168
