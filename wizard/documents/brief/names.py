"""Who writes the note and to whom: the structure named with its article, and the salutation.

A name is printed as typed. In French it opens a sentence with its article, chosen from its
first word: « La Mission Locale du Haut-Vallon », « Le Centre social des Trois-Cités », « Le PIJ
de… », « L'Espace jeunes… »; a name that already starts with an article stays as typed; a name
whose first word says nothing of its gender (a proper name) follows its kind, « Notre
association Cap Jeunes ». Without a name: « Notre Mission Locale », « Notre centre social ».
The salutation follows the parent body and, in Belgium, Switzerland and Québec, the country's
institutions; a body the country does not have gets « Madame, Monsieur ».
"""
from __future__ import annotations

import re
import unicodedata

from wizard.documents.brief.texts import texts

# First word of a name (lower case, without accents) -> the article it takes (grammar data).
_FEMININE = frozenset(["mission", "maison", "mjc", "mj", "mjd", "federation", "ligue", "structure", "plateforme", "permanence", "cite", "communaute", "boutique", "direction", "residence", "cellule", "coordination"])
_MASCULINE = frozenset(["centre", "bureau", "point", "pij", "bij", "cij", "crij", "sij", "pole", "service", "relais", "foyer", "club", "collectif", "conseil", "reseau", "carrefour", "comite", "local", "lieu", "cafe", "ccas", "cias", "departement", "dispositif"])
_ELIDED = frozenset(["association", "asso", "espace", "office", "accueil", "atelier", "antenne", "agence", "ecole", "institut", "unite", "observatoire"])
_ARTICLES = frozenset(["le", "la", "les", "l"])
_FIRST = re.compile(r"[^\W\d_]+(?:['’])?", re.UNICODE)
BODIES_BY_COUNTRY = ("be", "ch", "qc")  # countries with their own salutations


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def subject(name: str, kind: str | None, lang: str) -> str:
    """The structure as the subject of a sentence, with its article in French."""
    t = texts(lang)
    kind_noun = t.get(f"kind.{kind}", t["kind.autre"])
    if not name:
        return t["subject.unnamed"].format(kind=kind_noun)
    first = _FIRST.match(name)
    word = _fold(first.group(0)).rstrip("'’") if first else ""
    if word in _ARTICLES:
        return t["article.none"].format(name=name[:1].upper() + name[1:])
    for words, key in ((_FEMININE, "article.la"), (_MASCULINE, "article.le"), (_ELIDED, "article.l")):
        if word in words:
            return t[key].format(name=name)
    return t["subject.apposition"].format(kind=kind_noun, name=name)


def addressee(parent_body: str | None, lang: str = "fr", country: str = "fr") -> str:
    """The salutation, from the body the structure reports to and the country's institutions."""
    t = texts(lang)
    if country in BODIES_BY_COUNTRY:
        return t.get(f"addr.{country}.{parent_body}", t["addr.autre"])
    return t.get(f"addr.{parent_body}", t["addr.autre"])
