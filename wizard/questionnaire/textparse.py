"""Understand French free-text answers typed in the chat.

Pure functions (no Streamlit, no I/O). People answer the way they talk
(« une vingtaine », « 2h30 par jour », « insta et fb »), so each parser
accepts the usual spoken forms and, when it cannot decide, raises
NotUnderstood with a message that can be shown to the user as is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from rapidfuzz import fuzz

from wizard.i18n import typeset_fr
from wizard.textclean import strip_controls

NBSP = "\u00a0"


class NotUnderstood(ValueError):
    """Raised with a friendly French message (vouvoiement, French typography)
    that says what is expected; the wizard shows it and asks again."""


def _fail(template: str, **values: object) -> NotUnderstood:
    """Typography on our template only, then the values (user text is quoted as typed)."""
    return NotUnderstood(typeset_fr(template).format(**values))


def _echo(text: str, limit: int = 40) -> str:
    """The user's answer, tidied and shortened, to quote it in a message."""
    text = " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def _fold(text: str) -> str:
    """Lowercase, no accents, single spaces (inner punctuation kept)."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_APOSTROPHES)).lower()
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def normalize(text: str) -> str:
    """Comparable form of an answer: « Déjà  fait ! » -> « deja fait »."""
    text = _fold(text)
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


def _key(text: str) -> str:
    """normalize() with inner punctuation turned into spaces: « d'accord » -> « d accord »."""
    return " ".join(re.sub(r"[\W_]", " ", normalize(text)).split())


def _keys(*phrases: str) -> frozenset[str]:
    return frozenset(_key(p) for p in phrases)


# --------------------------------------------------------------------------
# Skip, yes / no
# --------------------------------------------------------------------------

_SKIP = _keys(
    "je ne sais pas", "je sais pas", "ne sais pas", "sais pas", "j'sais pas", "chais pas",
    "je ne sais pas trop", "je ne sais pas encore", "je ne sais plus", "ne sait pas",
    "jsp", "nsp", "idk", "aucune idée", "pas d'idée", "je n'en sais rien", "j'en sais rien",
    "passer", "passe", "je passe", "on passe", "je préfère passer", "skip",
    "pas de réponse", "sans réponse", "je préfère ne pas répondre", "ne se prononce pas",
    "non applicable", "pas applicable", "sans objet", "n/a",
)


def is_skip(text: str) -> bool:
    """True when the user declines to answer (« je ne sais pas », « passer », « ? »).
    « non » and « aucun » are real answers, so they are not skips."""
    stripped = "".join(text.split())
    if stripped and set(stripped) <= {"?", "¿"}:
        return True
    return _key(text) in _SKIP


_YES = _keys(
    "oui", "o", "y", "yes", "yep", "ouais", "ouai", "ouaip", "ok", "okay", "d'accord", "dac",
    "bien sûr", "tout à fait", "exact", "exactement", "c'est le cas", "c'est ça", "absolument",
    "évidemment", "certainement", "effectivement", "en effet", "carrément", "affirmatif",
    "volontiers", "si", "vrai", "je pense que oui", "je crois que oui",
)
_NO = _keys(
    "non", "n", "no", "nope", "nan", "pas du tout", "jamais", "pas encore", "pas vraiment",
    "absolument pas", "certainement pas", "pas d'accord", "aucunement", "négatif", "faux",
    "ce n'est pas le cas", "pas le cas", "bien sûr que non", "je pense que non",
    "je crois que non", "non merci",
)
_EXACT_ONLY = _keys("o", "y", "n", "si")  # too short (or too conditional) to open a sentence


def parse_yes_no(text: str) -> bool:
    """Yes / no, judged on the longest known phrase the answer starts with, so
    « oui il faut » is yes and « absolument pas » is no."""
    key = _key(text)
    words = key.split()
    if not ("oui" in words and "non" in words):
        found = [
            p for p in _YES | _NO
            if key == p or (p not in _EXACT_ONLY and key.startswith(p + " "))
        ]
        if found:
            return max(found, key=len) in _YES
        if not key and any(c in text for c in "👍👌✅"):
            return True
        if not key and any(c in text for c in "👎❌"):
            return False
    raise _fail("Répondez par « oui » ou « non ».")


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

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


