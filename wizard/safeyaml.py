"""YAML read safely and explained in French.

YAML aliases let 600 bytes stand for billions of values (« billion laughs »): the
composer shares the node, but everything that walks the result afterwards — pydantic,
the condition checker — pays for every copy. Questionnaires and the vocabulary have
no use for aliases, so `NoAliasLoader` refuses them where they appear (line,
column). The knowledge base does use a few anchors (maturity.yaml shares its level
names), so `BoundedLoader` lets them through but refuses a document whose expanded
size passes `MAX_EXPANDED_NODES`, or an alias inside its own anchor.

PyYAML's messages are English; `YamlError` carries a French one and the position.
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from wizard.formatting import number

MAX_EXPANDED_NODES = 100_000  # the largest knowledge file expands to about 4 000
NBSP = "\u00a0"


@dataclass
class YamlError(Exception):
    """Unreadable YAML: a French reason and, when known, where (1-based)."""

    reason: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = f"ligne {self.line}, colonne {self.column}{NBSP}: " if self.line else ""
        return f"{where}{self.reason}"


class _Refused(yaml.YAMLError):
    def __init__(self, reason: str, mark):
        super().__init__(reason)
        self.reason, self.problem_mark = reason, mark


class NoAliasLoader(yaml.SafeLoader):
    """SafeLoader whose composer refuses aliases (*name) as soon as it meets one."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(f"alias YAML «{NBSP}*{event.anchor}{NBSP}» refusé{NBSP}: "
                           "recopiez la valeur au lieu d’y renvoyer", event.start_mark)
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
                raise _Refused(f"les alias YAML de ce document le font dépasser {number(limit)} valeurs",
                               node.start_mark)
            continue
        if key in sizes:
            continue
        open_nodes.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in open_nodes:
                raise _Refused("alias YAML renvoyant à sa propre ancre (boucle sans fin)", child.start_mark)
            if id(child) not in sizes:
                stack.append((child, False))


# PyYAML's problems (scanner, parser, composer, constructor), by a fragment of their text
PROBLEMS = (
    ("that cannot start any token", "caractère qui ne peut pas commencer une valeur (une tabulation{NBSP}?)"),
    ("mapping values are not allowed here", "«{NBSP}:{NBSP}» inattendu ici (mettez entre guillemets un texte qui en contient)"),
    ("could not find expected ':'", "«{NBSP}:{NBSP}» attendu"),
    ("found unexpected ':'", "«{NBSP}:{NBSP}» inattendu"),
    ("found unexpected end of stream", "fin du fichier inattendue (guillemet ou crochet non fermé{NBSP}?)"),
    ("found unknown escape character", "séquence d’échappement inconnue après \\"),
    ("expected alphabetic or numeric character", "nom d’ancre, d’alias ou d’étiquette incorrect"),
    ("entries are not allowed here", "«{NBSP}-{NBSP}» inattendu ici (indentation{NBSP}?)"),
    ("tab character", "tabulation à la place d’une indentation (utilisez des espaces)"),
    ("expected a comment or a line break", "commentaire ou fin de ligne attendu"),
    ("expected ',' or ']'", "«{NBSP},{NBSP}» ou «{NBSP}]{NBSP}» attendu"),
    ("expected ',' or '}'", "«{NBSP},{NBSP}» ou «{NBSP}}}{NBSP}» attendu"),
    ("expected <block end>", "indentation incohérente"),
    ("expected <document start>", "un seul document YAML attendu"),
    ("expected a single document", "un seul document YAML attendu (retirez «{NBSP}---{NBSP}»)"),
    ("expected the node content", "valeur attendue"),
    ("did not find expected", "valeur attendue"),
    ("found undefined alias", "alias vers une ancre inconnue"),
    ("found duplicate anchor", "ancre en double"),
    ("tag handle", "étiquette YAML inconnue"),
    ("could not determine a constructor", "étiquette YAML non permise (!!…)"),
    ("found unhashable key", "clé non permise (une liste ou un objet ne peut pas servir de clé)"),
    ("expected a mapping", "«{NBSP}<<{NBSP}» attend un objet"),
    ("special characters are not allowed", "caractère spécial interdit"),
)


def reason(problem: str) -> str:
    """French for one of PyYAML's problems."""
    for fragment, french in PROBLEMS:
        if fragment in problem:
            return french.format(NBSP=NBSP)
    return "syntaxe YAML incorrecte"


def _from_yaml_error(exc: yaml.YAMLError, text: str) -> YamlError:
    if isinstance(exc, yaml.reader.ReaderError):
        pos = exc.position
        line, column = text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
        if not isinstance(exc.character, int):
            return YamlError("octets illisibles (pas du texte UTF-8)")
        return YamlError(f"caractère interdit (U+{exc.character:04X})", line, column)
    if isinstance(exc, _Refused):
        said = exc.reason
    else:
        said = reason(f"{getattr(exc, 'context', None) or ''} {getattr(exc, 'problem', None) or ''}")
    mark = getattr(exc, "problem_mark", None)
    return YamlError(said, mark.line + 1, mark.column + 1) if mark else YamlError(said)


def load(text: str, loader: type[yaml.SafeLoader] = NoAliasLoader):
    """The data in one YAML document, or YamlError (in French) — never another exception."""
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 — both loaders are SafeLoader subclasses
    except yaml.YAMLError as exc:
        raise _from_yaml_error(exc, text) from None
    except RecursionError:
        raise YamlError("imbrication trop profonde (des listes ou des objets sur des centaines de niveaux)") from None
    except (ValueError, OverflowError, TypeError):  # a date like 2024-13-45, an integer of 5000 digits…
        raise YamlError("valeur illisible (une date impossible, un nombre démesuré{NBSP}?)".format(NBSP=NBSP)) from None
