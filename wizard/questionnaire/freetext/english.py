"""English answers read by the same grammar: their words put in the terms the grammar uses.

The count and duration grammar (numbers.py, hours.py) is written with folded French words
(« heure », « demi », « par jour », « sur »). An English answer goes through the same code
once its words are put in those terms, numbers already found (text2num reads « a hundred
and fifty » before this runs): « two and a half hours a day » -> 2 « et demi heures par
jour », « half a day » -> « demi » 1 « jour », « every other week » -> 1 « semaine sur » 2.
Phrases first (they need their neighbours), then one word at a time; one pass, so linear.
A word that is not in WORDS stays as typed, so a refusal can quote it.
"""

from __future__ import annotations

from wizard.questionnaire.freetext.common import Item, _Num

WORDS = {
    "hour": "heure", "hours": "heures", "mins": "minutes",
    "day": "jour", "days": "jours", "morning": "matinee", "mornings": "matinees",
    "afternoon": "apresmidi", "afternoons": "apresmidis", "fte": "etp", "ftes": "etp",
    "half": "demi", "quarter": "quart", "quarters": "quarts", "third": "tiers", "thirds": "tiers",
    "full": "plein", "time": "temps",
    "per": "par", "each": "chaque", "every": "chaque", "week": "semaine", "weeks": "semaines",
    "wk": "sem", "wks": "sem", "month": "mois", "months": "mois", "year": "an", "years": "ans",
    "percent": "pourcent", "weekly": "hebdo",
    "of": "de", "and": "et", "or": "ou", "between": "entre", "to": "a", "an": "a", "minus": "moins",
}
# Words that can be left out of a time without changing it (hours.py adds its own).
FILLERS = frozenset({
    "about", "around", "approximately", "approx", "roughly", "nearly", "almost", "circa", "some",
    "maybe", "perhaps", "probably", "like", "say", "guess", "think", "reckon", "would", "ish",
    "i", "we", "it", "its", "is", "are", "am", "that", "s", "d", "ll", "m", "ve", "re", "spend",
    "spent", "spends", "give", "put", "devote", "dedicate", "work", "on", "in", "average",
    "total", "all", "altogether", "overall", "usually", "generally", "typically", "normally",
    "the", "up", "from", "max", "maximum", "at", "most", "so", "take", "just",
})


def _inverse() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for en, canonical in WORDS.items():
        out[canonical] = (*out.get(canonical, ()), en)
    out["par"] += ("a", "an", "daily", "monthly", "yearly", "annually")  # from the phrases below
    out["sur"] = ("out", "in", "other", "second", "alternate")
    out["jour"] += ("daily",)
    return out


INVERSE = _inverse()  # « chaque » -> (« each », « every »): the typed word, to quote it in a refusal

_UNITS = {"h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "day", "days",
          "morning", "mornings", "afternoon", "afternoons", "fte", "ftes", "time", "%", "percent"}
_PERIODS = {"day": "jour", "week": "semaine", "month": "mois", "year": "an"}
_ONE_OF = _UNITS | {"half", "quarter", "third", "dozen", "couple", "full"}
_EVERY_OTHER = {"other", "second", "alternate"}
_EVERY_OTHER_UNITS = {"day": "jour", "days": "jour", "week": "semaine", "weeks": "semaine"}
_ADVERBS = {"daily": ["par", "jour"], "monthly": ["par", "mois"], "yearly": ["par", "an"],
            "annually": ["par", "an"]}


def _at(items: list[Item], k: int) -> Item | None:
    return items[k] if 0 <= k < len(items) else None


def _is_word(item: Item | None) -> bool:
    return isinstance(item, str) and item.isalpha()


def rewrite(items: list[Item]) -> list[Item]:
    """The items of an English answer in the grammar's terms (see the module's docstring)."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        item, nxt, after = items[k], _at(items, k + 1), _at(items, k + 2)
        prev = items[k - 1] if k else None
        if not isinstance(item, str):
            out.append(item)
            k += 1
        elif item in ("-", "–") and _is_word(prev) and _is_word(nxt):
            k += 1  # full-time, half-day: one word
        elif item == "and" and nxt == "a" and after in ("half", "quarter"):
            out += ["et", WORDS[after]]  # two and a half, an hour and a quarter
            k += 3
        elif item == "of" and nxt in ("a", "an"):
            out.append("de")  # a quarter of an hour
            k += 2
        elif (item, nxt) == ("per", "cent"):
            out.append("pourcent")
            k += 2
        elif (item, nxt) == ("out", "of"):
            out.append("sur")  # two days out of five
            k += 2
        elif item == "every" and nxt in _EVERY_OTHER and after in _EVERY_OTHER_UNITS:
            out += [_Num(1.0, weak=True), _EVERY_OTHER_UNITS[after], "sur", _Num(2.0)]
            k += 3
        elif item in _EVERY_OTHER and nxt in _EVERY_OTHER_UNITS and prev != "every":
            out += [_Num(1.0, weak=True), _EVERY_OTHER_UNITS[nxt], "sur", _Num(2.0)]  # alternate days
            k += 2
        elif item in _ADVERBS:
            out += _ADVERBS[item]
            k += 1
        elif item in ("a", "an") and nxt in _PERIODS and (isinstance(prev, _Num) or prev in _UNITS):
            out += ["par", _PERIODS[nxt]]  # two hours a day, one day a week
            k += 2
        elif item in ("a", "an") and nxt in _ONE_OF:
            out.append(_Num(1.0, weak=True))  # a day, an hour, half a day, a dozen
            k += 1
        elif item == "in" and prev in _EVERY_OTHER_UNITS and isinstance(nxt, _Num):
            out.append("sur")  # one week in two
            k += 1
        else:
            out.append(WORDS.get(item, item))
            k += 1
    return out
