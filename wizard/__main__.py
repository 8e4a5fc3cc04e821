"""Command line, same pipeline as the app.

    python -m wizard schema                     the Profile's JSON Schema
    python -m wizard validate [FILE ...]        check questionnaire files (default: the shipped ones) and the knowledge base
    python -m wizard strategy PROFILE.json [--date YYYY-MM-DD] [--lang fr|en]   the Strategy as JSON on stdout
    python -m wizard report PROFILE.json -o OUT.pdf [--kind strategy|brief] [--format pdf|docx] [--date YYYY-MM-DD] [--lang fr|en]
    python -m wizard db upgrade                 migrate the database (DATABASE_URL, else data/cap-reseaux.sqlite)

Language: French by default. `--lang en` (on `strategy` and `report`) gives the strategy,
the document and every message in English; the environment variable CAP_LANG=en does the
same for every command (messages, --help, usage errors), and an explicit `--lang fr` wins
over it. The texts are in wizard/catalogue/cli.yaml, errors.yaml and validate.yaml.

Bad input exits non-zero with one clear line per problem, never a traceback: files
are bounded (wizard.inputs), YAML aliases refused (wizard.safeyaml), every message is
in the chosen language and echoes what it was given with control characters escaped.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from wizard import errors, inputs
from wizard.formatting import number
from wizard.i18n import phrases
from wizard.profile import Profile
from wizard.textclean import escape_controls

MAX_PROFILE_ERRORS = 3  # messages shown on the one line of a refused profile
MAX_LINES_PER_FILE = 20  # errors, then warnings, printed for one questionnaire
say = phrases("cli")


def env_lang() -> str:
    """CAP_LANG=en: English for every command; unset or anything else: French."""
    return "en" if os.environ.get("CAP_LANG", "").strip().lower() == "en" else "fr"


def argv_lang(argv: list[str]) -> str:
    """The language of the command line before argparse reads it (for --help and usage
    errors): `--lang en` / `--lang=en` when given, else CAP_LANG's."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("fr", "en"):
            return argv[i + 1]
        if arg in ("--lang=fr", "--lang=en"):
            return arg.split("=", 1)[1]
    return env_lang()


