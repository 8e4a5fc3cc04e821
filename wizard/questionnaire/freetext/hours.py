"""Time given per week (« 2h30 », « une demi-journée », « 10 % d'un ETP », « half a day »), in hours.

The grammar is written in folded French words; an English answer is first put in those
terms by english.rewrite (through numbers._items), so both languages share every rule.
"""

from __future__ import annotations

import math
import re

from wizard.questionnaire.freetext import english, phrases
from wizard.questionnaire.freetext.common import Item, _echo, _fail, _fold, _Num
from wizard.questionnaire.freetext.numbers import (
    _is_negative,
    _items,
    _refuse_calculation,
)

FULL_TIME_HOURS = 35.0  # « un temps plein », « 1 ETP », the base of « 10 % »
WORKING_DAYS = 5
_DAY = 7.0  # hours in « une journée »
_HALF_DAY = _DAY / 2  # « une demi-journée », « une matinée », « un après-midi »
_UNITS = {
    "h": 1.0, "heure": 1.0, "heures": 1.0, "hr": 1.0, "hrs": 1.0,
    "min": 1 / 60, "mn": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60,
    "j": _DAY, "jour": _DAY, "jours": _DAY, "journee": _DAY, "journees": _DAY,
    "matin": _HALF_DAY, "matins": _HALF_DAY, "matinee": _HALF_DAY, "matinees": _HALF_DAY,
    "apresmidi": _HALF_DAY, "apresmidis": _HALF_DAY, "aprem": _HALF_DAY, "aprems": _HALF_DAY,
    "etp": FULL_TIME_HOURS,  # équivalent temps plein
}
_BARE_UNITS = {"etp"}  # « ETP » alone means one, like « temps plein »
_HOUR_WORDS = {"h", "heure", "heures", "hr", "hrs"}  # harmless without a number (« heures »)
_DAY_WORDS = {"j", "jour", "jours", "journee", "journees"}
_WEEK_WORDS = {"semaine", "semaines", "sem"}
_FRACTIONS = {"demi": 0.5, "demie": 0.5, "mi": 0.5, "quart": 0.25, "quarts": 0.25, "tiers": 1 / 3}
_FULL = {"plein", "pleins", "complet"}  # temps plein, plein temps, temps complet
_PER = {"par", "chaque", "/", "les"}  # « par jour », « /semaine », « tous les jours »
_PERIODS = {  # multiply by this to get hours per week
    "jour": WORKING_DAYS, "jours": WORKING_DAYS, "j": WORKING_DAYS,
    "semaine": 1, "semaines": 1, "sem": 1,
    "mois": 12 / 52, "an": 1 / 52, "ans": 1 / 52, "annee": 1 / 52,
}
_ARTICLE_PERIODS = {  # « 10h la semaine », « 2 jours le mois » (not « la journée »: « during the day »)
    ("la", "semaine"): 1, ("le", "mois"): 12 / 52, ("l", "an"): 1 / 52, ("l", "annee"): 1 / 52,
}
_PERCENT = {"%", "pourcent", "pourcents"}
# Words that can be left out without changing the amount. Any other word the parser does
# not use makes the answer refused: « 2h une fois par semaine » is not « 2h ».
_FILLERS = frozenset({
    "environ", "env", "approx", "approximativement", "a", "peu", "pres", "vers", "quasi",
    "quasiment", "presque", "grosso", "modo", "en", "gros", "moyenne", "dans", "max", "maximum",
    "au", "total", "tout", "je", "j", "y", "on", "nous", "passe", "passons", "consacre",
    "consacrons", "dirais", "disons", "pense", "crois", "compte", "estime",
    "c", "ca", "est", "fait", "de", "d", "du", "des", "le", "la", "l", "les", "tous",
    "toutes", "hebdo", "hebdomadaire", "hebdomadaires", "equivalent", "equivalents",
    "et", "ou", "entre", "-", "–", "~", "≈", ".", ",", "!", "?", ";", ":", "(", ")", "+", "…",
    "'", '"', "«", "»",
})
_FILLERS_EN = _FILLERS | english.FILLERS


def _word(items: list[Item], k: int) -> str | None:
    return items[k] if 0 <= k < len(items) and isinstance(items[k], str) else None


