"""Skip, yes / no and a typed name (of a structure)."""

from __future__ import annotations

import unicodedata

from wizard.questionnaire.freetext.common import _fail, _key, _keys
from wizard.textclean import strip_controls

_SKIP = _keys(
    "je ne sais pas", "je sais pas", "ne sais pas", "sais pas", "j'sais pas", "chais pas",
    "je ne sais pas trop", "je ne sais pas encore", "je ne sais plus", "ne sait pas",
    "jsp", "nsp", "idk", "aucune idée", "pas d'idée", "je n'en sais rien", "j'en sais rien",
    "passer", "passe", "je passe", "on passe", "je préfère passer", "skip",
    "pas de réponse", "sans réponse", "je préfère ne pas répondre", "ne se prononce pas",
    "non applicable", "pas applicable", "sans objet", "n/a",
)
_SKIP_EN = _SKIP | _keys(
    "i don't know", "i do not know", "don't know", "do not know", "dont know", "i dont know",
    "i don't know yet", "don't know yet", "dunno", "i dunno", "no idea", "i have no idea",
    "not sure", "i'm not sure", "i am not sure", "no clue",
    "pass", "i pass", "i'll pass", "skip this", "skip it", "no answer", "no comment",
    "prefer not to say", "i'd rather not say", "rather not say", "i prefer not to say",
    "i'd prefer not to say", "not applicable", "does not apply", "doesn't apply",
)


def is_skip(text: str, lang: str = "fr") -> bool:
    """True when the person declines to answer (« je ne sais pas », « passer », « ? »;
    in English also « I don't know », « no idea », « pass »…). « non », « aucun »,
    « no » and « none » are real answers, so they are not skips."""
    stripped = "".join(text.split())
    if stripped and set(stripped) <= {"?", "¿"}:
        return True
    return _key(text) in (_SKIP_EN if lang == "en" else _SKIP)


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
# English answers: the English phrases first, the French ones still understood.
_YES_EN = _YES | _keys(
    "yeah", "yea", "yup", "ya", "sure", "of course", "definitely", "absolutely", "certainly",
    "indeed", "right", "that's right", "correct", "that's correct", "true", "exactly",
    "affirmative", "i think so", "i believe so", "i guess so", "yes please", "it is", "it does",
    "we do", "we are", "totally",
)
_NO_EN = _NO | _keys(
    "nah", "not yet", "not really", "never", "not at all", "absolutely not", "certainly not",
    "definitely not", "of course not", "false", "no thanks", "no thank you", "i don't think so",
    "i do not think so", "not the case", "it isn't", "it is not", "it doesn't", "it does not",
    "we don't", "we do not", "we aren't", "we are not", "not quite",
)
_EXACT_ONLY_EN = _EXACT_ONLY | _keys("ya", "right")
_BOTH = {"fr": ("oui", "non"), "en": ("yes", "no")}


def parse_yes_no(text: str, lang: str = "fr") -> bool:
    """Yes / no, judged on the longest known phrase the answer starts with, so
    « oui il faut » is yes and « absolument pas » is no (« sure », « not yet »… in English)."""
    yes, no, exact = (_YES_EN, _NO_EN, _EXACT_ONLY_EN) if lang == "en" else (_YES, _NO, _EXACT_ONLY)
    key = _key(text)
    words = key.split()
    if not any(a in words and b in words for a, b in (_BOTH["fr"], _BOTH.get(lang, _BOTH["fr"]))):
        found = [
            p for p in yes | no
            if key == p or (p not in exact and key.startswith(p + " "))
        ]
        if found:
            return max(found, key=len) in yes
        if not key and any(c in text for c in "👍👌✅"):
            return True
        if not key and any(c in text for c in "👎❌"):
            return False
    raise _fail("yes_no_expected", lang)


def clean_name(text: str, *, max_length: int = 200, lang: str = "fr") -> str:
    """A typed name (of a structure) safe to store and display: no control or
    bidi-override characters (wizard.textclean), single spaces. Emoji (with their
    joiners) and right-to-left letters are kept. Longer than max_length characters once
    cleaned, it is refused rather than cut (a name cut mid-word is worse than a question)."""
    text = unicodedata.normalize("NFC", strip_controls(text, keep_newlines=False))
    text = " ".join(text.split())
    if not text:
        raise _fail("text_empty", lang)
    if len(text) > max_length:
        raise _fail("name_too_long", lang, n=max(max_length, 0))
    return text
