"""Tests for wizard.questionnaire.freetext: French free-text answers (English ones: test_freetext_en.py)."""

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.questionnaire.freetext import (
    NotUnderstood,
    clean_name,
    is_skip,
    match_option,
    match_options,
    normalize,
    parse_hours,
    parse_number,
    parse_scale,
    parse_yes_no,
)

NB = "\u00a0"

NETWORKS = [
    ("instagram", ["Instagram", "insta", "ig"]),
    ("facebook", ["Facebook", "fb"]),
    ("tiktok", ["TikTok", "tik tok"]),
    ("snapchat", ["Snapchat", "snap"]),
    ("linkedin", ["LinkedIn"]),
    ("x", ["X", "Twitter"]),
    ("youtube", ["YouTube", "yt"]),
]
NETWORK_LABELS = "Instagram, Facebook, TikTok, Snapchat, LinkedIn, X, YouTube"
SKILLS = [
    ("write", ["Écrire et rédiger", "Writing"]),
    ("speak", ["Parler en public", "Public speaking"]),
    ("none", ["Aucun"]),
]
HOURS_HELP = (
    f"Indiquez un nombre d’heures par semaine, par exemple «{NB}5{NB}», «{NB}2h30{NB}» "
    f"ou «{NB}une demi-journée{NB}»."
)


def message(excinfo: pytest.ExceptionInfo) -> str:
    return str(excinfo.value)


# ---------------------------------------------------------------- normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Déjà  fait ! ", "deja fait"),
        ("ÉCRIRE", "ecrire"),
        ("« Insta »", "insta"),
        ("2.", "2"),
        ("1,5 h", "1,5 h"),
        ("~300", "300"),
        ("d’accord", "d'accord"),
        ("Garçon\tœuvre\n", "garcon œuvre"),
        ("1\u00a0500", "1 500"),
        ("?", ""),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


# ---------------------------------------------------------------- is_skip


@pytest.mark.parametrize(
    "text",
    [
        "je ne sais pas", "Je ne sais pas.", "jsp", "ne sais pas", "sais pas", "je sais pas",
        "passer", "passe", "je passe", "aucune idée", "Aucune idee", "non applicable", "nsp",
        "skip", "?", " ??? ", "pas de réponse", "N/A", "j’en sais rien", "sans objet",
    ],
)
def test_is_skip_true(text):
    assert is_skip(text) is True


@pytest.mark.parametrize(
    "text", ["non", "aucun", "aucune", "0", "", "je sais", "oui", "passeport", "Instagram", "rien"]
)
def test_is_skip_false(text):
    assert is_skip(text) is False


# ---------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10", 10),
        ("10.5", 10.5),
        ("1,5", 1.5),
        ("1 500", 1500),
        ("1\u00a0500", 1500),
        ("1\u202f500", 1500),
        ("1.500", 1500),
        ("1 500,5", 1500.5),
        ("2k", 2000),
        ("1,5k", 1500),
        ("2 000 abonnés", 2000),
        ("environ 300", 300),
        ("~300", 300),
        ("à peu près 40 jeunes", 40),
        ("dix", 10),
        ("vingt-deux", 22),
        ("vingt et un", 21),
        ("quatre-vingt-dix", 90),
        ("quatre-vingts", 80),
        ("soixante et onze", 71),
        ("soixante-dix-sept", 77),
        ("septante-sept", 77),
        ("cent", 100),
        ("deux cents", 200),
        ("cent quatre-vingt-dix-neuf", 199),
        ("mille", 1000),
        ("trois mille", 3000),
        ("deux mille vingt-quatre", 2024),
        ("deux millions trois cent mille", 2_300_000),
        ("zéro", 0),
        ("0", 0),
        ("aucun", 0),
        ("un", 1),
        ("une", 1),
        ("une personne", 1),
        ("une douzaine", 12),
        ("une quinzaine", 15),
        ("une vingtaine", 20),
        ("une centaine", 100),
        ("deux centaines", 200),
        ("au moins 3", 3),
        ("2 000 abonnés sur un compte", 2000),  # « un » is an article here
        ("entre 3 et 5", 4),  # two numbers: midpoint
        ("3-5", 4),
        ("un ou deux", 1.5),
        ("entre un et trois", 2),
    ],
)
def test_parse_number(text, expected):
    result = parse_number(text)
    assert result == expected
    assert type(result) is float


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), ("vingt-deux", 22), ("entre 3 et 4", 4), ("un ou deux", 2), ("2k", 2000), ("10.0", 10)],
)
def test_parse_number_integer(text, expected):
    result = parse_number(text, integer=True)
    assert result == expected
    assert type(result) is int


