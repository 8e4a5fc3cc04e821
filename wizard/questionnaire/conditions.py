"""The closed vocabulary of `when:` conditions: one table from operator name to one small function.

A condition is a mapping with exactly one operator key, e.g.
    {equals: [structure_country, qc]}     the answer to that question is this value
    {in: [structure_kind, [pij, bij]]}    the answer is one of these values
    {contains: [current_channels, tiktok]} the (multiple) answer contains this value
    {answered: structure_name}            the question got a non-empty answer (not skipped, not « aucun »)
    {not: CONDITION}, {all: [CONDITION, ...]}, {any: [CONDITION, ...]}
Adding an operator is one function and one line in OPERATORS.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from wizard.i18n import phrases

say = phrases("validate")
Answers = Mapping[str, Any]


def _equals(answers: Answers, arg) -> bool:
    qid, value = arg
    return answers.get(qid) == value


def _in(answers: Answers, arg) -> bool:
    qid, values = arg
    return answers.get(qid) in values


def _contains(answers: Answers, arg) -> bool:
    qid, value = arg
    got = answers.get(qid)
    return isinstance(got, list) and value in got


def _answered(answers: Answers, arg) -> bool:
    got = answers.get(arg)
    return got is not None and got != []


def _not(answers: Answers, arg) -> bool:
    return not evaluate(arg, answers)


def _all(answers: Answers, arg) -> bool:
    return all(evaluate(c, answers) for c in arg)


def _any(answers: Answers, arg) -> bool:
    return any(evaluate(c, answers) for c in arg)


@dataclass(frozen=True)
class Operator:
    test: Callable[[Answers, Any], bool]
    shape: str  # "pair" (question, value), "pair-list" (question, [values]), "question", "condition", "conditions"


OPERATORS: dict[str, Operator] = {
    "equals": Operator(_equals, "pair"),
    "in": Operator(_in, "pair-list"),
    "contains": Operator(_contains, "pair"),
    "answered": Operator(_answered, "question"),
    "not": Operator(_not, "condition"),
    "all": Operator(_all, "conditions"),
    "any": Operator(_any, "conditions"),
}


def evaluate(condition: Mapping | None, answers: Answers) -> bool:
    """True when the question applies; no condition means always."""
    if condition is None:
        return True
    (name, arg), = condition.items()
    return OPERATORS[name].test(answers, arg)


def shape_errors(condition: Any, lang: str = "fr") -> list[str]:
    """Structural problems of a condition, as sentences in `lang` (empty when well formed)."""
    ops = ", ".join(OPERATORS)
    if not isinstance(condition, Mapping) or len(condition) != 1:
        return [say("when_one_operator", lang, ops=ops)]
    (name, arg), = condition.items()
    op = OPERATORS.get(name)
    if op is None:
        return [say("operator_unknown", lang, name=name, ops=ops)]
    if op.shape in ("pair", "pair-list"):
        if not (isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str)):
            return [say("expects_pair", lang, name=name)]
        if op.shape == "pair-list" and not isinstance(arg[1], list):
            return [say("expects_pair_list", lang, name=name)]
        return []
    if op.shape == "question":
        return [] if isinstance(arg, str) else [say("expects_question", lang, name=name)]
    if op.shape == "condition":
        return shape_errors(arg, lang)
    if not isinstance(arg, list) or not arg:
        return [say("expects_conditions", lang, name=name)]
    return [e for c in arg for e in shape_errors(c, lang)]


def deeper_than(condition: Any, limit: int) -> bool:
    """True when mappings (operators) nest more than `limit` deep: checked before anything
    walks a condition recursively. Iterative, stops at the first spot too deep."""
    stack = [(condition, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, Mapping):
            depth += 1
            if depth > limit:
                return True
            stack.extend((v, depth) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth) for v in node)
    return False


def atoms(condition: Mapping | None) -> Iterator[tuple[str, str, list]]:
    """Every (operator, question id, values compared) in a condition, for the validator."""
    if condition is None:
        return
    (name, arg), = condition.items()
    shape = OPERATORS[name].shape
    if shape == "pair":
        yield name, arg[0], [arg[1]]
    elif shape == "pair-list":
        yield name, arg[0], list(arg[1])
    elif shape == "question":
        yield name, arg, []
    elif shape == "condition":
        yield from atoms(arg)
    else:
        for c in arg:
            yield from atoms(c)


def can_hold(condition: Mapping | None, possible: Callable[[str], set | None]) -> bool:
    """Conservative check that a condition may become true.

    `possible(qid)` gives the values a question can produce (None: anything, empty
    set: the question can never be answered). Used to find unreachable questions.
    """
    if condition is None:
        return True
    (name, arg), = condition.items()
    shape = OPERATORS[name].shape
    if shape in ("pair", "pair-list"):
        values = possible(arg[0])
        if values is None:
            return True
        wanted = [arg[1]] if shape == "pair" else arg[1]
        return any(_may_be(v, values) for v in wanted)
    if shape == "question":
        values = possible(arg)
        return values is None or bool(values)
    if name == "all":
        return all(can_hold(c, possible) for c in arg)
    if name == "any":
        return any(can_hold(c, possible) for c in arg)
    return True  # "not": assume it may hold


def _hashable(v):
    return tuple(v) if isinstance(v, list) else v


def _may_be(value, values: set) -> bool:
    try:
        return _hashable(value) in values
    except TypeError:  # an object, or a list holding lists: no answer can be that
        return False
