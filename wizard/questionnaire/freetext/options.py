"""Options chosen by name, position or age band (« insta, fb et tik tok », « 1 3 », « 15-25 »;
« insta and fb », « none », « 15 to 25 years » in English).

The options are indexed once per call (_Choices), so a long answer cut into many parts
costs one look-up per part, not a pass over every option name per part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from wizard.questionnaire.freetext.common import (
    NotUnderstood,
    _echo,
    _fail,
    _key,
    _keys,
    normalize,
)

# (value, names): the first name is the label shown in messages, so a caller puts the
# label of the answer's language first (parse.option_names does).
Options = Sequence[tuple[object, Sequence[str]]]
_NONE_FR = _keys("aucun", "aucune", "rien", "néant", "aucun réseau", "aucune réponse", "pas de réseau")
_NONE_CHOSEN = {  # in English, the French words are still understood
    "fr": _NONE_FR,
    "en": _NONE_FR | _keys("none", "nothing", "none of them", "none of these", "none of those", "not any",
                           "no network", "no networks", "no channel", "no channels", "no social media"),
}
_NONE_FIRST = {"fr": ("aucun", "aucune"), "en": ("none", "aucun", "aucune")}  # « aucun pour l'instant », « none yet »
_STRONG_SPLIT = re.compile(r"[,;/+&\n]")
_WEAK_SPLIT = {
    "fr": re.compile(r"\s+(?:et|puis|ou)\s+", re.IGNORECASE),
    "en": re.compile(r"\s+(?:and|then|or|plus|et|puis|ou)\s+", re.IGNORECASE),
}
# Fuzzy matching is for a typo in a name (the longest is under 60 characters): a part of
# the answer longer than this is not a name with a typo, and comparing it would cost
# time in proportion to its length times the names' (rapidfuzz's partial ratios).
FUZZY_MAX_CHARS = 200

_DASH_PAIR = re.compile(r"([0-9]+) ?[-–—] ?([0-9]+)")
_BAND = re.compile(r"([0-9]{1,3}) ?[-–—] ?([0-9]{1,3})(?: ?(?:ans|years?|yrs?))?")
_AGES = {
    "fr": re.compile(  # on normalize(): « 16-25 ans », « de 15 à 25 ans », « entre 15 et 25 », « 16 ans »
        r"(?:entre ([0-9]{1,3}) ?(?:et|a) ?([0-9]{1,3})"
        r"|(?:de )?([0-9]{1,3}) ?(?:-|–|—|a|au) ?([0-9]{1,3})"
        r"|([0-9]{1,3}))(?: ?ans)?"
    ),
    "en": re.compile(  # « 16-25 years », « from 15 to 25 », « between 15 and 25 », « aged 16 », « 16 year olds »
        r"(?:aged )?(?:between ([0-9]{1,3}) ?(?:and|to|-) ?([0-9]{1,3})"
        r"|(?:from )?([0-9]{1,3}) ?(?:-|–|—|to) ?([0-9]{1,3})"
        r"|([0-9]{1,3}))(?: ?(?:years?|yrs?)(?: old)?| ?year olds?)?"
    ),
}
_POSITIONS = {
    lang: re.compile(rf"\s*[0-9]{{1,2}}(?:(?:\s*,\s*|\s+{conj}\s+|\s+)[0-9]{{1,2}})+\s*\.?\s*", re.IGNORECASE)
    for lang, conj in (("fr", "et"), ("en", "(?:and|et)"))
}


def _label(option: tuple[object, Sequence[str]]) -> str:
    value, names = option
    return str(names[0]) if names else str(value)


def _names(option: tuple[object, Sequence[str]]) -> list[str]:
    return [str(n) for n in option[1]]


def _add(index: dict[str, list], key: str, value: object) -> None:
    values = index.setdefault(key, [])
    if value not in values:
        values.append(value)


@dataclass
class _Choices:
    """The options, and what matching compares them by, computed once."""

    options: list
    lang: str  # of the answer: its messages, its words (« et » / « and »)
    labels: tuple[str, ...]  # (« Instagram », « Facebook »…), for messages
    by_key: dict[str, list]  # _key(name) -> values, in option order
    by_compact: dict[str, list]  # the same without spaces (« tik-tok » = « tiktok »)
    by_value: dict[str, list]  # a value typed as such (« mission_locale »)
    named: list[tuple[object, list[str]]]  # (value, keys of its names), in option order
    fuzzy: list[tuple[object, list[str]]]  # (value, keys of 3 letters or more) for typos
    bands: list[tuple[int, int, object]]  # (low, high, value) of options named like « 15–17 ans »
    pairs: set[tuple[str, str]]  # number pairs joined by a dash in a name (« 15-17 »)

    @classmethod
    def of(cls, options: Options, lang: str = "fr") -> _Choices:
        options = list(options)
        by_key: dict[str, list] = {}
        by_compact: dict[str, list] = {}
        by_value: dict[str, list] = {}
        named, fuzzy, bands, pairs = [], [], [], set()
        for option in options:
            value = option[0]
            keys = [_key(n) for n in _names(option)]
            named.append((value, keys))
            for k in keys:
                _add(by_key, k, value)
                _add(by_compact, k.replace(" ", ""), value)
            if isinstance(value, str):
                _add(by_value, _key(value).replace(" ", ""), value)
            candidates = keys + ([_key(value)] if isinstance(value, str) else [])
            # Names under 3 letters (« x », « ig ») would fuzzy-match almost anything.
            fuzzy.append((value, [c for c in candidates if len(c.replace(" ", "")) >= 3]))
            for name in _names(option):
                pairs.update(_DASH_PAIR.findall(normalize(name)))
            for name in _names(option):
                m = _BAND.fullmatch(normalize(name))
                if m and int(m[1]) <= int(m[2]):
                    bands.append((int(m[1]), int(m[2]), value))
                    break
        bands.sort(key=lambda band: band[0])
        return cls(options, "en" if lang == "en" else "fr", tuple(_label(o) for o in options),
                   by_key, by_compact, by_value, named, fuzzy, bands, pairs)

    def label_of(self, value: object) -> str:
        return next(_label(o) for o in self.options if o[0] == value)


def _unknown(text: str, c: _Choices) -> NotUnderstood:
    return _fail("option_unknown", c.lang, text=_echo(text), labels=c.labels)


def _ambiguous(text: str, c: _Choices, values: list) -> NotUnderstood:
    first, second = (c.label_of(v) for v in values)
    return _fail("option_ambiguous", c.lang, text=_echo(text), a=first, b=second, labels=c.labels)


def _in_bands(text: str, c: _Choices, *, several: bool) -> list[object] | None:
    """An age or an age range typed against band options (« 15–17 ans »…), or None when
    the options are not bands or the text is not an age / a range of ages.

    A range inside one band gives that band (« 16-17 » -> 15–17 ans). With several=True,
    a range that is exactly the union of adjacent bands gives them all (« 15-25 » ->
    15–17 ans and 18–25 ans); a range that only partly overlaps bands (« 16-25 ans »)
    is refused with the bands it overlaps as an example, rather than widened or cut.
    """
    bands = c.bands
    m = _AGES[c.lang].fullmatch(normalize(text)) if bands else None
    if m is None:
        return None
    numbers = [int(g) for g in m.groups() if g is not None]
    low, high = numbers[0], numbers[-1]
    hits = [b for b in bands if b[0] <= high and b[1] >= low] if low <= high else []
    if not hits:
        raise _unknown(text, c)
    inside = [b for b in hits if b[0] <= low and high <= b[1]]
    if inside:
        return [inside[0][2]]
    if not several and len(hits) > 1:
        raise _ambiguous(text, c, [hits[0][2], hits[1][2]])
    union = hits[0][0] == low and hits[-1][1] == high and all(
        a[1] + 1 >= b[0] for a, b in zip(hits, hits[1:]))
    if several and union:
        return [b[2] for b in hits]
    if not several:
        raise _fail("band_inexact", c.lang, text=_echo(text), labels=c.labels)
    raise _fail("band_inexact_example", c.lang, text=_echo(text),
                bands=tuple(c.label_of(b[2]) for b in hits), labels=c.labels)


def _match(text: str, c: _Choices, cutoff: float | None) -> object:
    """match_option(); cutoff=None means exact matches only (no fuzzy)."""
    wanted = _key(text)
    if not wanted:
        raise _fail("option_expected", c.lang, labels=c.labels)
    compact = wanted.replace(" ", "")
    for hits in (c.by_key.get(wanted), c.by_compact.get(compact), c.by_value.get(compact)):
        if hits and len(hits) == 1:
            return hits[0]
        if hits:
            raise _ambiguous(text, c, hits[:2])
    if re.fullmatch(r"[0-9]{1,2}", wanted) and 1 <= int(wanted) <= len(c.options):
        return c.options[int(wanted) - 1][0]  # « 2 » = the second option shown
    if cutoff is None:
        raise _unknown(text, c)
    found = _in_bands(text, c, several=False)
    if found is not None:
        return found[0]
    # Fuzzy matching is for typos in words: « 16 » is not a typo of « 18–25 ans ».
    if 3 <= len(compact) and len(wanted) <= FUZZY_MAX_CHARS and not (re.search(r"[0-9]", wanted) and c.bands):
        scored = [(max((fuzz.WRatio(wanted, k) for k in keys), default=0), value) for value, keys in c.fuzzy]
        scored.sort(key=lambda pair: -pair[0])
        best, value = scored[0] if scored else (0, None)
        if best >= cutoff:
            rivals = [v for s, v in scored[1:] if s >= best - 3 and v != value]
            if rivals:
                raise _ambiguous(text, c, [value, rivals[0]])
            return value
    raise _unknown(text, c)


def match_option(text: str, options: Options, *, cutoff: float = 80, lang: str = "fr") -> object:
    """The value of the option the user means.

    Tried in order: exact name (accents, case and punctuation ignored), the value
    itself, the position (« 2 » = second option), then fuzzy matching for typos
    (« facebok ») on names of 3 letters or more. Two options within 3 points of
    each other are ambiguous and refused rather than guessed.
    """
    return _match(text, _Choices.of(options, lang), cutoff)


def _match_piece(piece: str, c: _Choices, cutoff: float) -> list[object]:
    """One answer: exact name or position, else an age band, else a name with a typo."""
    try:
        return [_match(piece, c, None)]
    except NotUnderstood:
        pass
    found = _in_bands(piece, c, several=True)
    return found if found is not None else [_match(piece, c, cutoff)]


def _match_chunk(chunk: str, c: _Choices, cutoff: float) -> list[object]:
    """One comma-separated part: an exact label first (« Écrire et rédiger »
    contains « et ») or an age range (« entre 15 et 25 ans »), otherwise each piece
    between et / puis / ou, and as a last resort a whole label with a typo (plain
    ratio, so one known word is not enough)."""
    try:
        return [_match(chunk, c, None)]
    except NotUnderstood:
        pass
    found = _in_bands(chunk, c, several=True)
    if found is not None:
        return found
    pieces = [p for p in _WEAK_SPLIT[c.lang].split(chunk) if _key(p)] or [chunk]
    try:
        return [v for p in pieces for v in _match_piece(p, c, cutoff)]
    except NotUnderstood:
        whole = _key(chunk)
        close = [] if len(whole) > FUZZY_MAX_CHARS else [
            value for value, keys in c.named if any(fuzz.ratio(whole, k) >= cutoff for k in keys)]
        if len(pieces) > 1 and len(close) == 1:
            return close
        raise


def _positions(text: str, c: _Choices) -> list[str] | None:
    """« 1 3 », « 1, 3 », « 1 et 3 »: options by position, as typed (on the raw text, so
    « 15-17, 18-25 » is not read as « 15 17 18 25 »). Not when two of the numbers are a
    dash pair of an option (« 15 17 » for « 15-17 »), nor when numbers too big to be
    positions are typed against numeric bands (ages)."""
    if not _POSITIONS[c.lang].fullmatch(text):
        return None
    numbers = re.findall(r"[0-9]+", text)
    if any(pair in c.pairs for pair in zip(numbers, numbers[1:])):
        return None
    if c.bands and any(int(n) > len(c.options) for n in numbers):
        return None
    return numbers


def match_options(
    text: str,
    options: Options,
    *,
    max_choices: int | None = None,
    cutoff: float = 80,
    lang: str = "fr",
) -> list[object]:
    """Several options in one line (« insta, fb et tik tok », « insta and fb »), order kept,
    duplicates removed. « aucun » / « rien » (« none ») give []. Any unknown part is
    refused by name."""
    c = _Choices.of(options, lang)
    key = _key(text)
    try:
        chosen = [_match(text, c, None)]
    except NotUnderstood:
        if key in _NONE_CHOSEN[c.lang] or key.split(" ")[0] in _NONE_FIRST[c.lang]:
            return []
        chunks = _positions(text, c) or [p for p in _STRONG_SPLIT.split(text) if _key(p)] or [text]
        chosen = [v for chunk in chunks for v in _match_chunk(chunk, c, cutoff)]
    unique: list = []
    for value in chosen:
        if value not in unique:
            unique.append(value)
    if max_choices is not None and len(unique) > max_choices:
        raise _fail("choices_at_most" if max_choices > 1 else "choices_at_most_one", c.lang, n=max_choices)
    return unique