def _fmt(x: float) -> str:
    """French display of a number: 1500 -> « 1 500 », 2.5 -> « 2,5 »."""
    text = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0")
    return text.replace(",", NBSP).replace(".", ",")


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
    typed decimal (« 1,5 ») is refused, while a midpoint is rounded half up.
    Returns an int when integer=True, a float otherwise.
    """
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


# --------------------------------------------------------------------------
# Hours per week
# --------------------------------------------------------------------------

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
_HOURS_HELP = ("Indiquez un nombre d'heures par semaine, par exemple « 5 », « 2h30 » "
               "ou « une demi-journée ».")


def _word(items: list[str | _Num], k: int) -> str | None:
    return items[k] if 0 <= k < len(items) and isinstance(items[k], str) else None


def _merge_afternoon(items: list[str | _Num]) -> list[str | _Num]:
    """« après-midi » / « après midi » -> one word, « apresmidi »."""
    out: list[str | _Num] = []
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


def _full_time_at(items: list[str | _Num], k: int) -> int:
    """Length of « temps plein » / « plein temps » / « ETP » / « équivalent temps plein »
    starting at items[k], 0 if there is none."""
    first, second = _word(items, k), _word(items, k + 1)
    if first == "etp":
        return 1
    if (first == "temps" and second in _FULL) or (first in _FULL and second == "temps"):
        return 2
    if first == "equivalent":
        rest = _full_time_at(items, k + 1)
        return rest + 1 if rest else 0
    return 0


def _percents(items: list[str | _Num]) -> list[str | _Num]:
    """« 10 % [d'un temps plein] » -> 3,5 h: a percentage is always of a full-time week."""
    out: list[str | _Num] = []
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


def _every_other(items: list[str | _Num]) -> tuple[list[str | _Num], float, bool]:
    """« un jour sur deux » (half of the 5 working days) and « une semaine sur deux ».

    Returns the items without them, a factor to a week, and whether that factor counts
    days (« 2h un jour sur deux » = 2h × 2,5 days). Alone, « un jour sur deux » is a
    duration: 2,5 days of 7 h."""
    factor, days = 1.0, False
    k = 0
    while k < len(items):
        unit = _word(items, k)
        count = items[k + 2] if k + 2 < len(items) else None
        if (unit in _DAY_WORDS or unit in _WEEK_WORDS) and _word(items, k + 1) == "sur" \
                and isinstance(count, _Num):
            start = k - 1 if k > 0 and isinstance(items[k - 1], _Num) else k
            share = items[start].value if start < k else 1.0
            if not 0 < share <= count.value:
                raise _fail(_HOURS_HELP)
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


def _per_week(items: list[str | _Num]) -> float:
    """Remove « par jour » / « par mois » / « la semaine »… and return the factor to a week.
    Two different periods (« 2h par jour et 3h par mois ») are refused."""
    factors: set[float] = set()
    k = 0
    while k < len(items) - 1:
        word, period = items[k], items[k + 1]
        if isinstance(word, str) and isinstance(period, str) and (
                (word in _PER and period in _PERIODS) or (word, period) in _ARTICLE_PERIODS):
            factors.add(_ARTICLE_PERIODS.get((word, period)) or _PERIODS[period])
            del items[k: k + 2]
        else:
            k += 1
    if len(factors) > 1:
        raise _fail(_HOURS_HELP)
    return factors.pop() if factors else 1


def _duration(items: list[str | _Num]) -> tuple[float | None, list[str]]:
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
    prev: str | _Num | None = None
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
        if isinstance(it, str) and k not in used and it not in _FILLERS and it not in _HOUR_WORDS
    ]
    if not terms:
        return None, unknown
    return (sum(terms) / 2 if ranged and len(terms) == 2 else sum(terms)), unknown


def _typed_word(text: str, token: str) -> str:
    """The word of the answer, as typed, that gave the folded token (« bénévolat »)."""
    words = re.findall(r"[^\W_]+|[^\w\s]", text)
    for word in words:
        if _fold(word) == token:
            return word
    return next((w for w in words if token in _fold(w)), token)


