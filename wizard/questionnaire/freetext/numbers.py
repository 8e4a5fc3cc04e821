"""Numbers in digits or in words (« 1 500 », « 2k », « une vingtaine », « a hundred and fifty »), counts and marks.

Number words are read by text2num (French and English, « quatre-vingt-dix-sept », « soixante
et onze », « twenty-two »); what it does not cover is ours: approximations (« une vingtaine »,
« a dozen »), a multiplier after digits (« 2k », « 3 mille »), zero words (« aucun », « none »).

Digits are read the answer's language's way: a space groups thousands in both; « . » groups
them in French (« 1.500 » = 1500) and « , » in English (« 1,500 » = 1500) when groups of exactly
three digits follow; any other « , » or « . » between digits is the decimal point (« 1,5 » in
French, « 1.5 » in English, and also « 10.5 » in French and « 1,5 » in English).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from text_to_num import find_numbers

from wizard.questionnaire.freetext import english, phrases
from wizard.questionnaire.freetext.common import Item, _fail, _fold, _Num

_ZERO = {"fr": {"zero", "aucun", "aucune", "rien"}, "en": {"zero", "none", "nothing", "nil", "nought"}}
_ROUGHLY = {  # « une vingtaine » -> 20, « two dozen » -> 24
    "fr": {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
           "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000},
    "en": {"dozen": 12, "couple": 2},
}
_AFTER_DIGITS = {  # « 2k », « 3 mille », « 3 thousand »
    "fr": {"k": 1000, "mille": 1000, "million": 10**6, "millions": 10**6},
    "en": {"k": 1000, "hundred": 100, "thousand": 1000, "million": 10**6, "millions": 10**6},
}
_WEAK = {"fr": {"un", "une"}, "en": {"one"}}  # a lone one of these may be an article (« un compte »)
_TENS = {20, 30, 40, 50, 60, 70, 80, 90}
_RANGE = {"et", "ou", "a", "-", "–"}
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)?|[a-z]+|\S")
_GROUPED = {
    "fr": re.compile(r"(?<![0-9.,])[1-9][0-9]{0,2}(?:[ .][0-9]{3})+(?![0-9])"),  # 1 500, 1.500
    "en": re.compile(r"(?<![0-9.,])[1-9][0-9]{0,2}(?:[ ,][0-9]{3})+(?![0-9])"),  # 1 500, 1,500
}
_MINUS = re.compile(r"(?:^|\s)[-−–][0-9]")
# A power or a calculation between two numbers (on _fold(): « 1e3 », « 10**9 », « 10^9 »,
# « 2*3 », « 2×3 », « 2+3 », « 10 puissance 9 », « 10 to the power of 9 »), and superscript
# digits (« 10⁹ », on the text as typed, since _fold() turns « ⁹ » into « 9 »). « 3 e », « 1er »,
# « 2h30 », « 15-25 », « 4/5 » and « 1/2 journée » are not calculations; nor is « 2 x 3h »,
# which parse_hours refuses by naming the « x » it does not understand.
_OPERATORS = {"fr": r"\*+|\^|×|\+|puissance|exposant", "en": r"\*+|\^|×|\+|(?:to the )?power(?: of)?"}
_CALCULATION = {lang: re.compile(rf"[0-9]e[+-]?[0-9]|[0-9] ?(?:{ops}) ?[+-]?[0-9]") for lang, ops in _OPERATORS.items()}
_SUPERSCRIPT = re.compile("[0-9\u2070\u00b9\u00b2\u00b3\u2074-\u2079][\u2070\u00b9\u00b2\u00b3\u2074-\u207b]")


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "fr"


def _refuse_calculation(text: str, example: str, lang: str = "fr") -> None:
    """NotUnderstood for « 1e3 », « 10**9 », « 2*3 »…: read as digits they would give
    a wrong number (« 1e3 » was 1 and 3, so 2), and guessing the result is not our job."""
    if _SUPERSCRIPT.search(text) or _CALCULATION[_lang(lang)].search(_fold(text)):
        raise _fail("calculation_refused", lang, example=example)


class _Token:
    """A word as text2num's find_numbers reads it (its token protocol)."""

    __slots__ = ("digits", "word")

    def __init__(self, word: str) -> None:
        self.word, self.digits = word, word[0] in "0123456789"

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return self.digits


def _word_numbers(tokens: list[str], lang: str) -> dict[int, tuple[int, float]]:
    """{first token: (token after the last, value)} of each number written in words.

    Ordinals (« deuxième », « second ») and a lone « o » (text2num's English zero) are
    left as words. text2num is linear in the tokens; it runs in Rust, so a failure of
    its own (a PanicException, which is not an Exception) is read as « no number words »
    rather than let out of the parser."""
    if not any(len(tok) > 1 and tok.isalpha() for tok in tokens):  # no word of two letters or more
        return {}
    try:
        found = find_numbers([_Token(tok) for tok in tokens], lang, 0.0)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException:  # noqa: BLE001 - see the docstring
        return {}
    return {
        o.start: (o.end, float(o.value)) for o in found
        if not o.is_ordinal and o.end > o.start and tokens[o.start: o.end] != ["o"]
    }


def _tokens(text: str, lang: str = "fr") -> list[str]:
    """Folded words, signs and numbers in digits written with « . » as the decimal point."""
    text = _fold(text).replace("'", " ")
    text = _GROUPED[lang].sub(lambda m: re.sub("[ .,]", "", m.group()), text)
    text = re.sub(r"(?<=[0-9]):(?=[0-9]{2}(?![0-9]))", "h", text)  # 2:30 -> 2h30
    return [tok.replace(",", ".") if tok[0] in "0123456789" else tok for tok in _TOKEN.findall(text)]


