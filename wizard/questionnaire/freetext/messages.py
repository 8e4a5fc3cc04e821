"""What a parser says when it cannot use an answer: one entry per message key, in French and English.

Every NotUnderstood carries a stable `key` (an entry of MESSAGES) and `values` (the
raw data that fills it: numbers as numbers, option labels as a list, the person's
words as typed), so an interface can word it from its own catalogue; render() gives
the text of this table. French templates get French typography (wizard.i18n.typeset_fr)
before the values are put in, so what a person typed is quoted as typed. Numbers are
written the language's way (1 500 and 2,5 in French, 1,500 and 2.5 in English), lists
joined by commas.

This table is meant to move into the interface's catalogue as it is: {key: {lang: template}}.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from wizard.i18n import typeset_fr

NBSP = "\u00a0"
LANGS = ("fr", "en")

_HOURS_FR = ("Indiquez un nombre d'heures par semaine, par exemple « 5 », « 2h30 » "
             "ou « une demi-journée ».")
_HOURS_EN = "Give a number of hours per week, for example “5”, “2h30” or “half a day”."
_REQUIRED_FR = "cette question est nécessaire pour construire votre stratégie"
_REQUIRED_EN = "this question is needed to build your strategy"

MESSAGES: dict[str, dict[str, str]] = {
    # counts and amounts (numbers.py)
    "calculation_refused": {
        "fr": "Écrivez le nombre en chiffres ou en lettres, sans puissance ni calcul : "
              "par exemple « {example} ».",
        "en": "Write the number in digits or in words, without powers or calculations: "
              "for example “{example}”.",
    },
    "number_expected": {
        "fr": "Indiquez un nombre, par exemple « {example} ».",
        "en": "Give a number, for example “{example}”.",
    },
    "number_positive": {
        "fr": "Indiquez un nombre positif, par exemple « {example} ».",
        "en": "Give a positive number, for example “{example}”.",
    },
    "number_single": {
        "fr": "Indiquez un seul nombre, par exemple « {example} », ou un intervalle comme « entre 3 et 5 ».",
        "en": "Give a single number, for example “{example}”, or a range such as “between 3 and 5”.",
    },
    "number_too_big": {
        "fr": "Ce nombre est trop grand. Indiquez un nombre, par exemple « {example} ».",
        "en": "This number is too large. Give a number, for example “{example}”.",
    },
    "integer_expected": {
        "fr": "Indiquez un nombre entier, par exemple « {example} ».",
        "en": "Give a whole number, for example “{example}”.",
    },
    "number_between": {
        "fr": "Indiquez un nombre entre {lo} et {hi}.",
        "en": "Give a number between {lo} and {hi}.",
    },
    "number_at_least": {
        "fr": "Indiquez un nombre supérieur ou égal à {lo}.",
        "en": "Give a number greater than or equal to {lo}.",
    },
    "number_at_most": {
        "fr": "Indiquez un nombre inférieur ou égal à {hi}.",
        "en": "Give a number less than or equal to {hi}.",
    },
    "scale_expected": {
        "fr": "Indiquez une note de {lo} à {hi}.",
        "en": "Give a mark from {lo} to {hi}.",
    },
    # time per week (hours.py, and the question's minimum in parse.py)
    "hours_expected": {"fr": _HOURS_FR, "en": _HOURS_EN},
    "hours_word_unknown": {
        "fr": "Je n'ai pas compris « {word} ». " + _HOURS_FR,
        "en": "I didn’t understand “{word}”. " + _HOURS_EN,
    },
    "hours_at_most": {
        "fr": "Indiquez au plus {hi} heures par semaine.",
        "en": "Give at most {hi} hours per week.",
    },
    "hours_at_least": {
        "fr": "Indiquez au moins {lo}" + NBSP + "h par semaine : même la présence la plus réduite "
              "demande un peu de temps.",
        "en": "Give at least {lo} hours per week: even the smallest presence takes some time.",
    },
    "hours_none": {
        "fr": "Sans aucune heure par semaine, aucune stratégie ne peut tenir : même la présence la plus "
              "réduite demande un peu de temps. Indiquez le temps que vous pourriez obtenir, au moins "
              "{lo}" + NBSP + "h par semaine.",
        "en": "With no hours at all, no strategy can hold: even the smallest presence takes some time. "
              "Give the time you could obtain, at least {lo} hours per week.",
    },
    # yes / no, a name (answers.py)
    "yes_no_expected": {
        "fr": "Répondez par « oui » ou « non ».",
        "en": "Answer “yes” or “no”.",
    },
    "text_empty": {
        "fr": "Votre réponse est vide : écrivez quelques mots.",
        "en": "Your answer is empty: write a few words.",
    },
    "name_too_long": {
        "fr": "Le nom ne peut pas dépasser {n} caractères : raccourcissez-le.",
        "en": "The name cannot be longer than {n} characters: please shorten it.",
    },
    # options (options.py)
    "option_expected": {
        "fr": "Choisissez parmi : {labels}.",
        "en": "Choose from: {labels}.",
    },
    "option_unknown": {
        "fr": "Je n'ai pas reconnu « {text} ». Choisissez parmi : {labels}.",
        "en": "I didn’t recognise “{text}”. Choose from: {labels}.",
    },
    "option_ambiguous": {
        "fr": "« {text} » peut désigner {a} ou {b}. Précisez parmi : {labels}.",
        "en": "“{text}” could mean {a} or {b}. Say which, from: {labels}.",
    },
    "band_inexact": {
        "fr": "« {text} » ne correspond pas exactement aux tranches proposées. Choisissez parmi : {labels}.",
        "en": "“{text}” does not exactly match the bands offered. Choose from: {labels}.",
    },
    "band_inexact_example": {
        "fr": "« {text} » ne correspond pas exactement aux tranches proposées. Indiquez les "
              "tranches voulues, par exemple « {bands} », parmi : {labels}.",
        "en": "“{text}” does not exactly match the bands offered. Give the bands you mean, "
              "for example “{bands}”, from: {labels}.",
    },
    "choices_at_most_one": {
        "fr": "Choisissez au plus {n} réponse.",
        "en": "Choose at most {n} answer.",
    },
    "choices_at_most": {
        "fr": "Choisissez au plus {n} réponses.",
        "en": "Choose at most {n} answers.",
    },
    # the question as a whole (parse.py)
    "choice_required": {
        "fr": "Choisissez au moins une réponse : " + _REQUIRED_FR + ".",
        "en": "Choose at least one answer: " + _REQUIRED_EN + ".",
    },
    "ranked_required": {
        "fr": "Choisissez au moins une réponse, la plus importante en premier.",
        "en": "Choose at least one answer, the most important first.",
    },
    "answer_required": {
        "fr": "Cette question est nécessaire pour construire votre stratégie : une estimation "
              "suffit, vous pourrez la modifier ensuite.",
        "en": "This question is needed to build your strategy: an estimate is enough, "
              "you can change it later.",
    },
    "too_long": {
        "fr": "Votre réponse fait {length}" + NBSP + "caractères : la limite est de {limit}. Raccourcissez-la.",
        "en": "Your answer is {length} characters long: the limit is {limit}. Please shorten it.",
    },
}


def format_number(x: float, lang: str = "fr") -> str:
    """A number in a message: 1500 -> « 1 500 » (no-break space), 2.5 -> « 2,5 » in French;
    « 1,500 » and « 2.5 » in English."""
    text = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0")
    if lang == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


def _shown(value: object, lang: str) -> str:
    if isinstance(value, (bool, str)):
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(value, lang)
    if isinstance(value, Sequence):
        return ", ".join(_shown(v, lang) for v in value)
    return str(value)


def render(key: str, values: Mapping[str, object] | None = None, lang: str = "fr") -> str:
    """The message `key` in `lang` (French for a language this table lacks), filled with `values`."""
    entry = MESSAGES[key]
    lang = lang if lang in entry else "fr"
    template = typeset_fr(entry["fr"]) if lang == "fr" else entry[lang]
    return template.format(**{name: _shown(v, lang) for name, v in (values or {}).items()})