EXAMPLE = f"par exemple «{NB}12{NB}»"


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("beaucoup", {}, f"Indiquez un nombre, {EXAMPLE}."),
        ("", {}, f"Indiquez un nombre, {EXAMPLE}."),
        ("-3", {}, f"Indiquez un nombre positif, {EXAMPLE}."),
        ("environ -3", {}, f"Indiquez un nombre positif, {EXAMPLE}."),
        ("moins trois", {}, f"Indiquez un nombre positif, {EXAMPLE}."),
        ("1,5", {"integer": True}, f"Indiquez un nombre entier, {EXAMPLE}."),
        (
            "1, 2, 3",
            {},
            f"Indiquez un seul nombre, {EXAMPLE}, ou un intervalle comme «{NB}entre 3 et 5{NB}».",
        ),
        ("9" * 400, {}, f"Ce nombre est trop grand. Indiquez un nombre, {EXAMPLE}."),
        ("5", {"minimum": 10, "maximum": 20}, "Indiquez un nombre entre 10 et 20."),
        ("25", {"minimum": 10, "maximum": 20}, "Indiquez un nombre entre 10 et 20."),
        ("5", {"minimum": 10}, "Indiquez un nombre supérieur ou égal à 10."),
        ("2 000", {"maximum": 1500}, f"Indiquez un nombre inférieur ou égal à 1{NB}500."),
        ("3", {"maximum": 2.5}, "Indiquez un nombre inférieur ou égal à 2,5."),
    ],
)
def test_parse_number_errors(text, kwargs, expected):
    with pytest.raises(NotUnderstood) as excinfo:
        parse_number(text, **kwargs)
    assert message(excinfo) == expected


def test_parse_number_bounds_are_inclusive():
    assert parse_number("10", minimum=10, maximum=20) == 10
    assert parse_number("vingt", minimum=10, maximum=20, integer=True) == 20


