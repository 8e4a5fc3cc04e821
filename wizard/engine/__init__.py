"""Profile -> Strategy, pure and deterministic: no Streamlit, no I/O, no clock.

Imports only the contracts (profile, strategy), the knowledge models and the vocabulary.
"""
from wizard.engine.build import build_strategy

__all__ = ["build_strategy"]
