"""Reading the files people hand to the command line: bounded, and told in French or English.

A profile or a questionnaire is a few kilobytes; a file of several megabytes is a
mistake (or a trap), and reading it whole before saying so would be slow. So the
size is checked before the text is read, JSON is parsed with its errors translated
(CPython's json speaks English, and not the words of our readers), and nesting too
deep for the parser is one clear line rather than a RecursionError. The sentences are
in wizard/catalogue/errors.yaml; every reader takes `lang` ("fr" by default).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from wizard.formatting import number
from wizard.i18n import phrases

MAX_FILE_BYTES = 2 * 1024 * 1024
say = phrases("errors")


class InputError(ValueError):
    """A file we cannot use, with one sentence saying why (without the file name)."""


def _os_reason(exc: OSError, lang: str) -> str:
    if isinstance(exc, FileNotFoundError):
        return say("file_not_found", lang)
    if isinstance(exc, IsADirectoryError):
        return say("is_a_folder", lang)
    if isinstance(exc, PermissionError):
        return say("read_denied", lang)
    return say("unreadable_file", lang)


def write_reason(exc: OSError, lang: str = "fr") -> str:
    """Why a file could not be written (strerror is the C library's English)."""
    if isinstance(exc, FileNotFoundError):
        return say("folder_not_found", lang)
    if isinstance(exc, IsADirectoryError):
        return say("write_to_folder", lang)
    if isinstance(exc, PermissionError):
        return say("write_denied", lang)
    return say("write_refused", lang)


def _too_big(limit: int, lang: str) -> InputError:
    return InputError(say("too_big", lang, size=number(limit // 1024, lang)))


def read_text(path: str | os.PathLike, limit: int = MAX_FILE_BYTES, encoding: str = "utf-8",
              lang: str = "fr") -> str:
    """The file's text, or InputError: missing, a folder, unreadable, not UTF-8, or over `limit` bytes.

    The size is looked at before reading, and the read itself stops at limit + 1 bytes
    (a pipe or a device has no size to look at)."""
    try:
        if Path(path).exists() and not Path(path).is_file() and not Path(path).is_dir():
            raise InputError(say("not_a_regular_file", lang))  # a FIFO or a device would block or never end
        with open(Path(path), "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise _too_big(limit, lang)
            data = f.read(limit + 1)
    except OSError as exc:
        raise InputError(_os_reason(exc, lang)) from None
    if len(data) > limit:
        raise _too_big(limit, lang)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(say("not_utf8", lang, n=exc.start + 1)) from None


# CPython's json messages (json/decoder.py and Modules/_json.c), by their first words
JSON_MESSAGES = (
    ("Expecting value", "json_value_expected"),
    ("Expecting property name enclosed in double quotes", "json_name_expected"),
    ("Expecting ':' delimiter", "json_colon_expected"),
    ("Expecting ',' delimiter", "json_comma_expected"),
    ("Unterminated string starting at", "json_unterminated"),
    ("Invalid control character", "json_control_character"),
    ("Invalid \\uXXXX escape", "json_bad_unicode_escape"),
    ("Invalid \\escape", "json_unknown_escape"),
    ("Extra data", "json_extra_data"),
    ("Illegal trailing comma", "json_trailing_comma"),
    ("Unexpected UTF-8 BOM", "json_bom"),
)


def json_reason(msg: str, lang: str = "fr") -> str:
    """One of CPython's json error messages, in `lang`."""
    for prefix, key in JSON_MESSAGES:
        if msg.startswith(prefix):
            return say(key, lang)
    return say("json_syntax", lang)


def loads_json(text: str, lang: str = "fr") -> object:
    """json.loads, or InputError naming the line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(say("invalid_json", lang, line=exc.lineno, column=exc.colno,
                             reason=json_reason(exc.msg, lang))) from None
    except RecursionError:
        raise InputError(say("json_too_deep", lang)) from None
    except ValueError:  # CPython refuses integers of more than 4300 digits
        raise InputError(say("json_too_many_digits", lang)) from None


def read_json(path: str | os.PathLike, limit: int = MAX_FILE_BYTES, lang: str = "fr") -> object:
    """The JSON in a file (a UTF-8 byte order mark is tolerated), or InputError."""
    return loads_json(read_text(path, limit, encoding="utf-8-sig", lang=lang), lang)
