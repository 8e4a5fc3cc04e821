"""One entry point for every document: (kind, format) -> bytes and a sensible file name.

The command line and the results page both call it, so a download and
`python -m wizard report` always produce the same file.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from wizard.profile import Profile
from wizard.strategy import Strategy

KINDS = ("strategy", "brief")
FORMATS = {"pdf": "application/pdf",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
PREFIX = {("strategy", "fr"): "strategie-reseaux", ("brief", "fr"): "note-aux-elus",
          ("strategy", "en"): "social-media-strategy", ("brief", "en"): "note-for-officials",
          ("profile", "fr"): "profil", ("profile", "en"): "profile",  # the data files (JSON)
          ("strategy_data", "fr"): "strategie", ("strategy_data", "en"): "strategy"}


def document(kind: str, strategy: Strategy, profile: Profile):
    if kind == "strategy":
        from wizard.documents.content_strategy import strategy_document
        return strategy_document(strategy, profile)
    if kind == "brief":
        from wizard.documents.content_brief import brief_document
        return brief_document(strategy, profile)
    raise ValueError(f"type de document inconnu « {kind} » (possibles : {', '.join(KINDS)})")


def render(kind: str, fmt: str, strategy: Strategy, profile: Profile) -> bytes:
    doc = document(kind, strategy, profile)
    if fmt == "pdf":
        from wizard.documents.pdf import render_pdf
        return render_pdf(doc)
    if fmt == "docx":
        from wizard.documents.docx import render_docx
        return render_docx(doc)
    raise ValueError(f"format inconnu « {fmt} » (possibles : {', '.join(FORMATS)})")


def slug(text: str, limit: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


def file_name(kind: str, fmt: str, structure_name: str, day: date, lang: str = "fr") -> str:
    """strategie-reseaux-pij-de-saint-affrique-2026-11-26.pdf"""
    parts = [PREFIX[(kind, lang if lang == "en" else "fr")], slug(structure_name), day.isoformat()]
    return "-".join(p for p in parts if p) + f".{fmt}"


def data_file_name(kind: str, structure_name: str, day: date, lang: str = "fr") -> str:
    """profil-pij-de-saint-affrique.json, strategy-pij-de-saint-affrique-2026-11-26.json"""
    lang = "en" if lang == "en" else "fr"
    if kind == "profile":
        return f"{PREFIX[('profile', lang)]}-{slug(structure_name) or 'structure'}.json"
    return f"{PREFIX[('strategy_data', lang)]}-{slug(structure_name) or 'structure'}-{day.isoformat()}.json"
