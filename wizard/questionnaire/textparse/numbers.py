"""Numbers in digits or in words (« 1 500 », « 2k », « une vingtaine »), counts and marks."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from wizard.questionnaire.textparse.common import _fail, _fmt, _fold

_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80, "octante": 80,
    "nonante": 90, "cent": 100, "cents": 100, "mille": 1000, "million": 10**6, "millions": 10**6,
}
_ZERO = {"zero", "aucun", "aucune", "rien"}
_ROUGHLY = {  # « une vingtaine » -> 20
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}
_AFTER_DIGITS = {"k": 1000, "mille": 1000, "million": 10**6, "millions": 10**6}  # « 2k », « 3 mille »
_RANGE = {"et", "ou", "a", "-", "–"}
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)?|[a-z]+|\S")
_GROUPED = re.compile(r"(?<![0-9.,])[1-9][0-9]{0,2}(?:[ .][0-9]{3})+(?![0-9])")
_MINUS = re.compile(r"(?:^|\s)[-−–][0-9]")
# A power or a calculation between two numbers (on _fold(): « 1e3 », « 10**9 », « 10^9 »,
# « 2*3 », « 2×3 », « 2+3 », « 10 puissance 9 »), and superscript digits (« 10⁹ », on
# the text as typed, since _fold() turns « ⁹ » into « 9 »). « 3 e », « 1er », « 2h30 »,
# « 15-25 », « 4/5 » and « 1/2 journée » are not calculations; nor is « 2 x 3h », which
# parse_hours refuses by naming the « x » it does not understand.
_CALCULATION = re.compile(r"[0-9]e[+-]?[0-9]|[0-9] ?(?:\*+|\^|×|\+|puissance|exposant) ?[+-]?[0-9]")
_SUPERSCRIPT = re.compile("[0-9\u2070\u00b9\u00b2\u00b3\u2074-\u2079][\u2070\u00b9\u00b2\u00b3\u2074-\u207b]")


def _refuse_calculation(text: str, example: str) -> None:
    """NotUnderstood for « 1e3 », « 10**9 », « 2*3 »…: read as digits they would give
    a wrong number (« 1e3 » was 1 and 3, so 2), and guessing the result is not our job."""
    if _SUPERSCRIPT.search(text) or _CALCULATION.search(_fold(text)):
        raise _fail("Écrivez le nombre en chiffres ou en lettres, sans puissance ni calcul : "
                    "par exemple « {example} ».", example=example)


@dataclass(frozen=True)
class _Num:
    value: float
    weak: bool = False  # a lone « un » / « une »: often an article (« un compte »)


def _combine(big: float, cur: float, v: float) -> tuple[float, float] | None:
    """Add one number word to (thousands and above, last group below 1000), or
    None when French grammar says a new number starts (« trois quatre »)."""
    s = cur % 100
    if v == 10**6:
        return (big + (cur or 1) * v, 0) if big == 0 else None
    if v == 1000:
        return (big + (cur or 1) * v, 0) if big % 10**6 == 0 else None
    if v == 100:
        return (big, (cur or 1) * 100) if cur < 10 else None
    if v == 20 and s == 4:  # quatre-vingt(s)
        return big, cur + 76
    if v >= 20:
        return (big, cur + v) if s == 0 else None
    if v >= 10:  # dix..seize, also after soixante / quatre-vingt
        return (big, cur + v) if s in (0, 60, 80) else None
    return (big, cur + v) if s % 10 == 0 else None


def _compose(tokens: list[str], i: int) -> tuple[float, int]:
    """Read a run of number words from tokens[i]: « quatre-vingt-dix » -> 90."""
    big, cur, start = 0.0, 0.0, i
    while i < len(tokens):
        word = tokens[i]
        if word in ("-", "et") and i > start and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if nxt in _WORDS and (word == "-" or nxt in ("un", "une", "onze")):
                i += 1  # vingt-deux, soixante et onze
                continue
            break
        combined = _combine(big, cur, _WORDS[word]) if word in _WORDS else None
        if combined is None:
            break
        big, cur = combined
        i += 1
    return big + cur, i


def _tokens(text: str) -> list[str]:
    text = _fold(text).replace("'", " ")
    text = _GROUPED.sub(lambda m: m.group().replace(" ", "").replace(".", ""), text)  # 1 500, 1.500
    text = re.sub(r"(?<=[0-9]):(?=[0-9]{2}(?![0-9]))", "h", text)  # 2:30 -> 2h30
    return _TOKEN.findall(text)


def _items(text: str) -> list[str | _Num]:
    """Tokens where every number (digits or words) became a _Num."""
    tokens, items, i = _tokens(text), [], 0
    while i < len(tokens):
        tok = tokens[i]
        if tok[0] in "0123456789":
            value = float(tok.replace(",", "."))
            i += 1
            if i < len(tokens) and tokens[i] in _AFTER_DIGITS:
                value *= _AFTER_DIGITS[tokens[i]]
                i += 1
            items.append(_Num(value))
        elif tok in _WORDS:
            value, end = _compose(tokens, i)
            items.append(_Num(value, weak=end - i == 1 and tok in ("un", "une")))
            i = end
        elif tok in _ZERO:
            items.append(_Num(0.0))
            i += 1
        elif tok.rstrip("s") in _ROUGHLY:
            factor = items.pop().value if items and isinstance(items[-1], _Num) else 1
            items.append(_Num(float(factor * _ROUGHLY[tok.rstrip("s")])))
            i += 1
        else:
            items.append(tok)
            i += 1
    return items


def _numbers(items: list[str | _Num]) -> list[tuple[int, float]]:
    """(position, value) of the numbers, without the « un » that are articles:
    a lone un/une only counts if it is the only number or part of a range."""
    found = [(k, it) for k, it in enumerate(items) if isinstance(it, _Num)]
    strong = any(not it.weak for _, it in found)

    def in_range(k: int) -> bool:  # « un ou deux », « entre un et trois »
        before, after = items[max(k - 2, 0): k], items[k + 1: k + 3]
        return (
            (len(after) == 2 and after[0] in _RANGE and isinstance(after[1], _Num))
            or (len(before) == 2 and before[1] in _RANGE and isinstance(before[0], _Num))
            or (k > 0 and items[k - 1] == "entre")
        )

    return [(k, it.value) for k, it in found if not (it.weak and strong and not in_range(k))]


def _is_negative(text: str, items: list[str | _Num]) -> bool:
    starts_with_moins = len(items) > 1 and items[0] == "moins" and isinstance(items[1], _Num)
    return starts_with_moins or bool(_MINUS.search(_fold(text)))


_EXAMPLE = "par exemple « 12 »"


def parse_number(
    text: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    integer: bool = False,
) -> float | int:
    """A count or an amount, in digits or in words (« 1 500 », « 2k », « une vingtaine »).

    Two numbers are read as a range and give its midpoint (« entre 3 et 5 » -> 4),
    because people answer with a range when they are unsure. With integer=True a
    typed decimal (« 1,5 ») is refused, while a midpoint is rounded half up. Powers
    and calculations (« 1e3 », « 10**9 », « 2*3 ») are refused.
    Returns an int when integer=True, a float otherwise.
    """
    _refuse_calculation(text, "1000")
    items = _items(text)
    if _is_negative(text, items):
        raise _fail("Indiquez un nombre positif, " + _EXAMPLE + ".")
    values = [v for _, v in _numbers(items)]
    if not values:
        raise _fail("Indiquez un nombre, " + _EXAMPLE + ".")
    if len(values) > 2:
        raise _fail("Indiquez un seul nombre, " + _EXAMPLE + ", ou un intervalle comme « entre 3 et 5 ».")
    if not all(math.isfinite(v) for v in values):
        raise _fail("Ce nombre est trop grand. Indiquez un nombre, " + _EXAMPLE + ".")
    if integer and any(not v.is_integer() for v in values):
        raise _fail("Indiquez un nombre entier, " + _EXAMPLE + ".")
    value: float | int = sum(values) / len(values)
    if integer:
        value = math.floor(value + 0.5)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        if minimum is not None and maximum is not None:
            raise _fail("Indiquez un nombre entre {lo} et {hi}.", lo=_fmt(minimum), hi=_fmt(maximum))
        if minimum is not None:
            raise _fail("Indiquez un nombre supérieur ou égal à {lo}.", lo=_fmt(minimum))
        raise _fail("Indiquez un nombre inférieur ou égal à {hi}.", hi=_fmt(maximum))
    return value if integer else float(value)


def parse_scale(text: str, *, low: int = 1, high: int = 5) -> int:
    """A mark such as « 4 », « 4/5 », « quatre sur cinq » or « ⭐⭐⭐⭐ »."""
    stars = [c for c in text if not c.isspace() and c != "\ufe0f"]
    value: float | None = None
    if stars and all(c in "⭐★" for c in stars):
        value = len(stars)
    else:
        _refuse_calculation(text, str(high - 1 if high - 1 >= low else low))
        items = _items(text)
        found = _numbers(items)
        if len(found) == 2 and items[found[0][0] + 1: found[1][0]] in (["/"], ["sur"]):
            if found[1][1] == high:
                found = found[:1]
        if len(found) == 1 and not _is_negative(text, items):
            value = found[0][1]
    if value is None or not float(value).is_integer() or not low <= value <= high:
        raise _fail("Indiquez une note de {lo} à {hi}.", lo=low, hi=high)
    return int(value)
