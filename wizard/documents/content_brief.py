"""The note for elected officials (wizard/documents/brief): kept importable from here."""
from __future__ import annotations

from wizard.documents.brief import brief_document
from wizard.documents.brief.names import addressee, subject
from wizard.documents.brief.proposal import rhythm_words
from wizard.documents.brief.texts import sentences, texts

_T = {"fr": texts("fr"), "en": texts("en")}  # the note's fixed texts, by language (the tests read them)

__all__ = ["_T", "addressee", "brief_document", "rhythm_words", "sentences", "subject"]
