"""Free text to an answer value: one parser per question kind (the table PARSERS).

This is where "2h30", "une demi-journée", "insta, fb et tik tok" or "je ne sais pas"
(and in English "half a day", "insta and fb", "I don't know") are understood; the text
rules live in wizard.questionnaire.freetext. A parser returns the value to store, or
raises NotUnderstood: a stable `key` and `values` for the interface's catalogue, and
str() worded in the answer's language (`lang`, French by default).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wizard.questionnaire import freetext as ft
from wizard.questionnaire.choices import choices, scale_bounds
from wizard.questionnaire.fields import resolve
from wizard.questionnaire.flow import Step
from wizard.questionnaire.freetext import NotUnderstood

__all__ = ["MAX_ANSWER_CHARS", "PARSERS", "NotUnderstood", "TooLong", "option_names", "parse"]

MAX_ANSWER_CHARS = 2000  # the most a typed answer may hold (the chat box and the server both enforce it)


class TooLong(NotUnderstood):
    """An answer over MAX_ANSWER_CHARS characters, refused before any parsing.

    `key` is « too_long »; `length` and `limit` (also in `values`) fill its message."""

    def __init__(self, length: int, limit: int = MAX_ANSWER_CHARS, lang: str = "fr") -> None:
        self.length, self.limit = length, limit
        super().__init__("too_long", {"length": length, "limit": limit}, lang)

    def __reduce__(self):
        return type(self), (self.length, self.limit, self.lang)


def option_names(step: Step, lang: str = "fr") -> list[tuple[Any, list[str]]]:
    """(value, names) of each option, the label in `lang` first (the one messages show)."""
    out = []
    for c in choices(step.question):
        names = list(c.names())
        label = c.label.get(lang) if c.label is not None else None
        out.append((c.value, [label, *names] if label and names[:1] != [label] else names))
    return out


def _single(step: Step, text: str, lang: str = "fr") -> Any:
    if resolve(step.question.field).shape == "bool" and step.question.options is None:
        return ft.parse_yes_no(text, lang)
    return ft.match_option(text, option_names(step, lang), lang=lang)


def _multi(step: Step, text: str, lang: str = "fr") -> list:
    values = ft.match_options(text, option_names(step, lang), max_choices=step.question.max_choices, lang=lang)
    if not values and not step.question.optional:
        raise NotUnderstood("choice_required", lang=lang)
    return values


def _ranked(step: Step, text: str, lang: str = "fr") -> list:
    values = ft.match_options(text, option_names(step, lang), max_choices=step.question.max_choices, lang=lang)
    if not values:
        raise NotUnderstood("ranked_required", lang=lang)
    return values


def _bounds(step: Step) -> tuple[float | None, float | None]:
    spec = resolve(step.question.field)
    lo = step.question.min if step.question.min is not None else spec.minimum
    hi = step.question.max if step.question.max is not None else spec.maximum
    return lo, hi


def _number(step: Step, text: str, lang: str = "fr") -> float | int:
    lo, hi = _bounds(step)
    if step.question.unit == "hours":
        value = ft.parse_hours(text, maximum=hi if hi is not None else 168, lang=lang)
        if lo is not None and value < lo:  # 0 h: no strategy holds without time, said as such
            raise NotUnderstood("hours_none" if value == 0 else "hours_at_least", {"lo": lo}, lang)
        return value
    integer = resolve(step.question.field).shape == "int"
    return ft.parse_number(text, minimum=lo, maximum=hi, integer=integer, lang=lang)


def _scale(step: Step, text: str, lang: str = "fr") -> int:
    """A mark, or a label of the scale typed as such (« jamais », « toujours »), in either language."""
    lo, hi = scale_bounds(step.question)
    labels = {mark: [name for name in (label.fr, label.en) if name]
              for mark, label in (step.question.scale_labels or {}).items()}
    return ft.parse_scale(text, low=lo, high=hi, lang=lang, labels=labels)


def _text(step: Step, text: str, lang: str = "fr") -> str:
    return ft.clean_name(text, max_length=200, lang=lang)


def _is_option_name(step: Step, text: str) -> bool:
    """ "Je ne sais pas encore" is an answer, not a skip, where an option is called so."""
    typed = ft.normalize(text)
    return any(ft.normalize(name) == typed for _, names in option_names(step) for name in names)


# question kind -> its parser: (step, text, lang) -> the value to store, or NotUnderstood
PARSERS: dict[str, Callable[..., Any]] = {
    "single": _single,
    "multi": _multi,
    "ranked": _ranked,
    "number": _number,
    "scale": _scale,
    "text": _text,
}


def parse(step: Step, text: str, lang: str = "fr") -> Any:
    """The value to store for `text` typed at `step` (None = skipped), or NotUnderstood
    worded in `lang` (TooLong, before anything else, for more than MAX_ANSWER_CHARS
    characters)."""
    if len(text) > MAX_ANSWER_CHARS:
        raise TooLong(len(text), lang=lang)
    if ft.is_skip(text, lang) and not _is_option_name(step, text):
        if step.question.optional:
            return None
        raise NotUnderstood("answer_required", lang=lang)
    return PARSERS[step.question.kind](step, text, lang)