def parse_hours(text: str, *, maximum: float = 168) -> float:
    """Time given per week, in hours, rounded to 2 decimals.

    Understands « 2h30 », « 90 min », « deux heures et demie », « une demi-journée »,
    « une matinée » or « un après-midi » (3,5 h), « un jour » (7 h), « mi-temps » (17,5 h),
    « temps plein » or « 1 ETP » (35 h), « 10 % » (of 35 h), « un jour sur deux » (half
    of 5 days), « par jour » (× 5 working days) or « par mois ».

    Fillers (« environ », « à peu près », « j'y passe », « heures »…) are ignored; any
    other word it cannot use is refused rather than dropped.
    """
    items = _items(text)
    if _is_negative(text, items):
        raise _fail(_HOURS_HELP)
    items = _percents(_merge_afternoon(items))
    items, every_other, in_days = _every_other(items)
    factor = _per_week(items)
    if in_days and factor != 1:  # « 2h par jour, un jour sur deux »: too tangled to guess
        raise _fail(_HOURS_HELP)
    hours, unknown = _duration(items)
    total = None if hours is None else hours * factor * every_other
    if total is None or not math.isfinite(total):
        raise _fail(_HOURS_HELP)
    if unknown:
        word = _echo(_typed_word(text, unknown[0]))
        raise _fail("Je n'ai pas compris « {word} ». " + _HOURS_HELP, word=word)
    total = round(total, 2)
    if total > maximum:
        raise _fail("Indiquez au plus {hi} heures par semaine.", hi=_fmt(maximum))
    return total + 0.0


# --------------------------------------------------------------------------
# Scale, free text
# --------------------------------------------------------------------------


def parse_scale(text: str, *, low: int = 1, high: int = 5) -> int:
    """A mark such as « 4 », « 4/5 », « quatre sur cinq » or « ⭐⭐⭐⭐ »."""
    stars = [c for c in text if not c.isspace() and c != "\ufe0f"]
    value: float | None = None
    if stars and all(c in "⭐★" for c in stars):
        value = len(stars)
    else:
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


def clean_text(text: str, *, max_length: int = 200) -> str:
    """A free answer (e.g. a structure name) safe to store and display: no control
    or bidi-override characters (wizard.textclean), single spaces. Emoji (with their
    joiners) and right-to-left letters are kept. Longer than max_length characters once
    cleaned, it is refused rather than cut (a name cut mid-word is worse than a question)."""
    text = unicodedata.normalize("NFC", strip_controls(text, keep_newlines=False))
    text = " ".join(text.split())
    if not text:
        raise _fail("Votre réponse est vide : écrivez quelques mots.")
    if len(text) > max_length:
        raise _fail("Le nom ne peut pas dépasser {n} caractères : raccourcissez-le.",
                    n=_fmt(max(max_length, 0)))
    return text


# --------------------------------------------------------------------------
# Options
# --------------------------------------------------------------------------

Options = Sequence[tuple[object, Sequence[str]]]
_NONE_CHOSEN = _keys("aucun", "aucune", "rien", "néant", "aucun réseau", "aucune réponse", "pas de réseau")
_STRONG_SPLIT = re.compile(r"[,;/+&\n]")
_WEAK_SPLIT = re.compile(r"\s+(?:et|puis|ou)\s+", re.IGNORECASE)


def _label(option: tuple[object, Sequence[str]]) -> str:
    value, names = option
    return str(names[0]) if names else str(value)


def _names(option: tuple[object, Sequence[str]]) -> list[str]:
    return [str(n) for n in option[1]]


def _unknown(text: str, labels: str) -> NotUnderstood:
    return _fail("Je n'ai pas reconnu « {text} ». Choisissez parmi : {labels}.", text=_echo(text), labels=labels)


# --- numeric bands (« 11–14 ans », « 15–17 ans »…) ---------------------------------

_DASH_PAIR = re.compile(r"([0-9]+) ?[-–—] ?([0-9]+)")
_BAND = re.compile(r"([0-9]{1,3}) ?[-–—] ?([0-9]{1,3})(?: ?ans)?")
_AGES = re.compile(  # on normalize(): « 16-25 ans », « de 15 à 25 ans », « entre 15 et 25 », « 16 ans »
    r"(?:entre ([0-9]{1,3}) ?(?:et|a) ?([0-9]{1,3})"
    r"|(?:de )?([0-9]{1,3}) ?(?:-|–|—|a|au) ?([0-9]{1,3})"
    r"|([0-9]{1,3}))(?: ?ans)?"
)


