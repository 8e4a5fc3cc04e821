"""The language tags Word needs; the words it prints are wizard/documents/words.py's."""
from __future__ import annotations

from wizard.documents.words import APP_NAME, lang_key
from wizard.documents.words import STRINGS as WORDS

LANG_TAG = {"fr": "fr-FR", "en": "en-GB"}

__all__ = ["APP_NAME", "LANG_TAG", "WORDS", "lang_key"]