# ---------------------------------------------------------------- parse_hours


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10", 10),
        ("10h", 10),
        ("10 h", 10),
        ("10 H", 10),
        ("2h30", 2.5),
        ("2 h 30", 2.5),
        ("2h30min", 2.5),
        ("2:30", 2.5),
        ("1h15", 1.25),
        ("90 min", 1.5),
        ("45 minutes", 0.75),
        ("1,5", 1.5),
        ("deux heures", 2),
        ("deux heures et demie", 2.5),
        ("1h et demie", 1.5),
        ("une heure et quart", 1.25),
        ("deux heures et un quart", 2.25),
        ("trois quarts d'heure", 0.75),
        ("trois quarts d’heure", 0.75),
        ("une demi-heure", 0.5),
        ("une demi-journée", 3.5),
        ("une demi journée", 3.5),
        ("une journée", 7),
        ("un jour", 7),
        ("deux jours", 14),
        ("un jour et demi", 10.5),
        ("deux demi-journées", 7),
        ("3 demi-journées", 10.5),
        ("un mi-temps", 17.5),
        ("mi-temps", 17.5),
        ("temps plein", 35),
        ("plein temps", 35),
        ("un quart temps", 8.75),
        ("10 heures par semaine", 10),
        ("10h/semaine", 10),
        ("2h par jour", 10),
        ("1h par jour", 5),
        ("2h tous les jours", 10),
        ("une journée par mois", 1.62),
        ("entre 2 et 3 heures", 2.5),
        ("2h ou 3h", 2.5),
        ("2-3h", 2.5),
        ("1h et 30 min", 1.5),
        ("j’y passe environ 4h", 4),
        ("aucune", 0),
        ("zéro", 0),
        ("0", 0),
    ],
)
def test_parse_hours(text, expected):
    result = parse_hours(text)
    assert result == expected
    assert type(result) is float


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ETP = équivalent temps plein = 35 h, a percentage is of 35 h
        ("1 ETP", 35),
        ("0,5 ETP", 17.5),
        ("0.8 etp", 28),
        ("ETP", 35),
        ("un demi-ETP", 17.5),
        ("1 équivalent temps plein", 35),
        ("10%", 3.5),
        ("10 %", 3.5),
        ("10 % d’un temps plein", 3.5),
        ("10 % d'un ETP", 3.5),
        ("80 % de l'ETP", 28),
        ("à 50 % du temps plein", 17.5),
        ("10 pour cent", 3.5),
        # half days
        ("une matinée", 3.5),
        ("un après-midi", 3.5),
        ("un après midi par semaine", 3.5),
        ("deux après-midis", 7),
        ("une aprèm", 3.5),
        ("deux matinées", 7),
        # every other day / week
        ("1 jour sur 2", 17.5),
        ("un jour sur deux", 17.5),
        ("un jour par semaine", 7),
        ("2 jours sur 5", 14),
        ("4h un jour sur deux", 10),
        ("10h une semaine sur deux", 5),
        # a range of hours with minutes is one range, not three terms
        ("entre 1h et 1h30", 1.25),
        ("1h30 ou 2h", 1.75),
        ("à peu près 1h et 30 min", 1.5),
        # fillers
        ("environ 4h", 4),
        ("~4h", 4),
        ("à peu près 4 heures par semaine", 4),
        ("j'y consacre 4h en moyenne", 4),
        ("10h la semaine", 10),
        ("10 h hebdo", 10),
        ("quatre heures au total", 4),
    ],
)
def test_parse_hours_more_forms(text, expected):
    result = parse_hours(text)
    assert result == expected
    assert type(result) is float


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("3h de bénévolat", "bénévolat"),
        ("2h une fois par semaine", "fois"),
        ("10h toutes les 2 semaines", "semaines"),
        ("2h la journée", "journée"),
        ("50 % de mon temps", "mon"),
        ("2h le soir", "soir"),
        ("2 x 3h", "x"),
        ("1/2 ETP", "/"),
    ],
)
def test_parse_hours_refuses_unknown_words(text, word):
    # A word that may change the amount is never dropped silently.
    with pytest.raises(NotUnderstood) as excinfo:
        parse_hours(text)
    assert message(excinfo) == f"Je n’ai pas compris «{NB}{word}{NB}». {HOURS_HELP}"


@pytest.mark.parametrize(
    "text",
    [
        "beaucoup", "", "temps partiel", "h", "-3", "souvent le soir", "quelques heures",
        "une semaine sur deux", "3 jours sur 2", "1 jour sur 0", "2h par jour et 3h par mois",
        "2h par jour, un jour sur deux",
    ],
)
def test_parse_hours_not_understood(text):
    with pytest.raises(NotUnderstood) as excinfo:
        parse_hours(text)
    assert message(excinfo) == HOURS_HELP


@pytest.mark.parametrize(
    ("text", "maximum", "expected"),
    [
        ("200", 168, "Indiquez au plus 168 heures par semaine."),
        ("8h par jour", 35, "Indiquez au plus 35 heures par semaine."),
        ("deux jours", 10, "Indiquez au plus 10 heures par semaine."),
    ],
)
def test_parse_hours_maximum(text, maximum, expected):
    with pytest.raises(NotUnderstood) as excinfo:
        parse_hours(text, maximum=maximum)
    assert message(excinfo) == expected


# ---------------------------------------------------------------- match_option


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Instagram", "instagram"),
        ("  insta !", "instagram"),
        ("IG", "instagram"),
        ("x", "x"),
        ("X", "x"),
        ("Twitter", "x"),
        ("snap", "snapchat"),
        ("fb", "facebook"),
        ("tik tok", "tiktok"),
        ("tik-tok", "tiktok"),
        ("linked in", "linkedin"),
        ("youtube", "youtube"),
        ("2", "facebook"),  # by position
        ("2.", "facebook"),
        ("7", "youtube"),
        ("instagramm", "instagram"),
        ("facebok", "facebook"),
        ("tiktoc", "tiktok"),
        ("linkdin", "linkedin"),
        ("youtub", "youtube"),
        ("twiter", "x"),
        ("instragm", "instagram"),
    ],
)
def test_match_option(text, expected):
    assert match_option(text, NETWORKS) == expected


