"""Reading the files people hand to the command line: bounded, and told in French.

A profile or a questionnaire is a few kilobytes; a file of several megabytes is a
mistake (or a trap), and reading it whole before saying so would be slow. So the
size is checked before the text is read, JSON is parsed with its errors translated
(CPython's json speaks English), and nesting too deep for the parser is one clear
line rather than a RecursionError.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from wizard.formatting import number

MAX_FILE_BYTES = 2 * 1024 * 1024
NBSP = "\u00a0"


class InputError(ValueError):
    """A file we cannot use, with one French sentence saying why (without the file name)."""


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "fichier introuvable"
    if isinstance(exc, IsADirectoryError):
        return "c’est un dossier, pas un fichier"
    if isinstance(exc, PermissionError):
        return "lecture refusée (droits d’accès)"
    return "fichier illisible"


def write_reason(exc: OSError) -> str:
    """Why a file could not be written, in French (strerror is the C library's English)."""
    if isinstance(exc, FileNotFoundError):
        return "dossier introuvable"
    if isinstance(exc, IsADirectoryError):
        return "c’est un dossier"
    if isinstance(exc, PermissionError):
        return "droits d’accès insuffisants"
    return "le système a refusé l’écriture (disque plein{NBSP}?)".format(NBSP=NBSP)


def _too_big(limit: int) -> InputError:
    return InputError(f"fichier trop gros{NBSP}: plus de {number(limit // 1024)}{NBSP}Ko, "
                      "la limite pour un profil ou un questionnaire")


def read_text(path: str | os.PathLike, limit: int = MAX_FILE_BYTES, encoding: str = "utf-8") -> str:
    """The file's text, or InputError: missing, a folder, unreadable, not UTF-8, or over `limit` bytes.

    The size is looked at before reading, and the read itself stops at limit + 1 bytes
    (a pipe or a device has no size to look at)."""
    try:
        with open(Path(path), "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise _too_big(limit)
            data = f.read(limit + 1)
    except OSError as exc:
        raise InputError(_os_reason(exc)) from None
    if len(data) > limit:
        raise _too_big(limit)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"fichier illisible{NBSP}: ce n’est pas du texte UTF-8 (octet n°{NBSP}{exc.start + 1})") from None


# CPython's json messages (json/decoder.py and Modules/_json.c), by their first words
JSON_MESSAGES = (
    ("Expecting value", "valeur attendue"),
    ("Expecting property name enclosed in double quotes", "nom de champ entre guillemets droits \" attendu"),
    ("Expecting ':' delimiter", "«\u00a0:\u00a0» attendu"),
    ("Expecting ',' delimiter", "«\u00a0,\u00a0» attendu"),
    ("Unterminated string starting at", "texte non fermé (guillemet \" manquant)"),
    ("Invalid control character", "caractère de contrôle dans un texte (écrivez \\n ou \\t)"),
    ("Invalid \\uXXXX escape", "séquence \\uXXXX incorrecte"),
    ("Invalid \\escape", "séquence d’échappement inconnue après \\"),
    ("Extra data", "du contenu après la fin de l’objet JSON"),
    ("Illegal trailing comma", "virgule en trop avant la fin"),
    ("Unexpected UTF-8 BOM", "marque BOM en tête du texte"),
)


def json_reason(msg: str) -> str:
    """French for one of CPython's json error messages."""
    for prefix, french in JSON_MESSAGES:
        if msg.startswith(prefix):
            return french
    return "syntaxe JSON incorrecte"


def loads_json(text: str) -> object:
    """json.loads, or InputError in French naming the line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON invalide ligne {exc.lineno}, colonne {exc.colno}{NBSP}: {json_reason(exc.msg)}") from None
    except RecursionError:
        raise InputError("JSON trop imbriqué (des listes ou des objets les uns dans les autres, "
                         "sur des centaines de niveaux)") from None
    except ValueError:  # CPython refuses integers of more than 4300 digits
        raise InputError("JSON invalide\u00a0: un nombre a trop de chiffres") from None


def read_json(path: str | os.PathLike, limit: int = MAX_FILE_BYTES) -> object:
    """The JSON in a file (a UTF-8 byte order mark is tolerated), or InputError."""
    return loads_json(read_text(path, limit, encoding="utf-8-sig"))
