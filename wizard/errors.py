"""pydantic validation errors said in the reader's language (French or English), one short line each.

pydantic's own `msg` is English and echoes the whole input; the people who read our
errors (a profile, a questionnaire, the knowledge base) need their language, the field,
and a glimpse of what they gave — short, on one line, with control characters shown as
backslash sequences rather than sent to their terminal. Shared by wizard.profile,
wizard.questionnaire.load and wizard.knowledge.load so the three speak alike; the
sentences are in wizard/catalogue/errors.yaml.

Our own rules (a validator that refuses a value) raise `refused(lookup, key, …)`: the
error carries its catalogue key, so `message` says it in the reader's language too.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping

from pydantic_core import PydanticCustomError

from wizard.formatting import number
from wizard.i18n import phrases, text
from wizard.textclean import escape_controls

WIDTH = 60  # characters of a given value or a key shown in a message
RULE = "rule"  # the pydantic error type of our own rules (see `refused`)
say = phrases("errors")


def quote(value: str, lang: str = "fr") -> str:
    """« value » in French, “value” in English."""
    return say("quoted", lang, text=value)


def clip(value: str, width: int = WIDTH) -> str:
    """At most `width` characters, escaped, an ellipsis marking the cut."""
    value = escape_controls(value[: width + 1])
    return value if len(value) <= width else value[: width - 1] + "…"


def shown(value: object, lang: str = "fr") -> str:
    """A value someone gave, as a message echoes it: JSON spelling, short, one line."""
    if isinstance(value, str):
        return quote(clip(value), lang)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value) if abs(value) < 10**WIDTH else say("huge_number", lang, width=WIDTH)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return ("Infinity" if value > 0 else "-Infinity") if math.isinf(value) else repr(value)
    if isinstance(value, Mapping):
        return say("an_object", lang)
    if isinstance(value, (list, tuple, set, frozenset)):
        return say("a_list", lang)
    return say("other_value", lang)


def where(loc: Iterable, default: str | None = None, lang: str = "fr") -> str:
    """The dotted path of an error (« presence.myspace »), pydantic's internal steps left out;
    `default` (else « profil » / « profile ») when nothing is left."""
    parts = [clip(str(p)) for p in loc if not str(p).startswith("function-") and p != "[key]"]
    return ".".join(parts) or default or say("profile", lang)


def allowed_from(expected: str) -> str:
    """pydantic's « 'a', 'b' or 'c' » as « a, b, c »."""
    items = re.split(r", | or ", expected)
    return ", ".join(clip(i.strip("'\""), WIDTH) for i in items)


def not_allowed(given: object, allowed: str, lang: str = "fr") -> str:
    """« "x" is not an allowed value (possible values: a, b) »."""
    return say("not_allowed", lang, given=shown(given, lang), allowed=allowed)


def refused(lookup: Callable[..., str], key: str, **values) -> PydanticCustomError:
    """What a validator raises when one of our rules refuses a value: `lookup` is the
    i18n.phrases of the catalogue file holding `key`. pydantic's own message is the French
    text (the default language); `message` says it in the reader's language from the key it carries."""
    area = lookup.area  # type: ignore[attr-defined]
    return PydanticCustomError(RULE, lookup(key), {"rule_area": area, "rule_key": key, **values})


Values = Callable[[dict, object, str], dict]


def _given(ctx: dict, given: object, lang: str) -> dict:
    return {"given": shown(given, lang)}


def _bound(name: str) -> Values:
    return lambda ctx, given, lang: {"bound": number(ctx[name], lang), "given": shown(given, lang)}


def _length(name: str) -> Values:
    return lambda ctx, given, lang: {"n": ctx[name]}


def _too_long(ctx: dict, given: object, lang: str) -> dict:
    actual = ctx.get("actual_length")
    here = say("here", lang, n=number(actual, lang)) if isinstance(actual, int) else ""
    return {"n": ctx["max_length"], "here": here}


