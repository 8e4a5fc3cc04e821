"""Understand free-text answers typed in the chat, in French and in English.

Pure functions (no Streamlit, no I/O). People answer the way they talk
(« une vingtaine », « 2h30 par jour », « insta et fb »; « about twenty », « half a
day », « insta and fb »), so each parser accepts the usual spoken forms of the
answer's language (`lang`, "fr" by default) and, when it cannot decide, raises
NotUnderstood: a stable `key` and its `values`, worded in that language by str().

One module per kind of answer: common (normalisation, the error), messages (the
words of every refusal, French and English), answers (skip, yes / no, a name),
numbers (counts, marks; number words through text2num), hours (time per week),
options (choices by name, position or age band), english (English words put in the
terms of the count and duration grammar), phrases (everyday phrases said instead of a
number: « pas de budget », « moi toute seule », « jamais »). Every parser is linear in its input
(benchmarks/parsers.py); the length limit of an answer is parse.MAX_ANSWER_CHARS.
"""

from wizard.questionnaire.freetext.answers import clean_name, is_skip, parse_yes_no
from wizard.questionnaire.freetext.common import (
    NBSP,
    NotUnderstood,
    format_number,
    normalize,
)
from wizard.questionnaire.freetext.hours import (
    FULL_TIME_HOURS,
    WORKING_DAYS,
    parse_hours,
)
from wizard.questionnaire.freetext.messages import MESSAGES
from wizard.questionnaire.freetext.numbers import parse_number, parse_scale
from wizard.questionnaire.freetext.options import (
    FUZZY_MAX_CHARS,
    Options,
    match_option,
    match_options,
)

__all__ = [
    "FULL_TIME_HOURS", "FUZZY_MAX_CHARS", "MESSAGES", "NBSP", "WORKING_DAYS", "NotUnderstood", "Options",
    "clean_name", "format_number", "is_skip", "match_option", "match_options", "normalize",
    "parse_hours", "parse_number", "parse_scale", "parse_yes_no",
]
