"""The few words the PDF and Word renderers print themselves (wizard/catalogue/renderers.yaml);
the content builders write the rest."""
from __future__ import annotations

from wizard.i18n import table

APP_NAME = "Cap Réseaux"
STRINGS = {lang: table("renderers", lang) for lang in ("fr", "en")}


def lang_key(lang: str) -> str:
    return "en" if (lang or "").lower().startswith("en") else "fr"