def _literal(ctx: dict, given: object, lang: str) -> dict:
    return {"given": shown(given, lang), "allowed": allowed_from(ctx.get("expected", ""))}


def _pattern(ctx: dict, given: object, lang: str) -> dict:
    return {"given": shown(given, lang), "pattern": clip(ctx["pattern"])}


# pydantic error type -> (catalogue key, its values); the key may depend on the context
MESSAGES: dict[str, tuple[str | Callable[[dict], str], Values | None]] = {
    "missing": ("missing", None),
    "extra_forbidden": ("extra_forbidden", None),
    "invalid_key": ("invalid_key", _given),
    "literal_error": ("not_allowed", _literal),
    "enum": ("not_allowed", _literal),
    "greater_than_equal": ("greater_than_equal", _bound("ge")),
    "greater_than": ("greater_than", _bound("gt")),
    "less_than_equal": ("less_than_equal", _bound("le")),
    "less_than": ("less_than", _bound("lt")),
    "multiple_of": ("multiple_of", _bound("multiple_of")),
    "too_short": ("too_short", _length("min_length")),
    "too_long": (lambda ctx: "too_long" if ctx["max_length"] > 1 else "too_long_1", _too_long),
    "string_too_short": (lambda ctx: "string_too_short" if ctx["min_length"] > 1 else "string_empty",
                         _length("min_length")),
    "string_too_long": ("string_too_long", _length("max_length")),
    "string_pattern_mismatch": ("pattern_mismatch", _pattern),
    "int_type": ("expected_integer", _given),
    "int_parsing": ("expected_integer", _given),
    "int_from_float": ("expected_integer", _given),
    "int_parsing_size": ("integer_too_big", _given),
    "float_type": ("expected_number", _given),
    "float_parsing": ("expected_number", _given),
    "finite_number": ("expected_finite", _given),
    "number_not_bool": ("expected_number_not_bool", _given),
    "bool_type": ("expected_bool", _given),
    "bool_parsing": ("expected_bool", _given),
    "string_type": ("expected_text", _given),
    "string_unicode": ("expected_unicode", _given),
    "list_type": ("expected_list", _given),
    "tuple_type": ("expected_list", _given),
    "set_type": ("expected_list", _given),
    "dict_type": ("expected_object", _given),
    "model_type": ("expected_object", _given),
    "model_attributes_type": ("expected_object", _given),
    "none_required": ("expected_null", _given),
    "recursion_loop": ("recursion_loop", None),
}


def _said(ctx: dict, lang: str) -> str:
    """A ValueError or an assertion of code that is not ours: its own words, clipped."""
    return clip(str(ctx.get("error", say("refused", lang))), 300)


def message(err: Mapping, lang: str = "fr") -> str:
    """The sentence for one pydantic error in `lang` (without the field, which `where` gives)."""
    kind, ctx, given = err["type"], err.get("ctx") or {}, err.get("input")
    try:
        if kind == RULE:
            values = {k: v for k, v in ctx.items() if not k.startswith("rule_")}
            return text(ctx["rule_area"], ctx["rule_key"], lang, **values)
        if kind in ("value_error", "assertion_error"):
            return _said(ctx, lang)
        if kind in MESSAGES:
            key, values = MESSAGES[kind]
            key = key(ctx) if callable(key) else key
            return say(key, lang, **(values(ctx, given, lang) if values else {}))
    except (KeyError, TypeError, ValueError):  # a context pydantic did not give: stay generic
        pass
    return say("refused_given", lang, given=shown(given, lang))


def summarize(messages: list[str], keep: int = 3, lang: str = "fr") -> str:
    """The first messages on one line, then « … et N autres erreurs », so a line stays short."""
    head = say("list_separator", lang).join(messages[:keep])
    rest = len(messages) - keep
    if rest <= 0:
        return head
    return say("more_errors" if rest > 1 else "more_errors_1", lang, head=head, n=number(rest, lang))