def _items(text: str, lang: str = "fr") -> list[Item]:
    """Tokens where every number (digits or words) became a _Num; an English answer's words
    are then put in the grammar's terms (english.rewrite)."""
    lang = _lang(lang)
    after, zero, roughly, weak = _AFTER_DIGITS[lang], _ZERO[lang], _ROUGHLY[lang], _WEAK[lang]
    raw, tokens, digits = _tokens(text, lang), [], {}
    k = 0
    while k < len(raw):  # digits and their multiplier first: « 3 mille deux cents » is 3000, 200
        tok = raw[k]
        k += 1
        if tok[0] in "0123456789":
            value = float(tok)
            if k < len(raw) and raw[k] in after:
                value *= after[raw[k]]
                k += 1
            digits[len(tokens)] = value
        tokens.append(tok)
    words = _word_numbers(tokens, lang)
    items: list[Item] = []
    tens, tens_end = 0.0, -9  # a number of tens in words, the token after it (« trente » in « trente-un »)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if i in digits:
            items.append(_Num(digits[i]))
            i += 1
        elif i in words:
            end, value = words[i]
            after_tens = i == tens_end or (i == tens_end + 1 and tokens[tens_end] == "-")
            if lang == "fr" and after_tens and end - i == 1 and tok in weak:
                # said for « trente et un »; text2num reads 30 and 1, and a range 30–1 is no answer
                del items[len(items) - (i - tens_end) - 1:]
                items.append(_Num(tens + 1))
            else:
                items.append(_Num(value, weak=end - i == 1 and tok in weak))
                tens, tens_end = (value, end) if value % 100 in _TENS else (0.0, -9)
            i = end
        elif tok in zero:
            items.append(_Num(0.0))
            i += 1
        elif tok.rstrip("s") in roughly:
            factor = items.pop().value if items and isinstance(items[-1], _Num) else 1
            items.append(_Num(float(factor * roughly[tok.rstrip("s")])))
            i += 1
        else:
            items.append(tok)
            i += 1
    return english.rewrite(items) if lang == "en" else items


def _numbers(items: list[Item]) -> list[tuple[int, float]]:
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


def _is_negative(text: str, items: list[Item]) -> bool:
    starts_with_moins = len(items) > 1 and items[0] == "moins" and isinstance(items[1], _Num)
    return starts_with_moins or bool(_MINUS.search(_fold(text)))


def parse_number(
    text: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    integer: bool = False,
    lang: str = "fr",
) -> float | int:
    """A count or an amount, in digits or in words (« 1 500 », « 2k », « une vingtaine »;
    in English « 1,500 », « a hundred and fifty », « a dozen »).

    An everyday phrase said as the whole answer stands for its number (freetext.phrases):
    « pas de budget » is 0, « moi toute seule » is 1 (« no budget », « just me »).
    Two numbers are read as a range and give its midpoint (« entre 3 et 5 » -> 4),
    because people answer with a range when they are unsure. With integer=True a
    typed decimal (« 1,5 ») is refused, while a midpoint is rounded half up. Powers
    and calculations (« 1e3 », « 10**9 », « 2*3 ») are refused.
    Returns an int when integer=True, a float otherwise.
    """
    _refuse_calculation(text, "1000", lang)
    items = _items(text, lang)
    example = {"example": "12"}
    if _is_negative(text, items):
        raise _fail("number_positive", lang, **example)
    said = phrases.count_phrase(text, lang)
    values = [float(said)] if said is not None else [v for _, v in _numbers(items)]
    if not values:
        raise _fail("number_expected", lang, **example)
    if len(values) > 2:
        raise _fail("number_single", lang, **example)
    if not all(math.isfinite(v) for v in values):
        raise _fail("number_too_big", lang, **example)
    if integer and any(not v.is_integer() for v in values):
        raise _fail("integer_expected", lang, **example)
    value: float | int = sum(values) / len(values)
    if integer:
        value = math.floor(value + 0.5)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        if minimum is not None and maximum is not None:
            raise _fail("number_between", lang, lo=minimum, hi=maximum)
        if minimum is not None:
            raise _fail("number_at_least", lang, lo=minimum)
        raise _fail("number_at_most", lang, hi=maximum)
    return value if integer else float(value)


def parse_scale(text: str, *, low: int = 1, high: int = 5, lang: str = "fr",
                labels: Mapping[int, Sequence[str]] | None = None) -> int:
    """A mark such as « 4 », « 4/5 », « quatre sur cinq », « four out of five » or « ⭐⭐⭐⭐ »;
    or a label of the scale typed as such (`labels`: mark -> its names, « Jamais », « Toujours,
    dans un délai annoncé »: the words before a comma are enough), else a word for one of its
    ends (« jamais », « toujours »; « never », « always »)."""
    stars = [c for c in text if not c.isspace() and c != "\ufe0f"]
    value: float | None = phrases.scale_label(text, labels or {}, low, high, lang)
    if value is not None:
        pass
    elif stars and all(c in "⭐★" for c in stars):
        value = len(stars)
    else:
        _refuse_calculation(text, str(max(high - 1, low)), lang)
        items = _items(text, lang)
        found = _numbers(items)
        if len(found) == 2 and items[found[0][0] + 1: found[1][0]] in (["/"], ["sur"]):
            if found[1][1] == high:
                found = found[:1]
        if len(found) == 1 and not _is_negative(text, items):
            value = found[0][1]
    if value is None or not float(value).is_integer() or not low <= value <= high:
        raise _fail("scale_expected", lang, lo=low, hi=high)
    return int(value)
