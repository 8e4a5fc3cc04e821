"""An answer value shown back to a person (transcript, summary): labels, French numbers."""
from __future__ import annotations

from typing import Any

from wizard.formatting import hours, number
from wizard.questionnaire.choices import choices
from wizard.questionnaire.flow import Step

SKIPPED = {"fr": "Je passe", "en": "Skip"}
NONE = {"fr": "Aucun", "en": "None"}


def answer(step: Step, value: Any, lang: str = "fr") -> str:
    q = step.question
    if value is None:
        return q.skip_label.get(lang) if q.skip_label else SKIPPED[lang]
    if q.kind in ("single", "multi", "ranked"):
        labels = {repr(c.value): c.label.get(lang) for c in choices(q) if c.label}
        values = value if isinstance(value, list) else [value]
        if not values:
            return NONE[lang]
        shown = [labels.get(repr(v), str(v)) for v in values]
        if q.kind == "ranked" and len(shown) > 1:
            return " ; ".join(f"{i}. {s}" for i, s in enumerate(shown, 1)).replace(" ;", "\u00a0;")
        return ", ".join(shown)
    if q.kind == "number":
        if q.unit == "hours":
            return hours(value, lang) + (" par semaine" if lang == "fr" else " a week")
        suffix = {"eur": "\u00a0€", "posts": " par semaine" if lang == "fr" else " a week"}.get(q.unit or "", "")
        return number(value, lang) + suffix
    if q.kind == "scale":
        lo_hi = q.scale_labels or {}
        extra = lo_hi.get(int(value))
        return f"{value}/{int(q.max or 5)}" + (f" ({extra.get(lang)})" if extra else "")
    return str(value)