def test_match_option_value_itself_and_name_before_position():
    options = [("a", ["Alpha"]), ("b", ["Bêta"]), ("c", ["2"])]
    assert match_option("b", options) == "b"  # the value itself
    assert match_option("beta", options) == "b"
    assert match_option("2", options) == "c"  # a name equal to the text wins over position
    assert match_option("1", options) == "a"
    assert match_option("écrire et rédiger", SKILLS) == "write"
    assert match_option("rediger", SKILLS) == "write"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bonjour", f"Je n’ai pas reconnu «{NB}bonjour{NB}». Choisissez parmi{NB}: {NETWORK_LABELS}."),
        ("8", f"Je n’ai pas reconnu «{NB}8{NB}». Choisissez parmi{NB}: {NETWORK_LABELS}."),
        ("0", f"Je n’ai pas reconnu «{NB}0{NB}». Choisissez parmi{NB}: {NETWORK_LABELS}."),
        ("xx", f"Je n’ai pas reconnu «{NB}xx{NB}». Choisissez parmi{NB}: {NETWORK_LABELS}."),
        ("y", f"Je n’ai pas reconnu «{NB}y{NB}». Choisissez parmi{NB}: {NETWORK_LABELS}."),
        ("", f"Choisissez parmi{NB}: {NETWORK_LABELS}."),
        (
            "tiktok et insta",
            f"«{NB}tiktok et insta{NB}» peut désigner Instagram ou TikTok. "
            f"Précisez parmi{NB}: {NETWORK_LABELS}.",
        ),
    ],
)
def test_match_option_errors(text, expected):
    with pytest.raises(NotUnderstood) as excinfo:
        match_option(text, NETWORKS)
    assert message(excinfo) == expected


def test_match_option_short_names_do_not_fuzzy_match():
    # « x » and « yt » must not swallow every answer containing those letters.
    for text in ("xyz", "yto", "fbi"):
        with pytest.raises(NotUnderstood):
            match_option(text, NETWORKS)


def test_match_option_cutoff():
    assert match_option("tiktoc", NETWORKS, cutoff=80) == "tiktok"
    with pytest.raises(NotUnderstood):
        match_option("tiktoc", NETWORKS, cutoff=90)


# ---------------------------------------------------------------- match_options


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("insta, fb et tik tok", ["instagram", "facebook", "tiktok"]),
        ("Instagram et Facebook", ["instagram", "facebook"]),
        ("snap ou yt", ["snapchat", "youtube"]),
        ("insta puis fb", ["instagram", "facebook"]),
        ("insta; snap / yt + linkedin & x", ["instagram", "snapchat", "youtube", "linkedin", "x"]),
        ("insta\nfb", ["instagram", "facebook"]),
        ("fb, insta", ["facebook", "instagram"]),  # order kept
        ("insta, instagram, IG", ["instagram"]),  # duplicates removed
        ("1, 3", ["instagram", "tiktok"]),
        ("1 3", ["instagram", "tiktok"]),
        ("youtube", ["youtube"]),
        ("facebok et tiktoc", ["facebook", "tiktok"]),
        ("aucun", []),
        ("aucune", []),
        ("rien", []),
        ("aucun réseau", []),
    ],
)
def test_match_options(text, expected):
    assert match_options(text, NETWORKS) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Écrire et rédiger", ["write"]),  # a label containing « et » is not split
        ("écrire et rédiger, parler en public", ["write", "speak"]),
        ("parler en public et écrire et rédiger", ["speak", "write"]),
        ("ecrire et redigr", ["write"]),
        ("aucun", ["none"]),  # an option named « Aucun » wins over « no choice »
    ],
)
def test_match_options_labels_with_et(text, expected):
    assert match_options(text, SKILLS) == expected


