"""The conversation page's sentences: wizard/catalogue/chat.yaml (the questions live in questionnaires/)."""
from __future__ import annotations

from wizard.i18n import phrases

t = phrases("chat")
