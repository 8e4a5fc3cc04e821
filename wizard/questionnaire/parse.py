"""Free text to an answer value: one parser per question kind.

This is where "2h30", "une demi-journée", "insta, fb et tik tok" or "je ne sais pas"
are understood (the French text rules live in textparse). A parser returns the value
to store, or raises NotUnderstood with a friendly message that says what is expected.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wizard.questionnaire import textparse as tp
from wizard.questionnaire.choices import choices, scale_bounds
from wizard.questionnaire.fields import resolve
from wizard.questionnaire.flow import Step
from wizard.questionnaire.textparse import NBSP, NotUnderstood, format_number

__all__ = ["MAX_ANSWER_CHARS", "NotUnderstood", "TooLong", "option_names", "parse"]

MAX_ANSWER_CHARS = 2000  # the most a typed answer may hold (the chat box and the server both enforce it)


class TooLong(NotUnderstood):
    """An answer over MAX_ANSWER_CHARS characters, refused before any parsing.

    `key` names the message (« too_long », as in the chat's texts) and `length` /
    `limit` fill it, so a page can say it in another language; str() is the French."""

    key = "too_long"

    def __init__(self, length: int, limit: int = MAX_ANSWER_CHARS) -> None:
        self.length, self.limit = length, limit
        super().__init__(f"Votre réponse fait {format_number(length)}{NBSP}caractères{NBSP}: "
                         f"la limite est de {format_number(limit)}. Raccourcissez-la.")


def option_names(step: Step) -> list[tuple[Any, list[str]]]:
    return [(c.value, list(c.names())) for c in choices(step.question)]


def _single(step: Step, text: str) -> Any:
    if resolve(step.question.field).shape == "bool" and step.question.options is None:
        return tp.parse_yes_no(text)
    return tp.match_option(text, option_names(step))


def _multi(step: Step, text: str) -> list:
    values = tp.match_options(text, option_names(step), max_choices=step.question.max_choices)
    if not values and not step.question.optional:
        raise NotUnderstood("Choisissez au moins une réponse\u00a0: cette question est nécessaire pour construire "
                            "votre stratégie.")
    return values


def _ranked(step: Step, text: str) -> list:
    values = tp.match_options(text, option_names(step), max_choices=step.question.max_choices)
    if not values:
        raise NotUnderstood("Choisissez au moins une réponse, la plus importante en premier.")
    return values


def _bounds(step: Step) -> tuple[float | None, float | None]:
    spec = resolve(step.question.field)
    lo = step.question.min if step.question.min is not None else spec.minimum
    hi = step.question.max if step.question.max is not None else spec.maximum
    return lo, hi


def _number(step: Step, text: str) -> float | int:
    lo, hi = _bounds(step)
    if step.question.unit == "hours":
        value = tp.parse_hours(text, maximum=hi if hi is not None else 168)
        if lo is not None and value < lo:
            raise NotUnderstood(f"Indiquez au moins {lo:g}\u00a0h par semaine.")
        return value
    integer = resolve(step.question.field).shape == "int"
    return tp.parse_number(text, minimum=lo, maximum=hi, integer=integer)


def _scale(step: Step, text: str) -> int:
    lo, hi = scale_bounds(step.question)
    return tp.parse_scale(text, low=lo, high=hi)


def _text(step: Step, text: str) -> str:
    return tp.clean_text(text, max_length=200)


def _is_option_name(step: Step, text: str) -> bool:
    """ "Je ne sais pas encore" is an answer, not a skip, where an option is called so."""
    typed = tp.normalize(text)
    return any(tp.normalize(name) == typed for _, names in option_names(step) for name in names)


PARSERS: dict[str, Callable[[Step, str], Any]] = {
    "single": _single,
    "multi": _multi,
    "ranked": _ranked,
    "number": _number,
    "scale": _scale,
    "text": _text,
}


def parse(step: Step, text: str) -> Any:
    """The value to store for `text` typed at `step` (None = skipped), or NotUnderstood
    (TooLong, before anything else, for more than MAX_ANSWER_CHARS characters)."""
    if len(text) > MAX_ANSWER_CHARS:
        raise TooLong(len(text))
    if tp.is_skip(text) and not _is_option_name(step, text):
        if step.question.optional:
            return None
        raise NotUnderstood("Cette question est nécessaire pour construire votre stratégie : "
                            "une estimation suffit, vous pourrez la modifier ensuite.")
    return PARSERS[step.question.kind](step, text)