def _option_bands(options: list) -> list[tuple[int, int, object]]:
    """(low, high, value) of the options named like a numeric band, by low end."""
    bands = []
    for option in options:
        for name in _names(option):
            m = _BAND.fullmatch(normalize(name))
            if m and int(m[1]) <= int(m[2]):
                bands.append((int(m[1]), int(m[2]), option[0]))
                break
    return sorted(bands, key=lambda band: band[0])


def _in_bands(text: str, options: list, *, several: bool) -> list[object] | None:
    """An age or an age range typed against band options (« 15–17 ans »…), or None when
    the options are not bands or the text is not an age / a range of ages.

    A range inside one band gives that band (« 16-17 » -> 15–17 ans). With several=True,
    a range that is exactly the union of adjacent bands gives them all (« 15-25 » ->
    15–17 ans and 18–25 ans); a range that only partly overlaps bands (« 16-25 ans »)
    is refused with the bands it overlaps as an example, rather than widened or cut.
    """
    bands = _option_bands(options)
    m = _AGES.fullmatch(normalize(text)) if bands else None
    if m is None:
        return None
    labels = ", ".join(_label(o) for o in options)
    numbers = [int(g) for g in m.groups() if g is not None]
    low, high = numbers[0], numbers[-1]
    hits = [b for b in bands if b[0] <= high and b[1] >= low] if low <= high else []
    if not hits:
        raise _unknown(text, labels)
    inside = [b for b in hits if b[0] <= low and high <= b[1]]
    if inside:
        return [inside[0][2]]
    if not several and len(hits) > 1:
        raise _ambiguous(text, options, [hits[0][2], hits[1][2]], labels)
    union = hits[0][0] == low and hits[-1][1] == high and all(
        a[1] + 1 >= b[0] for a, b in zip(hits, hits[1:]))
    if several and union:
        return [b[2] for b in hits]
    if not several:
        raise _fail("« {text} » ne correspond pas exactement aux tranches proposées. "
                    "Choisissez parmi : {labels}.", text=_echo(text), labels=labels)
    example = ", ".join(next(_label(o) for o in options if o[0] == b[2]) for b in hits)
    raise _fail("« {text} » ne correspond pas exactement aux tranches proposées. Indiquez les "
                "tranches voulues, par exemple « {example} », parmi : {labels}.",
                text=_echo(text), example=example, labels=labels)


def _match(text: str, options: list, cutoff: float | None) -> object:
    """match_option(); cutoff=None means exact matches only (no fuzzy)."""
    labels = ", ".join(_label(o) for o in options)
    wanted = _key(text)
    if not wanted:
        raise _fail("Choisissez parmi : {labels}.", labels=labels)
    compact = wanted.replace(" ", "")
    tiers = (
        lambda o: any(_key(n) == wanted for n in _names(o)),
        lambda o: any(_key(n).replace(" ", "") == compact for n in _names(o)),  # tik-tok
        lambda o: isinstance(o[0], str) and _key(o[0]).replace(" ", "") == compact,
    )
    for tier in tiers:
        hits: list = []
        for option in options:
            if tier(option) and option[0] not in hits:
                hits.append(option[0])
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise _ambiguous(text, options, hits[:2], labels)
    if re.fullmatch(r"[0-9]{1,2}", wanted) and 1 <= int(wanted) <= len(options):
        return options[int(wanted) - 1][0]  # « 2 » = the second option shown
    if cutoff is None:
        raise _unknown(text, labels)
    found = _in_bands(text, options, several=False)
    if found is not None:
        return found[0]
    # Fuzzy matching is for typos in words: « 16 » is not a typo of « 18–25 ans ».
    if len(compact) >= 3 and not (re.search(r"[0-9]", wanted) and _option_bands(options)):
        scored = []
        for option in options:
            candidates = _names(option) + ([option[0]] if isinstance(option[0], str) else [])
            keys = [_key(c) for c in candidates]
            # Names under 3 letters (« x », « ig ») would fuzzy-match almost anything.
            score = max((fuzz.WRatio(wanted, c) for c in keys if len(c.replace(" ", "")) >= 3), default=0)
            scored.append((score, option[0]))
        scored.sort(key=lambda pair: -pair[0])
        best, value = scored[0] if scored else (0, None)
        if best >= cutoff:
            rivals = [v for s, v in scored[1:] if s >= best - 3 and v != value]
            if rivals:
                raise _ambiguous(text, options, [value, rivals[0]], labels)
            return value
    raise _unknown(text, labels)


