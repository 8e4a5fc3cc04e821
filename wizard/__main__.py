"""Command line, same pipeline as the app.

    python -m wizard schema                     the Profile's JSON Schema
    python -m wizard validate [FILE ...]        check questionnaire files (default: the shipped ones) and the knowledge base
    python -m wizard strategy PROFILE.json [--date YYYY-MM-DD]   the Strategy as JSON on stdout
    python -m wizard report PROFILE.json -o OUT.pdf [--kind strategy|brief] [--format pdf|docx] [--date YYYY-MM-DD]
    python -m wizard db upgrade                 migrate the database (DATABASE_URL, else data/cap-reseaux.sqlite)

Bad input exits non-zero with one clear line per problem, never a traceback: files
are bounded (wizard.inputs), YAML aliases refused (wizard.safeyaml), every message is
French and echoes what it was given with control characters escaped.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from wizard import errors_fr, inputs
from wizard.formatting import number
from wizard.profile import Profile
from wizard.textclean import escape_controls

MAX_PROFILE_ERRORS = 3  # messages shown on the one line of a refused profile
MAX_LINES_PER_FILE = 20  # errors, then warnings, printed for one questionnaire


def _schema(_args) -> int:
    print(json.dumps(Profile.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


class CliError(Exception):
    """Bad input: one clear line for the person, exit code 1 or 2."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def read_profile(path: str):
    """The Profile in a JSON file of at most inputs.MAX_FILE_BYTES, or CliError (one line)."""
    from wizard.profile import ProfileError, parse_profile
    try:
        data = inputs.read_json(path)
    except inputs.InputError as exc:
        raise CliError(f"{path}\u00a0: {exc}") from None
    try:
        return parse_profile(data)
    except ProfileError as exc:
        raise CliError(f"{path}\u00a0: profil refusé\u00a0: "
                       + errors_fr.summarize(exc.messages, MAX_PROFILE_ERRORS)) from None


def parse_date(text: str | None):
    from datetime import date
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--date\u00a0: «\u00a0{text}\u00a0» n’est pas une date AAAA-MM-JJ", 2) from None


def _strategy(args) -> int:
    from wizard.engine import build_strategy
    from wizard.knowledge import default
    profile = read_profile(args.profile)
    strategy = build_strategy(profile, default(), parse_date(args.date), lang=args.lang)
    print(strategy.model_dump_json(indent=2))
    return 0


def _report(args) -> int:
    from wizard.documents import export
    from wizard.engine import build_strategy
    from wizard.knowledge import default
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "pdf")
    if fmt not in export.FORMATS:
        raise CliError(f"--format\u00a0: «\u00a0{fmt}\u00a0» inconnu (possibles\u00a0: {', '.join(export.FORMATS)})", 2)
    profile = read_profile(args.profile)
    day = parse_date(args.date)
    strategy = build_strategy(profile, default(), day, lang=args.lang)
    data = export.render(args.kind, fmt, strategy, profile)
    out = Path(args.output or export.file_name(args.kind, fmt, profile.structure.name, day, args.lang))
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise CliError(f"{out}\u00a0: écriture impossible ({inputs.write_reason(exc)})") from None
    print(f"{escape_controls(str(out))} ({len(data) // 1024 + 1}\u00a0Ko)")
    return 0


def _validate(args) -> int:
    from wizard.questionnaire.load import check_file, shipped_files
    if not args.files:
        from wizard.knowledge import check
        _, problems = check()
        for problem in problems:
            say("erreur", problem)
        if not problems:
            print("wizard/knowledge\u00a0: base de connaissances valide")
        elif not shipped_files():
            return 1
        knowledge_errors = len(problems)
    else:
        knowledge_errors = 0
    files = [Path(f) for f in args.files] or shipped_files()
    if not files:
        say("erreur", "aucun questionnaire à vérifier")
        return 1
    errors = 0
    for f in files:
        report = check_file(f)
        _say_some("erreur", report.errors, f)
        _say_some("avertissement", report.warnings, f)
        errors += len(report.errors)
        if report.ok:
            print(f"{escape_controls(str(f))}\u00a0: {len(report.questionnaire.questions)} questions, valide")
    return 1 if errors or knowledge_errors else 0


def say(kind: str, message: object) -> None:
    """One line on stderr: whatever it echoes, control characters are shown escaped."""
    print(f"{kind}\u00a0: {escape_controls(str(message))}", file=sys.stderr)


def _say_some(kind: str, problems: list, file: Path) -> None:
    """The first MAX_LINES_PER_FILE problems, then how many more, so a broken file cannot flood."""
    for p in problems[:MAX_LINES_PER_FILE]:
        say(kind, p)
    rest = len(problems) - MAX_LINES_PER_FILE
    if rest > 0:
        noun = "erreurs" if kind == "erreur" else "avertissements"
        say(kind, f"{file}\u00a0: … et {number(rest)} autres {noun}")


