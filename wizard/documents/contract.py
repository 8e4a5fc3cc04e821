"""The renderer contract: every renderer draws every block type of blocks.py.

Each renderer (wizard/documents/pdf, wizard/documents/docx) keeps one table `HANDLERS`
from block type to the function that draws it, and finds a block's handler with
`handler()`. A block type added to blocks.py without a handler in a renderer fails
tests/documents/test_contract.py; at run time, a block of an unknown type raises
UnknownBlock in every renderer (nothing is silently left out of one version).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar, get_args

from wizard.documents.blocks import Block

BLOCK_TYPES: tuple[type, ...] = get_args(Block)

H = TypeVar("H", bound=Callable)


class UnknownBlock(TypeError):
    """A renderer was given something that is not a block it has a handler for."""


def handler(handlers: Mapping[type, H], block: object, renderer: str) -> H:
    """The handler of `block`'s type (or of its nearest base type) in `handlers`."""
    for kind in type(block).__mro__:
        found = handlers.get(kind)
        if found is not None:
            return found
    raise UnknownBlock(f"{renderer}: no handler for block type {type(block).__name__}")


def missing(handlers: Mapping[type, object]) -> list[str]:
    """The block types of blocks.py that `handlers` cannot draw."""
    return [kind.__name__ for kind in BLOCK_TYPES if kind not in handlers]
