"""pydantic validation errors told in French, one short line each.

pydantic's own `msg` is English and echoes the whole input; the people who read our
errors (a profile, a questionnaire, the knowledge base) need French, the field, and
a glimpse of what they gave — short, on one line, with control characters shown as
backslash sequences rather than sent to their terminal. Shared by wizard.profile,
wizard.questionnaire.load and wizard.knowledge.load so the three speak alike.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping

from wizard.formatting import number
from wizard.textclean import escape_controls

WIDTH = 60  # characters of a given value or a key shown in a message
NBSP = "\u00a0"


def quote(text: str) -> str:
    return f"«{NBSP}{text}{NBSP}»"


def clip(text: str, width: int = WIDTH) -> str:
    """At most `width` characters, escaped, an ellipsis marking the cut."""
    text = escape_controls(text[: width + 1])
    return text if len(text) <= width else text[: width - 1] + "…"


def shown(value: object) -> str:
    """A value someone gave, as a message echoes it: JSON spelling, short, one line."""
    if isinstance(value, str):
        return quote(clip(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value) if abs(value) < 10**WIDTH else f"un nombre de plus de {WIDTH} chiffres"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return ("Infinity" if value > 0 else "-Infinity") if math.isinf(value) else repr(value)
    if isinstance(value, Mapping):
        return "un objet"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "une liste"
    return "une valeur d’un autre type"


def where(loc: Iterable, default: str = "profil") -> str:
    """The dotted path of an error (« presence.myspace »), pydantic's internal steps left out."""
    parts = [clip(str(p)) for p in loc if not str(p).startswith("function-") and p != "[key]"]
    return ".".join(parts) or default


def allowed_from(expected: str) -> str:
    """pydantic's « 'a', 'b' or 'c' » as « a, b, c »."""
    items = re.split(r", | or ", expected)
    return ", ".join(clip(i.strip("'\""), WIDTH) for i in items)


def _bound(name: str, word: str) -> Callable[[dict, object], str]:
    return lambda ctx, given: f"doit être {word} {number(ctx[name])} (reçu{NBSP}: {shown(given)})"


def _expected(what: str) -> Callable[[dict, object], str]:
    return lambda ctx, given: f"{what} (reçu{NBSP}: {shown(given)})"


def _too_long(ctx: dict, given: object) -> str:
    actual = ctx.get("actual_length")
    got = f" (ici{NBSP}: {number(actual)})" if isinstance(actual, int) else ""
    return f"au plus {ctx['max_length']} élément{'s' if ctx['max_length'] > 1 else ''}{got}"


def _string_too_short(ctx: dict, given: object) -> str:
    n = ctx["min_length"]
    return "texte vide" if n == 1 else f"au moins {n} caractères attendus"


def _literal(ctx: dict, given: object) -> str:
    return f"{shown(given)} n’est pas une valeur permise (valeurs possibles{NBSP}: {allowed_from(ctx.get('expected', ''))})"


def _said(ctx: dict, given: object) -> str:
    return clip(str(ctx.get("error", "valeur refusée")), 300)


NUMBER = "un nombre attendu"
INTEGER = "un nombre entier attendu"
OBJECT = "un objet attendu"
LIST = "une liste attendue"
BOOL = "vrai ou faux attendu, en JSON true ou false"

# pydantic error type -> French sentence (after « champ : »)
MESSAGES: dict[str, Callable[[dict, object], str]] = {
    "missing": lambda ctx, given: "champ obligatoire manquant",
    "extra_forbidden": lambda ctx, given: "champ inconnu",
    "invalid_key": _expected("clé non permise, un texte attendu"),
    "literal_error": _literal,
    "enum": _literal,
    "greater_than_equal": _bound("ge", "supérieur ou égal à"),
    "greater_than": _bound("gt", "strictement supérieur à"),
    "less_than_equal": _bound("le", "inférieur ou égal à"),
    "less_than": _bound("lt", "strictement inférieur à"),
    "multiple_of": _bound("multiple_of", "un multiple de"),
    "too_short": lambda ctx, given: f"au moins {ctx['min_length']} valeur(s) attendue(s)",
    "too_long": _too_long,
    "string_too_short": _string_too_short,
    "string_too_long": lambda ctx, given: f"au plus {ctx['max_length']} caractères",
    "string_pattern_mismatch": lambda ctx, given: f"{shown(given)} n’a pas la forme attendue (motif{NBSP}: {clip(ctx['pattern'])})",
    "int_type": _expected(INTEGER),
    "int_parsing": _expected(INTEGER),
    "int_from_float": _expected(INTEGER),
    "int_parsing_size": _expected("nombre entier trop grand"),
    "float_type": _expected(NUMBER),
    "float_parsing": _expected(NUMBER),
    "finite_number": _expected("un nombre fini attendu"),
    "number_not_bool": _expected(f"{NUMBER}, pas vrai ou faux"),
    "bool_type": _expected(BOOL),
    "bool_parsing": _expected(BOOL),
    "string_type": _expected("un texte attendu"),
    "string_unicode": _expected("un texte Unicode valide attendu"),
    "list_type": _expected(LIST),
    "tuple_type": _expected(LIST),
    "set_type": _expected(LIST),
    "dict_type": _expected(OBJECT),
    "model_type": _expected(OBJECT),
    "model_attributes_type": _expected(OBJECT),
    "none_required": _expected("aucune valeur attendue (null)"),
    "recursion_loop": lambda ctx, given: "données récursives ou trop imbriquées",
    "value_error": _said,
    "assertion_error": _said,
}


def message(err: Mapping) -> str:
    """The French sentence for one pydantic error (without the field, which `where` gives)."""
    say = MESSAGES.get(err["type"])
    ctx = err.get("ctx") or {}
    try:
        return say(ctx, err.get("input")) if say else f"valeur refusée (reçu{NBSP}: {shown(err.get('input'))})"
    except (KeyError, TypeError, ValueError):  # a context pydantic did not give: stay generic
        return f"valeur refusée (reçu{NBSP}: {shown(err.get('input'))})"


def summarize(messages: list[str], keep: int = 3) -> str:
    """The first messages on one line, then « … et N autres erreurs », so a line stays short."""
    head = f"{NBSP}; ".join(messages[:keep])
    rest = len(messages) - keep
    if rest <= 0:
        return head
    return f"{head}{NBSP}; … et {number(rest)} autre{'s' if rest > 1 else ''} erreur{'s' if rest > 1 else ''}"
