"""What a dotted Profile path ("resources.hours_per_week", "presence.{item}.followers") accepts.

Read from the Profile model itself, so the questionnaire validator, the free-text
parser and the profile builder agree with the contract without a second list.
"""
from __future__ import annotations

import types
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel

from wizard.profile import Profile
from wizard.vocabulary import vocabularies

ITEM = "{item}"


class NotAValue(KeyError):
    """The path names an object of the Profile (« structure »), not a value a question can fill."""


@dataclass(frozen=True)
class FieldSpec:
    """shape: 'choice' (one id), 'choices' (list of ids), 'keys' (dict keyed by ids),
    'bool', 'int', 'float', 'str'."""

    path: str
    shape: str
    vocab: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    item_vocab: str | None = None  # vocabulary of the {item} placeholder, if any


def _vocab_of(literal_type) -> str | None:
    values = set(get_args(literal_type))
    for name, terms in vocabularies().items():
        if {t.id for t in terms} == values:
            return name
    return None


def _unwrap(tp):
    """Strip Annotated and Optional, collecting numeric bounds."""
    lo = hi = None
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            base, *meta = get_args(tp)
            for m in meta:
                for c in getattr(m, "metadata", [m]):
                    if isinstance(c, annotated_types.Ge):
                        lo = c.ge
                    elif isinstance(c, annotated_types.Le):
                        hi = c.le
            tp = base
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp, lo, hi
        else:
            return tp, lo, hi


def _bounds(field_info) -> tuple[float | None, float | None]:
    lo = hi = None
    for c in field_info.metadata:
        if isinstance(c, annotated_types.Ge):
            lo = c.ge
        elif isinstance(c, annotated_types.Le):
            hi = c.le
    return lo, hi


def _leaf(path: str, tp, lo, hi, item_vocab) -> FieldSpec:
    tp, lo2, hi2 = _unwrap(tp)
    lo = lo2 if lo2 is not None else lo
    hi = hi2 if hi2 is not None else hi
    origin = get_origin(tp)
    if origin is Literal:
        return FieldSpec(path, "choice", _vocab_of(tp), item_vocab=item_vocab)
    if origin is list:
        inner, _, _ = _unwrap(get_args(tp)[0])
        if get_origin(inner) is Literal:
            return FieldSpec(path, "choices", _vocab_of(inner), item_vocab=item_vocab)
    if origin is dict:
        key = get_args(tp)[0]
        if get_origin(key) is Literal:
            return FieldSpec(path, "keys", _vocab_of(key), item_vocab=item_vocab)
    simple = {bool: "bool", int: "int", float: "float", str: "str"}
    if tp in simple:
        return FieldSpec(path, simple[tp], minimum=lo, maximum=hi, item_vocab=item_vocab)
    raise KeyError(path)


@cache
def resolve(path: str) -> FieldSpec:
    """The spec of a dotted Profile path, or KeyError naming the first unknown part
    (NotAValue, a KeyError, when the path ends on an object)."""
    model: type[BaseModel] | None = Profile
    tp = None
    lo = hi = None
    item_vocab = None
    parts = path.split(".")
    for i, part in enumerate(parts):
        if model is not None:
            info = model.model_fields.get(part)
            if info is None:
                raise KeyError(".".join(parts[: i + 1]))
            tp = info.annotation
            lo, hi = _bounds(info)
            model = None
        else:
            base, _, _ = _unwrap(tp)
            if get_origin(base) is not dict:
                raise KeyError(".".join(parts[: i + 1]))
            key_t, val_t = get_args(base)
            vocab = _vocab_of(key_t)
            if part == ITEM:
                item_vocab = vocab
            elif part not in get_args(key_t):
                raise KeyError(".".join(parts[: i + 1]))
            tp = val_t
            lo = hi = None
        base, _, _ = _unwrap(tp)
        if isinstance(base, type) and issubclass(base, BaseModel) and i < len(parts) - 1:
            model = base
    if isinstance(_unwrap(tp)[0], type) and issubclass(_unwrap(tp)[0], BaseModel):
        raise NotAValue(path)
    return _leaf(path, tp, lo, hi, item_vocab)


def set_path(data: dict, path: str, value) -> None:
    """Set data[a][b][c] = value for 'a.b.c', creating the dicts on the way."""
    *head, last = path.split(".")
    for part in head:
        data = data.setdefault(part, {})
    data[last] = value