def _ambiguous(text: str, options: list, values: list, labels: str) -> NotUnderstood:
    first, second = (next(_label(o) for o in options if o[0] == v) for v in values)
    return _fail("« {text} » peut désigner {a} ou {b}. Précisez parmi : {labels}.",
                 text=_echo(text), a=first, b=second, labels=labels)


def match_option(text: str, options: Options, *, cutoff: float = 80) -> object:
    """The value of the option the user means.

    Tried in order: exact name (accents, case and punctuation ignored), the value
    itself, the position (« 2 » = second option), then fuzzy matching for typos
    (« facebok ») on names of 3 letters or more. Two options within 3 points of
    each other are ambiguous and refused rather than guessed.
    """
    return _match(text, list(options), cutoff)


def _match_piece(piece: str, options: list, cutoff: float) -> list[object]:
    """One answer: exact name or position, else an age band, else a name with a typo."""
    try:
        return [_match(piece, options, None)]
    except NotUnderstood:
        pass
    found = _in_bands(piece, options, several=True)
    return found if found is not None else [_match(piece, options, cutoff)]


def _match_chunk(chunk: str, options: list, cutoff: float) -> list[object]:
    """One comma-separated part: an exact label first (« Écrire et rédiger »
    contains « et ») or an age range (« entre 15 et 25 ans »), otherwise each piece
    between et / puis / ou, and as a last resort a whole label with a typo (plain
    ratio, so one known word is not enough)."""
    try:
        return [_match(chunk, options, None)]
    except NotUnderstood:
        pass
    found = _in_bands(chunk, options, several=True)
    if found is not None:
        return found
    pieces = [p for p in _WEAK_SPLIT.split(chunk) if _key(p)] or [chunk]
    try:
        return [v for p in pieces for v in _match_piece(p, options, cutoff)]
    except NotUnderstood:
        whole = _key(chunk)
        close = [o[0] for o in options if any(fuzz.ratio(whole, _key(n)) >= cutoff for n in _names(o))]
        if len(pieces) > 1 and len(close) == 1:
            return close
        raise


_POSITIONS = re.compile(r"\s*[0-9]{1,2}(?:(?:\s*,\s*|\s+et\s+|\s+)[0-9]{1,2})+\s*\.?\s*", re.IGNORECASE)


def _positions(text: str, options: list) -> list[str] | None:
    """« 1 3 », « 1, 3 », « 1 et 3 »: options by position, as typed (on the raw text, so
    « 15-17, 18-25 » is not read as « 15 17 18 25 »). Not when two of the numbers are a
    dash pair of an option (« 15 17 » for « 15-17 »), nor when numbers too big to be
    positions are typed against numeric bands (ages)."""
    if not _POSITIONS.fullmatch(text):
        return None
    numbers = re.findall(r"[0-9]+", text)
    pairs = {pair for o in options for n in _names(o) for pair in _DASH_PAIR.findall(normalize(n))}
    if any(pair in pairs for pair in zip(numbers, numbers[1:])):
        return None
    if _option_bands(options) and any(int(n) > len(options) for n in numbers):
        return None
    return numbers


def match_options(
    text: str,
    options: Options,
    *,
    max_choices: int | None = None,
    cutoff: float = 80,
) -> list[object]:
    """Several options in one line (« insta, fb et tik tok »), order kept, duplicates
    removed. « aucun » / « rien » give []. Any unknown part is refused by name."""
    options = list(options)
    key = _key(text)
    try:
        chosen = [_match(text, options, None)]
    except NotUnderstood:
        if key in _NONE_CHOSEN or key.split(" ")[0] in ("aucun", "aucune"):
            return []
        chunks = _positions(text, options) or [c for c in _STRONG_SPLIT.split(text) if _key(c)] or [text]
        chosen = [v for chunk in chunks for v in _match_chunk(chunk, options, cutoff)]
    unique: list = []
    for value in chosen:
        if value not in unique:
            unique.append(value)
    if max_choices is not None and len(unique) > max_choices:
        plural = "s" if max_choices > 1 else ""
        raise _fail("Choisissez au plus {n} réponse{s}.", n=max_choices, s=plural)
    return unique
