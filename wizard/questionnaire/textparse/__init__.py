"""Understand French free-text answers typed in the chat.

Pure functions (no Streamlit, no I/O). People answer the way they talk
(« une vingtaine », « 2h30 par jour », « insta et fb »), so each parser
accepts the usual spoken forms and, when it cannot decide, raises
NotUnderstood with a message that can be shown to the user as is.

One module per kind of answer: common (normalisation, the error), answers (skip,
yes / no, free text), numbers (counts, marks), hours (time per week), options
(choices by name, position or age band). Every parser is linear in its input
(benchmarks/parsers.py); the length limit of an answer is parse.MAX_ANSWER_CHARS.
"""

from wizard.questionnaire.textparse.answers import clean_text, is_skip, parse_yes_no
from wizard.questionnaire.textparse.common import NBSP, NotUnderstood, format_number, normalize
from wizard.questionnaire.textparse.hours import FULL_TIME_HOURS, WORKING_DAYS, parse_hours
from wizard.questionnaire.textparse.numbers import parse_number, parse_scale
from wizard.questionnaire.textparse.options import FUZZY_MAX_CHARS, Options, match_option, match_options

__all__ = [
    "FULL_TIME_HOURS", "FUZZY_MAX_CHARS", "NBSP", "WORKING_DAYS", "NotUnderstood", "Options",
    "clean_text", "format_number", "is_skip", "match_option", "match_options", "normalize",
    "parse_hours", "parse_number", "parse_scale", "parse_yes_no",
]
