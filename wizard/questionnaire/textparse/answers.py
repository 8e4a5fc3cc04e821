"""Skip, yes / no and free text (a structure name)."""

from __future__ import annotations

import unicodedata

from wizard.questionnaire.textparse.common import _fail, _fmt, _key, _keys
from wizard.textclean import strip_controls

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
