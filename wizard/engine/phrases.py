"""The engine's sentences: wizard/catalogue/engine.yaml. {placeholders} are filled by the engine."""
from __future__ import annotations

from wizard.i18n import phrases

p = phrases("engine")