# argparse's usage errors (English, Python 3.11 wording) -> French, by regular expression
_USAGE_FR = (
    (r"the following arguments are required: (.+)", "argument obligatoire manquant\u00a0: {0}"),
    (r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.+)\)",
     "{0}\u00a0: «\u00a0{1}\u00a0» n’est pas un choix possible (possibles\u00a0: {2})"),
    (r"unrecognized arguments: (.+)", "argument inconnu\u00a0: {0}"),
    (r"argument (\S+): expected .*argument", "{0}\u00a0: une valeur est attendue après l’option"),
    (r"ambiguous option: (\S+) could match (.+)", "option ambiguë\u00a0: {0} (peut désigner {1})"),
    (r"argument (\S+): .+", "{0}\u00a0: valeur refusée"),
)


def usage_fr(message: str) -> str:
    """French for an argparse error message; the names of arguments and options stay as typed."""
    import re
    for pattern, french in _USAGE_FR:
        found = re.fullmatch(pattern, message)
        if found:
            parts = [g.replace("'", "").replace("command", "commande") for g in found.groups()]
            return french.format(*parts)
    return "ligne de commande incorrecte"


def _db(args) -> int:
    """Bring the database (DATABASE_URL, or the SQLite file under data/) to the newest schema."""
    from sqlalchemy.engine import make_url

    from wizard.store import StoreError, database_url, make_engine
    from wizard.store.migrate import current
    url = database_url()
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        engine = make_engine(url)
    except StoreError as exc:
        what = {"read_only": "écriture impossible (fichier ou dossier en lecture seule pour cet utilisateur)",
                "unavailable": "la base de données ne répond pas"}.get(exc.kind, exc.kind)
        raise CliError(f"{shown}\u00a0: {what} — {exc.detail}") from None
    with engine.connect() as conn:
        revision = current(conn)
    engine.dispose()
    print(f"{shown}\u00a0: schéma à jour (révision {revision})")
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one French line (« erreur : … »), like every other error here."""

    def error(self, message: str):
        said = escape_controls(usage_fr(message))
        self.exit(2, f"erreur\u00a0: {self.prog}\u00a0: {said} (voir --help)\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m wizard", description="Cap Réseaux en ligne de commande")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("schema", help="affiche le JSON Schema du Profile").set_defaults(run=_schema)
    v = sub.add_parser("validate", help="vérifie des questionnaires YAML")
    v.add_argument("files", nargs="*", help="fichiers à vérifier (par défaut\u00a0: ceux de questionnaires/)")
    v.set_defaults(run=_validate)
    s = sub.add_parser("strategy", help="construit la stratégie d’un profil JSON")
    s.add_argument("profile", help="fichier JSON du profil")
    s.add_argument("--date", help="date de référence AAAA-MM-JJ (par défaut\u00a0: aujourd’hui)")
    s.add_argument("--lang", choices=["fr", "en"], default="fr")
    s.set_defaults(run=_strategy)
    r = sub.add_parser("report", help="produit le document PDF ou Word d’un profil JSON")
    r.add_argument("profile", help="fichier JSON du profil")
    r.add_argument("-o", "--output", help="fichier à écrire (par défaut\u00a0: un nom tiré de la structure et de la date)")
    r.add_argument("--kind", choices=["strategy", "brief"], default="strategy",
                   help="strategy (la stratégie complète) ou brief (la note aux élus)")
    r.add_argument("--format", choices=["pdf", "docx"], help="pdf ou docx (par défaut\u00a0: d’après l’extension de -o)")
    r.add_argument("--date", help="date de référence AAAA-MM-JJ (par défaut\u00a0: aujourd’hui)")
    r.add_argument("--lang", choices=["fr", "en"], default="fr")
    r.set_defaults(run=_report)
    d = sub.add_parser("db", help="met la base de données au dernier schéma (migrations)")
    d.add_argument("action", choices=["upgrade"], help="upgrade : applique les migrations en attente")
    d.set_defaults(run=_db)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CliError as exc:
        say("erreur", exc)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… | head`: the reader has gone, nothing left to say
        _silence_stdout()
        return 1
    except RecursionError:
        say("erreur", "données trop imbriquées pour être traitées")
        return 1
    except MemoryError:
        say("erreur", "mémoire insuffisante pour traiter ces données")
        return 1
    except Exception as exc:  # last resort: one French line, never a traceback
        say("erreur", f"problème interne inattendu ({exc.__class__.__name__})\u00a0; "
                      "merci de le signaler avec le fichier qui l’a provoqué")
        return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    import os
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