@pytest.mark.parametrize(
    ("text", "max_choices", "expected"),
    [
        ("insta, fb et tik tok, snap", 3, "Choisissez au plus 3 réponses."),
        ("insta, fb", 1, "Choisissez au plus 1 réponse."),
        ("insta et bonjour", None, f"Je n’ai pas reconnu «{NB}bonjour{NB}». Choisissez parmi{NB}: {NETWORK_LABELS}."),
        ("insta, tok2", 3, f"Je n’ai pas reconnu «{NB}tok2{NB}». Choisissez parmi{NB}: {NETWORK_LABELS}."),
        ("", None, f"Choisissez parmi{NB}: {NETWORK_LABELS}."),
    ],
)
def test_match_options_errors(text, max_choices, expected):
    with pytest.raises(NotUnderstood) as excinfo:
        match_options(text, NETWORKS, max_choices=max_choices)
    assert message(excinfo) == expected


AGE_BANDS = [  # as in vocabulary.yaml
    ("11_14", ["11–14 ans", "11-14", "college", "collegiens"]),
    ("15_17", ["15–17 ans", "15-17", "lycee", "ados"]),
    ("18_25", ["18–25 ans", "18-25"]),
    ("26_30", ["26–30 ans", "26-30"]),
]
AGE_LABELS = "11–14 ans, 15–17 ans, 18–25 ans, 26–30 ans"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15-17, 18-25", ["15_17", "18_25"]),  # was refused: « 15 17 18 25 » read as positions
        ("15–17 ans, 18–25 ans", ["15_17", "18_25"]),
        ("15 17, 18 25", ["15_17", "18_25"]),  # a dash-joined pair of a name is not two positions
        ("15-17 et 18-25", ["15_17", "18_25"]),
        ("15-25", ["15_17", "18_25"]),  # exactly two adjacent bands
        ("15 - 25 ans", ["15_17", "18_25"]),
        ("de 11 à 17 ans", ["11_14", "15_17"]),
        ("entre 15 et 25 ans", ["15_17", "18_25"]),
        ("16-17", ["15_17"]),  # inside one band
        ("20 ans", ["18_25"]),
        ("16", ["15_17"]),  # too big to be a position: an age
        ("11 et 25", ["11_14", "18_25"]),  # two ages, not a range
        ("ados, 20 ans", ["15_17", "18_25"]),
        ("lycée et 18-25", ["15_17", "18_25"]),
        ("1 3", ["11_14", "18_25"]),  # positions still work
        ("1 et 3", ["11_14", "18_25"]),
        ("2", ["15_17"]),
    ],
)
def test_match_options_age_bands(text, expected):
    assert match_options(text, AGE_BANDS) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "16-25 ans",  # overlaps 15–17 and 18–25 without matching them: neither widened nor cut
            f"«{NB}16-25 ans{NB}» ne correspond pas exactement aux tranches proposées. Indiquez les "
            f"tranches voulues, par exemple «{NB}15–17 ans, 18–25 ans{NB}», parmi{NB}: {AGE_LABELS}.",
        ),
        (
            "10-14",
            f"«{NB}10-14{NB}» ne correspond pas exactement aux tranches proposées. Indiquez les "
            f"tranches voulues, par exemple «{NB}11–14 ans{NB}», parmi{NB}: {AGE_LABELS}.",
        ),
        ("40-50", f"Je n’ai pas reconnu «{NB}40-50{NB}». Choisissez parmi{NB}: {AGE_LABELS}."),
        ("5 ans", f"Je n’ai pas reconnu «{NB}5 ans{NB}». Choisissez parmi{NB}: {AGE_LABELS}."),
        ("25-15", f"Je n’ai pas reconnu «{NB}25-15{NB}». Choisissez parmi{NB}: {AGE_LABELS}."),
        (
            "moins de 18 ans",
            f"Je n’ai pas reconnu «{NB}moins de 18 ans{NB}». Choisissez parmi{NB}: {AGE_LABELS}.",
        ),
    ],
)
def test_match_options_age_band_errors(text, expected):
    with pytest.raises(NotUnderstood) as excinfo:
        match_options(text, AGE_BANDS)
    assert message(excinfo) == expected


def test_match_option_age_bands():
    assert match_option("16-17 ans", AGE_BANDS) == "15_17"
    assert match_option("20 ans", AGE_BANDS) == "18_25"
    with pytest.raises(NotUnderstood) as excinfo:
        match_option("15-25", AGE_BANDS)
    assert message(excinfo) == (
        f"«{NB}15-25{NB}» peut désigner 15–17 ans ou 18–25 ans. Précisez parmi{NB}: {AGE_LABELS}."
    )


