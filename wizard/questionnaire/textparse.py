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

NBSP = "\u00a0"


class NotUnderstood(ValueError):
    """Raised with a friendly French message (vouvoiement, French typography)
    that says what is expected; the wizard shows it and asks again."""


def _french(template: str) -> str:
    """French typography for our own messages: ’, and a no-break space before
    : ; ! ? » and after «. Applied to templates only, never to user text."""
    text = template.replace("'", "’").replace("« ", "«" + NBSP)
    return re.sub(r" ([:;!?»])", NBSP + r"\1", text)


def _fail(template: str, **values: object) -> NotUnderstood:
    return NotUnderstood(_french(template).format(**values))


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

FULL_TIME_HOURS = 35.0
WORKING_DAYS = 5
_DAY = 7.0  # hours in « une journée »
_UNITS = {
    "h": 1.0, "heure": 1.0, "heures": 1.0, "hr": 1.0, "hrs": 1.0,
    "min": 1 / 60, "mn": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60,
    "j": _DAY, "jour": _DAY, "jours": _DAY, "journee": _DAY, "journees": _DAY,
}
_FRACTIONS = {"demi": 0.5, "demie": 0.5, "mi": 0.5, "quart": 0.25, "quarts": 0.25, "tiers": 1 / 3}
_FULL = {"plein", "pleins", "complet"}  # temps plein, plein temps, temps complet
_PER = {"par", "chaque", "/", "les"}  # « par jour », « /semaine », « tous les jours »
_PERIODS = {  # multiply by this to get hours per week
    "jour": WORKING_DAYS, "jours": WORKING_DAYS, "j": WORKING_DAYS,
    "semaine": 1, "semaines": 1, "sem": 1,
    "mois": 12 / 52, "an": 1 / 52, "ans": 1 / 52, "annee": 1 / 52,
}
_HOURS_HELP = ("Indiquez un nombre d'heures par semaine, par exemple « 5 », « 2h30 » "
               "ou « une demi-journée ».")


def _per_week(items: list[str | _Num]) -> float:
    """Remove « par jour » / « par mois »… and return the factor to a week."""
    for k in range(len(items) - 1):
        period = items[k + 1]
        if items[k] in _PER and isinstance(period, str) and period in _PERIODS:
            del items[k: k + 2]
            return _PERIODS[period]
    return 1


def _duration(items: list[str | _Num]) -> float | None:
    """Sum of the terms « [nombre] [fraction] unité [et demie] [minutes] »;
    the midpoint when two terms form a range (« 2h ou 3h »). None if no term."""
    terms: list[float] = []
    qty: float | None = None  # pending quantity
    frac: float | None = None  # pending fraction (demi, quart…)
    last_unit = 1.0
    minutes_slot = False  # right after « 2h »: a bare « 30 » means minutes
    pending_minutes = False
    ranged = False
    prev: str | _Num | None = None

    def close(unit: float) -> None:
        nonlocal qty, frac, last_unit, pending_minutes
        terms.append((1.0 if qty is None else qty) * (frac or 1.0) * unit)
        qty, frac, last_unit, pending_minutes = None, None, unit, False

    for k, item in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        if isinstance(item, _Num):
            if qty is not None and frac is None:
                qty = (qty + item.value) / 2  # « 2 ou 3 heures », « entre 2 et 3 h »
            else:
                if qty is not None:
                    close(1.0)
                qty, pending_minutes = item.value, minutes_slot
            minutes_slot = False
        elif item in _UNITS and (qty is not None or frac is not None):
            close(_UNITS[item])
            minutes_slot = _UNITS[item] == 1.0
        elif item == "temps" and (frac is not None or prev in _FULL or nxt in _FULL):
            close(FULL_TIME_HOURS)
        elif item in _FRACTIONS:
            if prev == "et" and qty is not None:
                qty += _FRACTIONS[item]  # « un et demi »
            elif prev == "et" and terms:
                terms[-1] += _FRACTIONS[item] * last_unit  # « une heure et quart »
            else:
                frac = _FRACTIONS[item]  # « trois quarts d'heure », « demi-journée »
            minutes_slot = False
        else:
            if item in ("ou", "a", "entre") or (item in ("-", "–") and terms and prev in _UNITS):
                ranged = True
            minutes_slot = False
        prev = item
    if qty is not None:
        close(1 / 60 if pending_minutes else 1.0)
    if not terms:
        return None
    return sum(terms) / 2 if ranged and len(terms) == 2 else sum(terms)


def parse_hours(text: str, *, maximum: float = 168) -> float:
    """Time given per week, in hours, rounded to 2 decimals.

    Understands « 2h30 », « 90 min », « deux heures et demie », « une demi-journée »
    (3,5 h), « un jour » (7 h), « mi-temps » (17,5 h), « temps plein » (35 h) and
    « par jour » (× 5 working days) or « par mois ».
    """
    items = _items(text)
    if _is_negative(text, items):
        raise _fail(_HOURS_HELP)
    factor = _per_week(items)
    hours = _duration(items)
    if hours is None or not math.isfinite(hours * factor):
        raise _fail(_HOURS_HELP)
    hours = round(hours * factor, 2)
    if hours > maximum:
        raise _fail("Indiquez au plus {hi} heures par semaine.", hi=_fmt(maximum))
    return hours + 0.0


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


_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


def clean_text(text: str, *, max_length: int = 200) -> str:
    """A free answer (e.g. a structure name) safe to store and display: no control
    or bidi-override characters, single spaces, at most max_length characters.
    Emoji (with their joiners) and right-to-left letters are kept."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(
        " " if c.isspace() else c
        for c in text
        if c.isspace() or (unicodedata.category(c) not in ("Cc", "Cs") and c not in _BIDI_CONTROLS)
    )
    text = " ".join(text.split())[: max(max_length, 0)].rstrip()
    if not text:
        raise _fail("Votre réponse est vide : écrivez quelques mots.")
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
    if cutoff is not None and len(compact) >= 3:
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
    raise _fail("Je n'ai pas reconnu « {text} ». Choisissez parmi : {labels}.",
                text=_echo(text), labels=labels)


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


def _match_chunk(chunk: str, options: list, cutoff: float) -> list[object]:
    """One comma-separated part: an exact label first (« Écrire et rédiger »
    contains « et »), otherwise each piece between et / puis / ou, and as a last
    resort a whole label with a typo (plain ratio, so one known word is not enough)."""
    try:
        return [_match(chunk, options, None)]
    except NotUnderstood:
        pass
    pieces = [p for p in _WEAK_SPLIT.split(chunk) if _key(p)] or [chunk]
    try:
        return [_match(p, options, cutoff) for p in pieces]
    except NotUnderstood:
        whole = _key(chunk)
        close = [o[0] for o in options if any(fuzz.ratio(whole, _key(n)) >= cutoff for n in _names(o))]
        if len(pieces) > 1 and len(close) == 1:
            return close
        raise


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
        if re.fullmatch(r"[0-9]+(?: [0-9]+)+", key):  # « 1 3 »
            chunks = key.split(" ")
        else:
            chunks = [c for c in _STRONG_SPLIT.split(text) if _key(c)] or [text]
        chosen = [v for chunk in chunks for v in _match_chunk(chunk, options, cutoff)]
    unique: list = []
    for value in chosen:
        if value not in unique:
            unique.append(value)
    if max_choices is not None and len(unique) > max_choices:
        plural = "s" if max_choices > 1 else ""
        raise _fail("Choisissez au plus {n} réponse{s}.", n=max_choices, s=plural)
    return unique
