"""YAML read safely and explained in French or English.

YAML aliases let 600 bytes stand for billions of values (« billion laughs »): the
composer shares the node, but everything that walks the result afterwards — pydantic,
the condition checker — pays for every copy. Questionnaires and the vocabulary have
no use for aliases, so `NoAliasLoader` refuses them where they appear (line,
column). The knowledge base does use a few anchors (maturity.yaml shares its level
names), so `BoundedLoader` lets them through but refuses a document whose expanded
size passes `MAX_EXPANDED_NODES`, or an alias inside its own anchor.

PyYAML's messages are English and technical; `YamlError` carries one of ours
(wizard/catalogue/errors.yaml) in the language `load` was given, and the position.
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from wizard.formatting import number
from wizard.i18n import phrases

MAX_EXPANDED_NODES = 100_000  # the largest knowledge file expands to about 4 000
say = phrases("errors")


@dataclass
class YamlError(Exception):
    """Unreadable YAML: the reason, in `lang`, and when known where (1-based)."""

    reason: str
    line: int | None = None
    column: int | None = None
    lang: str = "fr"

    def __str__(self) -> str:
        if not self.line:
            return self.reason
        return say("yaml_position", self.lang, line=self.line, column=self.column, reason=self.reason)


class _Refused(yaml.YAMLError):
    """Our own refusal inside a loader: a catalogue key and its values, said in `load`'s language."""

    def __init__(self, key: str, mark, **values):
        super().__init__(key)
        self.key, self.values, self.problem_mark = key, values, mark


class NoAliasLoader(yaml.SafeLoader):
    """SafeLoader whose composer refuses aliases (*name) as soon as it meets one."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused("yaml_alias_refused", event.start_mark, anchor=event.anchor)
        return super().compose_node(parent, index)


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader that accepts aliases while the document, expanded, stays small."""

    max_nodes = MAX_EXPANDED_NODES

    def compose_document(self):
        node = super().compose_document()
        _check_expansion(node, self.max_nodes)
        return node


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _check_expansion(root: Node, limit: int) -> None:
    """Count the nodes as if every alias were a copy, each shared node counted once per use,
    without ever making the copies (memoised, iterative)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        key = id(node)
        if closing:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            if sizes[key] > limit:
                raise _Refused("yaml_aliases_too_big", node.start_mark, limit=limit)
            continue
        if key in sizes:
            continue
        open_nodes.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in open_nodes:
                raise _Refused("yaml_alias_loop", child.start_mark)
            if id(child) not in sizes:
                stack.append((child, False))


# PyYAML's problems (scanner, parser, composer, constructor), by a fragment of their text
PROBLEMS = (
    ("that cannot start any token", "yaml_cannot_start"),
    ("mapping values are not allowed here", "yaml_colon_here"),
    ("could not find expected ':'", "yaml_colon_expected"),
    ("found unexpected ':'", "yaml_colon_unexpected"),
    ("found unexpected end of stream", "yaml_end_of_file"),
    ("found unknown escape character", "yaml_unknown_escape"),
    ("expected alphabetic or numeric character", "yaml_bad_name"),
    ("entries are not allowed here", "yaml_dash_here"),
    ("tab character", "yaml_tab"),
    ("expected a comment or a line break", "yaml_comment_expected"),
    ("expected ',' or ']'", "yaml_comma_or_bracket"),
    ("expected ',' or '}'", "yaml_comma_or_brace"),
    ("expected <block end>", "yaml_indentation"),
    ("expected <document start>", "yaml_one_document"),
    ("expected a single document", "yaml_one_document_dashes"),
    ("expected the node content", "yaml_value_expected"),
    ("did not find expected", "yaml_value_expected"),
    ("found undefined alias", "yaml_unknown_alias"),
    ("found duplicate anchor", "yaml_duplicate_anchor"),
    ("tag handle", "yaml_unknown_tag"),
    ("could not determine a constructor", "yaml_tag_refused"),
    ("found unhashable key", "yaml_unhashable_key"),
    ("expected a mapping", "yaml_merge_needs_mapping"),
    ("special characters are not allowed", "yaml_special_character"),
)


def reason(problem: str, lang: str = "fr") -> str:
    """One of PyYAML's problems, said in `lang`."""
    for fragment, key in PROBLEMS:
        if fragment in problem:
            return say(key, lang)
    return say("yaml_syntax", lang)


def _from_yaml_error(exc: yaml.YAMLError, text: str, lang: str) -> YamlError:
    if isinstance(exc, yaml.reader.ReaderError):
        pos = exc.position
        line, column = text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
        if not isinstance(exc.character, int):
            return YamlError(say("yaml_bad_bytes", lang), lang=lang)
        return YamlError(say("yaml_forbidden_character", lang, code=f"{exc.character:04X}"), line, column, lang)
    if isinstance(exc, _Refused):
        values = {k: number(v, lang) if isinstance(v, int) else v for k, v in exc.values.items()}
        said = say(exc.key, lang, **values)
    else:
        said = reason(f"{getattr(exc, 'context', None) or ''} {getattr(exc, 'problem', None) or ''}", lang)
    mark = getattr(exc, "problem_mark", None)
    return YamlError(said, mark.line + 1, mark.column + 1, lang) if mark else YamlError(said, lang=lang)


def load(text: str, loader: type[yaml.SafeLoader] = NoAliasLoader, lang: str = "fr"):
    """The data in one YAML document, or YamlError (in `lang`) — never another exception."""
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise _from_yaml_error(exc, text, lang) from None
    except RecursionError:
        raise YamlError(say("yaml_too_deep", lang), lang=lang) from None
    except (ValueError, OverflowError, TypeError):  # a date like 2024-13-45, an integer of 5000 digits…
        raise YamlError(say("yaml_unreadable_value", lang), lang=lang) from None