def test_match_options_positions_on_raw_text():
    assert match_options("1 et 3", NETWORKS) == ["instagram", "tiktok"]
    assert match_options("2 3 1", NETWORKS) == ["facebook", "tiktok", "instagram"]
    with pytest.raises(NotUnderstood) as excinfo:
        match_options("1 9", NETWORKS)
    assert message(excinfo) == f"Je n’ai pas reconnu «{NB}9{NB}». Choisissez parmi{NB}: {NETWORK_LABELS}."
    # « 1 2 » may mean the option « 1-2 fois par mois »: never read as positions then.
    often = [("low", ["1-2 fois par mois"]), ("mid", ["3-4 fois par mois"]), ("high", ["Chaque semaine"])]
    assert match_options("1 3", often) == ["low", "high"]
    with pytest.raises(NotUnderstood):
        match_options("1 2", often)


def test_match_options_max_choices_counts_after_deduplication():
    assert match_options("insta, ig, fb", NETWORKS, max_choices=2) == ["instagram", "facebook"]


# ---------------------------------------------------------------- parse_yes_no


@pytest.mark.parametrize(
    "text",
    ["oui", "OUI !", "o", "yes", "ouais", "bien sûr", "tout à fait", "d'accord", "d’accord",
     "exact", "c'est le cas", "oui il faut", "ok", "absolument", "👍"],
)
def test_yes(text):
    assert parse_yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    ["non", "Non.", "n", "no", "pas du tout", "nan", "non pas encore", "jamais",
     "absolument pas", "bien sûr que non", "pas d’accord", "ce n'est pas le cas"],
)
def test_no(text):
    assert parse_yes_no(text) is False


@pytest.mark.parametrize("text", ["peut-être", "oui et non", "si besoin", "", "nonante", "ouille"])
def test_yes_no_not_understood(text):
    with pytest.raises(NotUnderstood) as excinfo:
        parse_yes_no(text)
    assert message(excinfo) == f"Répondez par «{NB}oui{NB}» ou «{NB}non{NB}»."


# ---------------------------------------------------------------- parse_scale


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", 3), ("3/5", 3), ("trois", 3), ("4 sur 5", 4), ("cinq sur cinq", 5), ("note : 4", 4),
     ("une note de 4", 4), ("⭐⭐⭐⭐", 4), ("1", 1), ("5", 5)],
)
def test_parse_scale(text, expected):
    result = parse_scale(text)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize("text", ["0", "6", "3,5", "4/10", "-1", "entre 3 et 4", "super", ""])
def test_parse_scale_errors(text):
    with pytest.raises(NotUnderstood) as excinfo:
        parse_scale(text)
    assert message(excinfo) == "Indiquez une note de 1 à 5."


def test_parse_scale_custom_bounds():
    assert parse_scale("8/10", low=0, high=10) == 8
    assert parse_scale("0", low=0, high=10) == 0
    with pytest.raises(NotUnderstood) as excinfo:
        parse_scale("11", low=0, high=10)
    assert message(excinfo) == "Indiquez une note de 0 à 10."


# ---------------------------------------------------------------- clean_name (a typed name)


@pytest.mark.parametrize(
    ("text", "max_length", "expected"),
    [
        ("  Maison   des jeunes\n de Brest ", 200, "Maison des jeunes de Brest"),
        ("\x00MJC\x07 Nord", 200, "MJC Nord"),
        ("👨\u200d👩\u200d👧 Famille", 200, "👨\u200d👩\u200d👧 Famille"),
        ("مرحبا بكم", 200, "مرحبا بكم"),
        ("\u202eevil", 200, "evil"),
        ("Cafe\u0301", 200, "Café"),
        ("\ufeffMJC\u2066 Nord\u2069", 200, "MJC Nord"),
        ("\u200fمرحبا MJC", 200, "\u200fمرحبا MJC"),  # RLM is kept
        ("MJC\ud800 Nord", 200, "MJC Nord"),  # lone surrogate
        ("Maison\x0bdes\r\njeunes\x85de\rBrest", 200, "Maison des jeunes de Brest"),
        ("a" * 200, 200, "a" * 200),
        ("  " + "a " * 100, 200, ("a " * 100).strip()),  # length counted once cleaned
        ("abc", 3, "abc"),
    ],
)
def test_clean_name(text, max_length, expected):
    assert clean_name(text, max_length=max_length) == expected


