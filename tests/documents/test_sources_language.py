"""French documents read French (issue 10, point 6): what Cap Réseaux says about a source
(interview, hearing, excerpt, read via…) is in the document's language; a title as published
stays as published; no anglicism where French has a word (« bad buzz »)."""
from __future__ import annotations

import re

import pytest
from conftest import EXAMPLE_NAMES, example_strategy

from wizard.documents.citations import source_line
from wizard.i18n import Text
from wizard.knowledge import default
from wizard.vocabulary import ids, label

KB = default()
ENGLISH_META = re.compile(r"\b(Interview|Hearing|excerpt|Read via|via)\b")
FRENCH_META = re.compile(r"\b(Entretien|Audition|extrait|d’après|source secondaire)\b")


def lines(lang: str) -> dict[str, str]:
    """Every source any example cites, as its document lists it, by key."""
    out = {}
    for name in EXAMPLE_NAMES:
        for s in example_strategy(name, lang).sources:
            out[s.key] = source_line(s, lang, url=False)
    return out


def test_what_we_say_about_a_source_is_in_the_document_s_language():
    fr, en = lines("fr"), lines("en")
    assert fr.keys() == en.keys() and len(fr) > 20
    described = [k for k in fr if isinstance(KB.sources[k].title, Text) or KB.sources[k].via]
    assert described, "no described source is cited: the test reads nothing"
    for key in described:
        assert not ENGLISH_META.search(fr[key]), fr[key]
        assert not FRENCH_META.search(en[key]), en[key]


def test_a_title_as_published_is_kept_in_both_languages():
    fr, en = lines("fr"), lines("en")
    published = [k for k in fr if isinstance(KB.sources[k].title, str)]
    assert published
    for key in published:
        assert KB.sources[key].title in fr[key] and KB.sources[key].title in en[key]


@pytest.mark.parametrize("vocabulary", ["concern", "goal", "group", "skill"])
def test_no_anglicism_where_french_has_a_word(vocabulary):
    for id_ in ids(vocabulary):
        assert "buzz" not in label(vocabulary, id_, "fr").lower(), (vocabulary, id_)
