"""One catalogue (wizard/catalogue/*.yaml, read by wizard/i18n.py): every key in French and
English, every key used, and no French sentence left in wizard/ Python code outside it.

« Used » and « French sentence » are decided by an AST scan of wizard/**/*.py:
- a key of catalogue file F is used when a module that reads F (through phrases("F"),
  table("F", …) or text("F", …), or imports the lookup such a module binds) holds the key
  as a string constant, or an f-string whose fixed start is a prefix of the key;
- a string constant (docstrings aside) is a French sentence when it holds two words of
  FRENCH_WORDS, or one of them and a French letter (é, è, à, ç…). The parsers' own word
  lists (what people may type) are data of the grammar, not texts people read: the modules
  that hold them are listed in GRAMMAR, and so are the documents' grammar word lists
  (articles that decide « la Mission Locale », function words that keep a lower case);
- a renderer package (wizard/documents/pdf, docx) passes the words it reads along its own
  modules: a key its package holds is used.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from wizard.i18n import CATALOGUE, LANGS, catalogue

ROOT = Path(__file__).resolve().parents[1]
WIZARD = ROOT / "wizard"
DOCUMENTS = WIZARD / "documents"
FRENCH_WORDS = {"le", "la", "les", "des", "du", "une", "est", "sont", "vous", "votre", "vos", "nous", "notre",
                "pour", "avec", "dans", "sur", "pas", "aucun", "aucune", "réseau", "réseaux", "jeunes", "semaine",
                "heures", "erreur", "fichier", "doit", "être", "question", "réponse", "valeur", "inconnu",
                "inconnue", "attendu", "caractères", "ligne", "colonne", "entre", "plus", "moins", "au", "aux"}
FRENCH_LETTERS = re.compile(r"[éèêëàâçùûôîïœÉÈÀÇ]")
WORD = re.compile(r"[a-zA-ZÀ-ÿœ’']+")
GRAMMAR = {"wizard/questionnaire/freetext",  # what people may type
           "wizard/documents/brief/names.py", "wizard/documents/grammar.py"}  # articles and function words


def python_files():
    return sorted(p for p in WIZARD.rglob("*.py") if "__pycache__" not in p.parts)


def docstring_nodes(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
                out.add(id(body[0].value))
    return out


def constants(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


def is_french(text: str) -> bool:
    # the product's name is no French sentence, in any case; distinct words: « du » twice is one word
    text = re.sub("cap réseaux", "", text, flags=re.IGNORECASE)
    hits = len({w.lower() for w in WORD.findall(text)} & FRENCH_WORDS)
    return hits >= 2 or (hits >= 1 and bool(FRENCH_LETTERS.search(text)))


def test_every_key_has_both_languages():
    assert CATALOGUE.is_dir() and list(CATALOGUE.glob("*.yaml"))
    for area, entries in catalogue().items():
        for key, entry in entries.items():
            assert isinstance(key, str), (area, key)  # a YAML boolean key (yes, no) would be lost
            for lang in LANGS:
                assert isinstance(entry.get(lang), str) and entry[lang].strip(), (area, key, lang)


def _readers() -> dict[str, set[Path]]:
    """Catalogue file -> the modules that read it (directly, or through a lookup they import)."""
    direct: dict[str, set[Path]] = {}
    binders: dict[str, set[str]] = {}  # module dotted name -> areas it binds
    for path in python_files() + [ROOT / "app.py"]:
        source = path.read_text(encoding="utf-8")
        for area in re.findall(r"""(?:phrases|table|text)\(\s*["']([a-z_]+)["']""", source):
            direct.setdefault(area, set()).add(path)
            rel = path.relative_to(ROOT).with_suffix("")
            binders.setdefault(".".join(rel.parts), set()).add(area)
    readers = {area: set(paths) for area, paths in direct.items()}
    for path in python_files() + [ROOT / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in binders:
                for area in binders[node.module]:
                    readers.setdefault(area, set()).add(path)
    for area, paths in readers.items():  # a renderer passes its words along its own package
        for package in {p.parent for p in paths if p.parent.parent == DOCUMENTS}:
            paths |= set(package.glob("*.py"))
    return readers


def _used(paths: set[Path]) -> tuple[set[str], list[str]]:
    consts, prefixes = set(), []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                consts.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                if len(node.values[0].value) >= 2:
                    prefixes.append(node.values[0].value)
    return consts, prefixes


def test_every_key_is_used():
    readers = _readers()
    unused = []
    for area, entries in catalogue().items():
        assert area in readers, f"catalogue/{area}.yaml: no module reads it"
        consts, prefixes = _used(readers[area])
        for key in entries:
            if key not in consts and not any(key.startswith(p) for p in prefixes):
                unused.append(f"{area}.{key}")
    assert unused == []


def french_literals() -> list[str]:
    out = []
    for path in python_files():
        rel = path.relative_to(ROOT).as_posix()
        if any(rel.startswith(g) for g in GRAMMAR):
            continue
        for line, value in constants(path):
            if is_french(value):
                out.append(f"{rel}:{line}: {value[:60]!r}")
    return out


def test_no_french_sentence_left_in_python_code():
    assert french_literals() == []


@pytest.mark.parametrize("sample, french", [
    ("Votre réponse a été enregistrée", True), ("les jeunes", True), ("Cap Réseaux", False),
    ("chat_state", False), ("https://example.org", False), ("[{sources}]", False), ("Facebook", False),
    ("Ask your CAF about Promeneurs du Net, the Promeneurs du Net scheme", False),
    ("Add a question at reception: this indicator is Cap Réseaux’s own", False),
])
def test_the_french_detector(sample, french):
    assert is_french(sample) is french