@pytest.mark.parametrize(
    ("text", "max_length", "limit"),
    [("a" * 201, 200, "200"), ("Maison des jeunes " * 20, 200, "200"), ("abc def", 4, "4")],
)
def test_clean_name_too_long_is_refused_not_cut(text, max_length, limit):
    with pytest.raises(NotUnderstood) as excinfo:
        clean_name(text, max_length=max_length)
    assert message(excinfo) == f"Le nom ne peut pas dépasser {limit} caractères{NB}: raccourcissez-le."


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "\n\t"])
def test_clean_name_empty(text):
    with pytest.raises(NotUnderstood) as excinfo:
        clean_name(text)
    assert message(excinfo) == f"Votre réponse est vide{NB}: écrivez quelques mots."


# ---------------------------------------------------------------- typography & robustness


ERROR_CALLS = [
    lambda: parse_number("beaucoup"),
    lambda: parse_number("-2"),
    lambda: parse_number("5", minimum=10, maximum=20),
    lambda: parse_hours("beaucoup"),
    lambda: match_option("bonjour", NETWORKS),
    lambda: match_option("tiktok et insta", NETWORKS),
    lambda: match_options("insta, fb", NETWORKS, max_choices=1),
    lambda: parse_yes_no("bof"),
    lambda: parse_scale("9"),
    lambda: clean_name(" "),
    lambda: clean_name("a" * 201),
    lambda: parse_hours("3h de bénévolat"),
    lambda: match_options("16-25 ans", AGE_BANDS),
    lambda: parse_number("1e3"),
    lambda: parse_hours("10**9"),
]


@pytest.mark.parametrize("call", ERROR_CALLS)
def test_messages_follow_french_typography(call):
    with pytest.raises(NotUnderstood) as excinfo:
        call()
    text = message(excinfo)
    assert "'" not in text
    assert not re.search(r"[^\u00a0][:;!?»]|«[^\u00a0]", text)  # no-break space around them
    assert text[0].isupper() or text.startswith("«")
    assert text.endswith(".")
    assert " tu " not in f" {text.lower()} "  # vouvoiement


def test_not_understood_is_a_value_error():
    assert issubclass(NotUnderstood, ValueError)


VOCAB = [
    "un", "une", "deux", "vingt", "quatre", "cent", "mille", "et", "ou", "-", "h", "min", "demi",
    "quart", "quarts", "mi", "temps", "plein", "jour", "journée", "par", "semaine", "/", "sur",
    "1", "2,5", "30", "999999999999999999999", "1 500", "k", "douzaine", "centaines", "aucun",
    "oui", "non", "insta", "fb", "x", ",", "entre", "moins", "−", "~", "?", "⭐", "\u00a0",
]
ANY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(blacklist_categories=())),  # includes lone surrogates
    st.lists(st.sampled_from(VOCAB), max_size=8).map(" ".join),
    st.lists(st.sampled_from(VOCAB), max_size=8).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_only_not_understood_escapes(text):
    assert isinstance(normalize(text), str)
    assert isinstance(is_skip(text), bool)
    calls = [
        lambda: parse_number(text),
        lambda: parse_number(text, minimum=1, maximum=100, integer=True),
        lambda: parse_hours(text),
        lambda: match_option(text, NETWORKS),
        lambda: match_options(text, NETWORKS, max_choices=2),
        lambda: match_options(text, SKILLS),
        lambda: parse_yes_no(text),
        lambda: parse_scale(text),
        lambda: clean_name(text, max_length=20),
    ]
    for call in calls:
        try:
            result = call()
        except NotUnderstood as error:
            assert str(error)
            continue
        if call is calls[0]:
            assert isinstance(result, float) and math.isfinite(result) and result >= 0
        elif call is calls[1]:
            assert type(result) is int and 1 <= result <= 100
        elif call is calls[2]:
            assert isinstance(result, float) and 0 <= result <= 168
        elif call is calls[4]:
            assert len(result) <= 2
        elif call is calls[7]:
            assert 1 <= result <= 5
        elif call is calls[8]:
            assert 0 < len(result) <= 20 and result == result.strip()
