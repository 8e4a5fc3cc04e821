"""Small text helpers of the engine's sentences."""
from __future__ import annotations


def lower_first(text: str) -> str:
    """« Publication image » -> « publication image », but « TikTok », « Canva » or « LinkedIn » keep theirs."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