def _merge_afternoon(items: list[Item]) -> list[Item]:
    """« après-midi » / « après midi » -> one word, « apresmidi »."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        gap = 2 if _word(items, k + 1) in ("-", "–") else 1
        if items[k] == "apres" and _word(items, k + gap) in ("midi", "midis"):
            out.append("apresmidi")
            k += gap + 1
        else:
            out.append(items[k])
            k += 1
    return out


def _full_time_at(items: list[Item], k: int) -> int:
    """Length of « temps plein » / « plein temps » / « ETP » / « équivalent temps plein »
    starting at items[k], 0 if there is none."""
    start = k
    while _word(items, k) == "equivalent":  # a loop, not recursion: « équivalent » may repeat
        k += 1
    first, second = _word(items, k), _word(items, k + 1)
    if first == "etp":
        return k - start + 1
    if (first == "temps" and second in _FULL) or (first in _FULL and second == "temps"):
        return k - start + 2
    return 0


def _percents(items: list[Item]) -> list[Item]:
    """« 10 % [d'un temps plein] » -> 3,5 h: a percentage is always of a full-time week."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        item = items[k]
        after = 0
        if isinstance(item, _Num):
            if _word(items, k + 1) in _PERCENT:
                after = 2
            elif _word(items, k + 1) == "pour" and k + 2 < len(items) and items[k + 2] == _Num(100.0):
                after = 3  # « 10 pour cent »
        if not after:
            out.append(item)
            k += 1
            continue
        out += [_Num(item.value / 100 * FULL_TIME_HOURS), "h"]
        k += after
        j = k + (_word(items, k) in ("d", "de", "du"))  # « d'un temps plein », « de l'ETP »
        nxt = items[j] if j < len(items) else None
        j += (isinstance(nxt, _Num) and nxt.weak) or nxt == "l"
        if _full_time_at(items, j):
            k = j + _full_time_at(items, j)
    return out


def _every_other(items: list[Item], lang: str) -> tuple[list[Item], float, bool]:
    """« un jour sur deux » (half of the 5 working days) and « une semaine sur deux ».

    Returns the items without them, a factor to a week, and whether that factor counts
    days (« 2h un jour sur deux » = 2h × 2,5 days). Alone, « un jour sur deux » is a
    duration: 2,5 days of 7 h. More than two of them are refused, which also keeps the
    work linear (each one is cut out of the list)."""
    factor, days, found = 1.0, False, 0
    k = 0
    while k < len(items):
        unit = _word(items, k)
        count = items[k + 2] if k + 2 < len(items) else None
        if (unit in _DAY_WORDS or unit in _WEEK_WORDS) and _word(items, k + 1) == "sur" \
                and isinstance(count, _Num):
            found += 1
            if found > 2:  # one per day and one per week at most: more is a puzzle, not an answer
                raise _fail("hours_expected", lang)
            start = k - 1 if k > 0 and isinstance(items[k - 1], _Num) else k
            share = items[start].value if start < k else 1.0
            if not 0 < share <= count.value:
                raise _fail("hours_expected", lang)
            share /= count.value
            if unit in _WEEK_WORDS:
                factor *= share
                del items[start: k + 3]
            elif any(isinstance(it, _Num) for it in items[:start] + items[k + 3:]):
                factor *= share * WORKING_DAYS
                days = True
                del items[start: k + 3]
            else:
                items[start: k + 3] = [_Num(share * WORKING_DAYS), "jours"]
            k = start + 1
        else:
            k += 1
    return items, factor, days


def _per_week(items: list[Item], lang: str) -> tuple[list[Item], float]:
    """The items without « par jour » / « par mois » / « la semaine »…, and the factor to
    a week. Two different periods (« 2h par jour et 3h par mois ») are refused."""
    factors: set[float] = set()
    out: list[Item] = []
    k = 0
    while k < len(items):
        word, period = items[k], items[k + 1] if k + 1 < len(items) else None
        if isinstance(word, str) and isinstance(period, str) and (
                (word in _PER and period in _PERIODS) or (word, period) in _ARTICLE_PERIODS):
            factors.add(_ARTICLE_PERIODS.get((word, period)) or _PERIODS[period])
            k += 2
        else:
            out.append(word)
            k += 1
    if len(factors) > 1:
        raise _fail("hours_expected", lang)
    return out, factors.pop() if factors else 1


def _duration(items: list[Item], fillers: frozenset[str]) -> tuple[float | None, list[str]]:
    """Sum of the terms « [nombre] [fraction] unité [et demie] [minutes] »;
    the midpoint when two terms form a range (« 2h ou 3h »). None if no term.
    Also returns the words it could neither use nor safely ignore."""
    terms: list[float] = []
    qty: float | None = None  # pending quantity
    frac: float | None = None  # pending fraction (demi, quart…)
    last_unit = 1.0
    minutes_slot = False  # right after « 2h »: a bare « 30 » means minutes
    pending_minutes = False
    ranged = False
    prev: Item | None = None
    used: set[int] = set()

    def close(unit: float) -> None:
        nonlocal qty, frac, last_unit, pending_minutes
        value = (1.0 if qty is None else qty) * (frac or 1.0) * unit
        if pending_minutes and unit == 1 / 60 and terms:
            terms[-1] += value  # « 2h30 », « 2 h 30 min »: one term, so « 1h ou 1h30 » is a range
        else:
            terms.append(value)
        qty, frac, last_unit, pending_minutes = None, None, unit, False

    for k, item in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        if isinstance(item, _Num):
            if qty is not None and pending_minutes:
                close(1 / 60)  # « 1h30 ou 2h »: the 30 were minutes
            if qty is not None and frac is None:
                qty = (qty + item.value) / 2  # « 2 ou 3 heures », « entre 2 et 3 h »
            else:
                if qty is not None:
                    close(1.0)
                qty, pending_minutes = item.value, minutes_slot
            minutes_slot = False
        elif item in _UNITS and (qty is not None or frac is not None or item in _BARE_UNITS):
            close(_UNITS[item])
            used.add(k)
            minutes_slot = _UNITS[item] == 1.0
        elif item == "temps" and (frac is not None or prev in _FULL or nxt in _FULL):
            close(FULL_TIME_HOURS)
            used.update((k, k - 1, k + 1) if frac is None else (k,))
        elif item in _FRACTIONS:
            if prev == "et" and qty is not None:
                qty += _FRACTIONS[item]  # « un et demi »
            elif prev == "et" and terms:
                terms[-1] += _FRACTIONS[item] * last_unit  # « une heure et quart »
            else:
                frac = _FRACTIONS[item]  # « trois quarts d'heure », « demi-journée »
            used.add(k)
            minutes_slot = False
        else:
            if item in ("ou", "entre") or (item == "a" and isinstance(nxt, _Num)) \
                    or (item in ("-", "–") and terms and prev in _UNITS):
                ranged = True
            minutes_slot = False
        prev = item
    if qty is not None:
        close(1 / 60 if pending_minutes else 1.0)
    unknown = [
        it for k, it in enumerate(items)
        if isinstance(it, str) and k not in used and it not in fillers and it not in _HOUR_WORDS
    ]
    if not terms:
        return None, unknown
    return (sum(terms) / 2 if ranged and len(terms) == 2 else sum(terms)), unknown


def _typed_word(text: str, token: str, lang: str) -> str:
    """The word of the answer, as typed, that gave the folded token (« bénévolat »; the
    English word that became a token of the grammar, « every » for « chaque »)."""
    words = re.findall(r"[^\W_]+|[^\w\s]", text)
    wanted = {token, *(english.INVERSE.get(token, ()) if lang == "en" else ())}
    for word in words:
        if _fold(word) in wanted:
            return word
    return next((w for w in words if token in _fold(w)), token)


def parse_hours(text: str, *, maximum: float = 168, lang: str = "fr") -> float:
    """Time given per week, in hours, rounded to 2 decimals.

    Understands « 2h30 », « 90 min », « deux heures et demie », « une demi-journée »,
    « une matinée » or « un après-midi » (3,5 h), « un jour » (7 h), « mi-temps » (17,5 h),
    « temps plein » or « 1 ETP » (35 h), « 10 % » (of 35 h), « un jour sur deux » (half
    of 5 days), « par jour » (× 5 working days) or « par mois ». Powers and calculations
    (« 1e3 », « 2*3 ») are refused.

    In English: « two and a half hours », « 90 minutes », « half a day », « a morning »,
    « 1 FTE », « half-time », « 10% of full time », « 2 hours a day », « per month »,
    « every other day », « two days out of five ».

    Fillers (« environ », « à peu près », « j'y passe », « heures », « about »…) are ignored;
    any other word it cannot use is refused rather than dropped.
    """
    _refuse_calculation(text, "10", lang)
    if phrases.no_time(text, lang):  # « pas le temps »: 0, which a question's minimum refuses by saying why
        return 0.0
    items = _items(text, lang)
    if _is_negative(text, items):
        raise _fail("hours_expected", lang)
    items = _percents(_merge_afternoon(items))
    items, every_other, in_days = _every_other(items, lang)
    items, factor = _per_week(items, lang)
    if in_days and factor != 1:  # « 2h par jour, un jour sur deux »: too tangled to guess
        raise _fail("hours_expected", lang)
    hours, unknown = _duration(items, _FILLERS_EN if lang == "en" else _FILLERS)
    total = None if hours is None else hours * factor * every_other
    if total is None or not math.isfinite(total):
        raise _fail("hours_expected", lang)
    if unknown:
        raise _fail("hours_word_unknown", lang, word=_echo(_typed_word(text, unknown[0], lang)))
    total = round(total, 2)
    if total > maximum:
        raise _fail("hours_at_most", lang, hi=maximum)
    return total + 0.0
