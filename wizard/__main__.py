"""Command line, same pipeline as the app.

    python -m wizard schema                     the Profile's JSON Schema
    python -m wizard validate [FILE ...]        check questionnaire files (default: the shipped ones)

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


def _validate(args) -> int:
    from wizard.questionnaire.load import check_file, shipped_files
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
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wizard", description="Cap Réseaux en ligne de commande")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("schema", help="affiche le JSON Schema du Profile").set_defaults(run=_schema)
    v = sub.add_parser("validate", help="vérifie des questionnaires YAML")
    v.add_argument("files", nargs="*", help="fichiers à vérifier (par défaut : ceux de questionnaires/)")
    v.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: one line, never a traceback
        print(f"erreur : {exc.__class__.__name__} : {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
