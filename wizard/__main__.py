"""Command line, same pipeline as the app.

    python -m wizard schema                     the Profile's JSON Schema
    python -m wizard validate [FILE ...]        check questionnaire files (default: the shipped ones) and the knowledge base
    python -m wizard strategy PROFILE.json [--date YYYY-MM-DD]   the Strategy as JSON on stdout
    python -m wizard report PROFILE.json -o OUT.pdf [--kind strategy|brief] [--format pdf|docx] [--date YYYY-MM-DD]

Bad input exits non-zero with one clear line per problem, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from wizard.profile import Profile


def _schema(_args) -> int:
    print(json.dumps(Profile.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


class CliError(Exception):
    """Bad input: one clear line for the person, exit code 1 or 2."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def read_profile(path: str):
    from wizard.profile import ProfileError, parse_profile
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"{path}\u00a0: fichier introuvable") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{path}\u00a0: fichier illisible ({exc.__class__.__name__})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(f"{path}\u00a0: JSON invalide ligne {exc.lineno}, colonne {exc.colno}\u00a0: {exc.msg}") from None
    try:
        return parse_profile(data)
    except ProfileError as exc:
        raise CliError(f"{path}\u00a0: profil refusé\u00a0: " + "\u00a0; ".join(exc.messages)) from None


def parse_date(text: str | None):
    from datetime import date
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--date\u00a0: « {text} » n’est pas une date AAAA-MM-JJ", 2) from None


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
        raise CliError(f"--format\u00a0: « {fmt} » inconnu (possibles\u00a0: {', '.join(export.FORMATS)})", 2)
    profile = read_profile(args.profile)
    day = parse_date(args.date)
    strategy = build_strategy(profile, default(), day, lang=args.lang)
    data = export.render(args.kind, fmt, strategy, profile)
    out = Path(args.output or export.file_name(args.kind, fmt, profile.structure.name, day, args.lang))
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise CliError(f"{out}\u00a0: écriture impossible ({exc.strerror or exc.__class__.__name__})") from None
    print(f"{out} ({len(data) // 1024 + 1}\u00a0Ko)")
    return 0


def _validate(args) -> int:
    from wizard.questionnaire.load import check_file, shipped_files
    if not args.files:
        from wizard.knowledge import check
        _, problems = check()
        for problem in problems:
            print(f"erreur\u00a0: {problem}", file=sys.stderr)
        if not problems:
            print("wizard/knowledge\u00a0: base de connaissances valide")
        elif not shipped_files():
            return 1
        knowledge_errors = len(problems)
    else:
        knowledge_errors = 0
    files = [Path(f) for f in args.files] or shipped_files()
    if not files:
        print("erreur : aucun questionnaire à vérifier", file=sys.stderr)
        return 1
    errors = 0
    for f in files:
        report = check_file(f)
        for p in report.errors:
            print(f"erreur : {p}", file=sys.stderr)
        for p in report.warnings:
            print(f"avertissement : {p}", file=sys.stderr)
        errors += len(report.errors)
        if report.ok:
            print(f"{f} : {len(report.questionnaire.questions)} questions, valide")
    return 1 if errors or knowledge_errors else 0


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (« erreur : … »), like every other error here."""

    def error(self, message: str):
        self.exit(2, f"erreur\u00a0: {self.prog}\u00a0: {message} (voir --help)\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m wizard", description="Cap Réseaux en ligne de commande")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("schema", help="affiche le JSON Schema du Profile").set_defaults(run=_schema)
    v = sub.add_parser("validate", help="vérifie des questionnaires YAML")
    v.add_argument("files", nargs="*", help="fichiers à vérifier (par défaut : ceux de questionnaires/)")
    v.set_defaults(run=_validate)
    s = sub.add_parser("strategy", help="construit la stratégie d’un profil JSON")
    s.add_argument("profile", help="fichier JSON du profil")
    s.add_argument("--date", help="date de référence AAAA-MM-JJ (par défaut : aujourd’hui)")
    s.add_argument("--lang", choices=["fr", "en"], default="fr")
    s.set_defaults(run=_strategy)
    r = sub.add_parser("report", help="produit le document PDF ou Word d’un profil JSON")
    r.add_argument("profile", help="fichier JSON du profil")
    r.add_argument("-o", "--output", help="fichier à écrire (par défaut : un nom tiré de la structure et de la date)")
    r.add_argument("--kind", choices=["strategy", "brief"], default="strategy",
                   help="strategy (la stratégie complète) ou brief (la note aux élus)")
    r.add_argument("--format", choices=["pdf", "docx"], help="pdf ou docx (par défaut : d’après l’extension de -o)")
    r.add_argument("--date", help="date de référence AAAA-MM-JJ (par défaut : aujourd’hui)")
    r.add_argument("--lang", choices=["fr", "en"], default="fr")
    r.set_defaults(run=_report)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CliError as exc:
        print(f"erreur\u00a0: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: one line, never a traceback
        print(f"erreur : {exc.__class__.__name__} : {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