def _schema(_args) -> int:
    print(json.dumps(Profile.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


class CliError(Exception):
    """Bad input: one clear line for the person, exit code 1 or 2."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def read_profile(path: str, lang: str = "fr"):
    """The Profile in a JSON file of at most inputs.MAX_FILE_BYTES, or CliError (one line, in `lang`)."""
    from wizard.profile import ProfileError, parse_profile
    try:
        data = inputs.read_json(path, lang=lang)
    except inputs.InputError as exc:
        raise CliError(say("file_said", lang, file=path, reason=exc)) from None
    try:
        return parse_profile(data, lang)
    except ProfileError as exc:
        problems = errors.summarize(exc.messages, MAX_PROFILE_ERRORS, lang)
        raise CliError(say("profile_refused", lang, file=path, problems=problems)) from None


def parse_date(text: str | None, lang: str = "fr"):
    from datetime import date
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(say("bad_date", lang, given=text), 2) from None


def _strategy(args) -> int:
    from wizard.engine import build_strategy
    from wizard.knowledge import default
    profile = read_profile(args.profile, args.lang)
    strategy = build_strategy(profile, default(), parse_date(args.date, args.lang), lang=args.lang)
    print(strategy.model_dump_json(indent=2))
    return 0


def _report(args) -> int:
    from wizard.documents import export
    from wizard.engine import build_strategy
    from wizard.knowledge import default
    lang = args.lang
    folder = Path(args.output) if args.output and Path(args.output).is_dir() else None
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output and not folder else "pdf")
    if fmt not in export.FORMATS:
        raise CliError(say("unknown_format", lang, given=fmt, formats=", ".join(export.FORMATS)), 2)
    profile = read_profile(args.profile, lang)
    day = parse_date(args.date, lang)
    out = Path(args.output) if args.output and not folder else (folder or Path(".")) / export.file_name(
        args.kind, fmt, profile.structure.name, day, lang)  # -o FOLDER: the usual file name inside it
    if not out.parent.is_dir():  # said before the document is built, not after
        raise CliError(say("cannot_write", lang, file=escape_controls(str(out)), reason=inputs.say("folder_not_found", lang)))
    strategy = build_strategy(profile, default(), day, lang=lang)
    data = export.render(args.kind, fmt, strategy, profile)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise CliError(say("cannot_write", lang, file=out, reason=inputs.write_reason(exc, lang))) from None
    print(say("written", lang, file=escape_controls(str(out)), size=len(data) // 1024 + 1))
    return 0


def _validate(args) -> int:
    from wizard.questionnaire.load import check_file, shipped_files
    lang = args.lang
    if not args.files:
        from wizard.knowledge import check
        _, problems = check(lang=lang)
        for problem in problems:
            say_line("error", problem, lang)
        if not problems:
            print(say("knowledge_valid", lang))
        elif not shipped_files():
            return 1
        knowledge_errors = len(problems)
    else:
        knowledge_errors = 0
    files = [Path(f) for f in args.files] or shipped_files()
    if not files:
        say_line("error", say("nothing_to_check", lang), lang)
        return 1
    errors_found = 0
    for f in files:
        report = check_file(f, lang)
        _say_some("error", report.errors, f, lang)
        _say_some("warning", report.warnings, f, lang)
        errors_found += len(report.errors)
        if report.ok:
            n = len(report.questionnaire.questions)
            print(say("questionnaire_valid", lang, file=escape_controls(str(f)), n=n))
    return 1 if errors_found or knowledge_errors else 0


def say_line(kind: str, message: object, lang: str = "fr") -> None:
    """One line on stderr (`kind`: "error" or "warning"): whatever it echoes, control
    characters are shown escaped."""
    print(say("line", lang, kind=say(kind, lang), message=escape_controls(str(message))), file=sys.stderr)


def _say_some(kind: str, problems: list, file: Path, lang: str) -> None:
    """The first MAX_LINES_PER_FILE problems, then how many more, so a broken file cannot flood."""
    for p in problems[:MAX_LINES_PER_FILE]:
        say_line(kind, p, lang)
    rest = len(problems) - MAX_LINES_PER_FILE
    if rest > 0:
        more = "more_errors" if kind == "error" else "more_warnings"
        say_line(kind, say(more, lang, file=file, n=number(rest, lang)), lang)


# argparse's usage errors (English, Python 3.11 wording), by regular expression: the catalogue
# key and the names of the groups it fills
_USAGE = (
    (r"the following arguments are required: (.+)", "usage_required", ("args",)),
    (r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.+)\)", "usage_choice", ("option", "given", "choices")),
    (r"unrecognized arguments: (.+)", "usage_unknown", ("args",)),
    (r"argument (\S+): expected .*argument", "usage_value_expected", ("option",)),
    (r"ambiguous option: (\S+) could match (.+)", "usage_ambiguous", ("option", "matches")),
    (r"argument (\S+): .+", "usage_refused", ("option",)),
)


def usage_said(message: str, lang: str = "fr") -> str:
    """An argparse error message in `lang`; the names of arguments and options stay as typed."""
    import re
    for pattern, key, names in _USAGE:
        found = re.fullmatch(pattern, message)
        if found:
            parts = [g.replace("'", "").replace("command", say("command_word", lang)) for g in found.groups()]
            return say(key, lang, **dict(zip(names, parts)))
    return say("usage_wrong", lang)


def _db(args) -> int:
    """Bring the database (DATABASE_URL, or the SQLite file under data/) to the newest schema."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from wizard.store import StoreError, database_url, make_engine
    from wizard.store.migrate import current
    lang = args.lang
    url = database_url()
    try:
        shown = make_url(url).render_as_string(hide_password=True)
        engine = make_engine(url)
    except StoreError as exc:
        if exc.kind == "unsupported":
            raise CliError(say("db_unsupported", lang, scheme=escape_controls(exc.detail))) from None
        what = {"read_only": say("db_read_only", lang), "unavailable": say("db_unavailable", lang)}.get(exc.kind, exc.kind)
        raise CliError(say("db_problem", lang, url=shown, what=what, detail=escape_controls(exc.detail))) from None
    except ArgumentError:  # not even a URL
        raise CliError(say("db_unsupported", lang, scheme=escape_controls(url[:40]))) from None
    with engine.connect() as conn:
        revision = current(conn)
    engine.dispose()
    print(say("db_up_to_date", lang, url=shown, revision=revision))
    return 0


def _purge(args) -> int:
    """Delete what the retention period no longer allows to keep (CAP_RETENTION_MONTHS, 12)."""
    from wizard.store import SessionStore, StoreError, database_url, make_engine
    from wizard.store.retention import purge, retention_months
    lang = args.lang
    try:
        months = retention_months()
        engine = make_engine(database_url())
        count = purge(SessionStore(engine), months)
    except StoreError as exc:
        if exc.kind == "retention":
            raise CliError(say("purge_bad_months", lang, value=escape_controls(exc.detail))) from None
        raise CliError(say("db_unavailable" if exc.kind != "read_only" else "db_read_only", lang)) from None
    engine.dispose()
    print(say({0: "purged_none", 1: "purged_one"}.get(count, "purged"), lang, n=count, months=months))
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line in the command line's language (« erreur : … »),
    like every other error here."""

    lang = "fr"

    def error(self, message: str):
        said = escape_controls(usage_said(message, self.lang))
        self.exit(2, say("usage_line", self.lang, prog=self.prog, said=said) + "\n")


def _parser(lang: str) -> argparse.ArgumentParser:
    """The command line, its --help and its usage errors in `lang` (subparsers share the class)."""
    parser_class = type("Parser", (_Parser,), {"lang": lang})

    def h(key: str) -> str:  # the --help texts, in `lang`
        return say(key, lang)

    parser = parser_class(prog="python -m wizard", description=h("help_description"))
    parser.set_defaults(lang=lang)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("schema", help=h("help_schema")).set_defaults(run=_schema)
    v = sub.add_parser("validate", help=h("help_validate"))
    v.add_argument("files", nargs="*", help=h("help_files"))
    v.set_defaults(run=_validate)
    s = sub.add_parser("strategy", help=h("help_strategy"))
    s.add_argument("profile", help=h("help_profile"))
    s.add_argument("--date", help=h("help_date"))
    s.add_argument("--lang", choices=["fr", "en"], default=env_lang(), help=h("help_lang"))
    s.set_defaults(run=_strategy)
    r = sub.add_parser("report", help=h("help_report"))
    r.add_argument("profile", help=h("help_profile"))
    r.add_argument("-o", "--output", help=h("help_output"))
    r.add_argument("--kind", choices=["strategy", "brief"], default="strategy", help=h("help_kind"))
    r.add_argument("--format", choices=["pdf", "docx"], help=h("help_format"))
    r.add_argument("--date", help=h("help_date"))
    r.add_argument("--lang", choices=["fr", "en"], default=env_lang(), help=h("help_lang"))
    r.set_defaults(run=_report)
    d = sub.add_parser("db", help=h("help_db"))
    d.add_argument("action", choices=["upgrade"], help=h("help_db_action"))
    d.set_defaults(run=_db)
    sub.add_parser("purge", help=h("help_purge")).set_defaults(run=_purge)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = argv_lang(argv)
    args = _parser(lang).parse_args(argv)
    lang = args.lang
    try:
        return args.run(args)
    except CliError as exc:
        say_line("error", exc, lang)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… | head`: the reader has gone, nothing left to say
        _silence_stdout()
        return 1
    except RecursionError:
        say_line("error", say("too_deep", lang), lang)
        return 1
    except MemoryError:
        say_line("error", say("out_of_memory", lang), lang)
        return 1
    except Exception as exc:  # last resort: one line, never a traceback
        say_line("error", say("internal", lang, name=exc.__class__.__name__), lang)
        return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
