"""Everyday phrases that stand for a number, a time or a mark, read as a whole answer.

« pas de budget » is 0, « moi toute seule » or « just me » is 1, « pas le temps » is no
time at all (which the hours question then refuses by saying why), « jamais » or
« toujours » is an end of a scale. They are grammar data: what people say instead of a
number. A phrase is matched on the whole answer, folded (case, accents, apostrophes,
punctuation), so « Moi, toute seule ! » is « moi toute seule »; a longer answer goes to the
number grammar as before, so « pas de budget cette année, 200 l'an prochain » is not 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from wizard.questionnaire.freetext.common import _key, _keys

# Nothing at all: an amount or a count of 0 (« aucun », « rien », « none » are zero words already).
_NOTHING_FR = _keys(
    "pas de budget", "aucun budget", "sans budget", "zéro budget", "budget nul", "budget zéro",
    "pas d'argent", "pas un sou", "pas un centime", "pas un euro", "pas de moyens", "aucun moyen",
    "pas de financement", "aucun financement", "néant", "nada", "que dalle",
    "pas d'abonnés", "aucun abonné", "personne", "pas de publication", "aucune publication",
)
_NOTHING_EN = _keys(
    "no budget", "zero budget", "nil budget", "no money", "not a penny", "not a cent", "no funding",
    "no funds", "no means", "nothing at all", "no followers", "nobody", "no one", "no posts",
)
NOTHING = {"fr": _NOTHING_FR, "en": _NOTHING_FR | _NOTHING_EN}

# One person: the one who answers (« moi toute seule »), for the people, staff or counsellors.
_ALONE_FR = _keys(
    "moi", "moi seul", "moi seule", "moi tout seul", "moi toute seule", "juste moi", "seulement moi",
    "rien que moi", "que moi", "uniquement moi", "moi uniquement", "moi-même", "moi même", "seul", "seule",
    "tout seul", "toute seule", "je suis seul", "je suis seule", "je suis tout seul", "je suis toute seule",
    "seul(e)", "seul e", "une seule personne", "une personne seule", "juste une personne",
)
_ALONE_EN = _keys(
    "me", "just me", "only me", "me alone", "me only", "myself", "just myself", "only myself", "alone",
    "on my own", "by myself", "i am alone", "i'm alone", "i'm on my own", "just one person", "only one person",
    "a single person", "one person",
)
ALONE = {"fr": _ALONE_FR, "en": _ALONE_FR | _ALONE_EN}

# No time at all: read as 0 h, so the hours question says why 0 cannot hold a strategy.
_NO_TIME_FR = _keys(
    "pas de temps", "pas le temps", "aucun temps", "aucune heure", "pas une heure", "zéro heure", "0 heure",
    "on n'a pas le temps", "nous n'avons pas de temps", "je n'ai pas le temps", "on n'a pas de temps",
)
_NO_TIME_EN = _keys("no time", "no time at all", "zero hours", "not an hour", "no hours", "we have no time")
NO_TIME = {"fr": _NO_TIME_FR, "en": _NO_TIME_FR | _NO_TIME_EN}

# The ends of any scale (the question's own labels come first: parse._scale).
_LOW_FR = _keys("jamais", "pas du tout", "rien", "aucun", "aucune", "rien du tout", "nul", "nulle")
_HIGH_FR = _keys("toujours", "tout à fait", "complètement", "parfaitement", "systématiquement")
SCALE_ENDS = {
    "fr": (_LOW_FR, _HIGH_FR),
    "en": (_LOW_FR | _keys("never", "not at all", "nothing", "none"),
           _HIGH_FR | _keys("always", "completely", "fully", "totally", "systematically")),
}


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "fr"


def count_phrase(text: str, lang: str = "fr") -> int | None:
    """0 for « pas de budget », 1 for « moi toute seule » (« no budget », « just me »), else None."""
    key, lang = _key(text), _lang(lang)
    if key in NOTHING[lang]:
        return 0
    if key in ALONE[lang]:
        return 1
    return None


def no_time(text: str, lang: str = "fr") -> bool:
    """« pas le temps », « aucune heure », « no time »: no time at all."""
    return _key(text) in NO_TIME[_lang(lang)]


def scale_end(text: str, lang: str = "fr") -> str | None:
    """« low » for « jamais » (« never »), « high » for « toujours » (« always »), else None."""
    key = _key(text)
    low, high = SCALE_ENDS[_lang(lang)]
    return "low" if key in low else "high" if key in high else None


def scale_label(text: str, labels: Mapping[int, Sequence[str]], low: int, high: int, lang: str = "fr") -> int | None:
    """The mark whose label is typed (« Jamais »; « toujours » for « Toujours, dans un délai annoncé »:
    the words before a comma are enough), else an end word (« jamais » -> low), else None."""
    key = _key(text)
    if not key:
        return None
    for mark, names in labels.items():
        if any(key in (_key(name), _key(name.split(",")[0])) for name in names):
            return mark
    end = scale_end(text, lang)
    return low if end == "low" else high if end == "high" else None
