"""Load a questionnaire file and validate it in two layers: structure, then meaning.

Every problem names the file and the question id, in French, one line each, so a
person editing the YAML knows where to look. Errors block loading; warnings (a
missing English text, say) are kept apart and do not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from wizard import errors_fr, inputs, safeyaml
from wizard.questionnaire import conditions
from wizard.questionnaire.choices import choices
from wizard.questionnaire.fields import ITEM, resolve
from wizard.questionnaire.model import Question, Questionnaire

SHIPPED = Path(__file__).resolve().parents[2] / "questionnaires"

# which question kinds can fill which field shapes (see fields.FieldSpec)
KIND_FITS = {
    "single": {"choice", "bool"},
    "multi": {"choices", "keys"},
    "ranked": {"choices"},
    "number": {"int", "float"},
    "scale": {"int"},
    "text": {"str"},
}
REQUIRED_FIELDS = ("goals", "audience.age_bands", "resources.hours_per_week")
MAX_CONDITION_DEPTH = 20  # operators inside operators; real conditions use 3 or 4


@dataclass(frozen=True)
class Problem:
    file: str
    question: str | None
    message: str

    def __str__(self) -> str:
        where = f"question « {self.question} »" if self.question else "questionnaire"
        return f"{self.file} : {where} : {self.message}"


@dataclass
class Report:
    file: str
    questionnaire: Questionnaire | None = None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.questionnaire is not None and not self.errors


class QuestionnaireError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def check_text(text: str, file: str = "<texte>") -> Report:
    """Both layers on YAML text; never raises for bad content."""
    report = Report(file)
    try:
        raw = safeyaml.load(text)
    except safeyaml.YamlError as exc:
        report.errors.append(Problem(file, None, f"YAML illisible\u00a0: {exc}"))
        return report
    if not isinstance(raw, dict):
        report.errors.append(Problem(file, None, "le fichier doit contenir un questionnaire (id, title, questions)"))
        return report
    try:
        q = Questionnaire.model_validate(raw)
    except ValidationError as exc:
        report.errors.extend(_structure_problems(file, raw, exc))
        return report
    report.errors.extend(_meaning_problems(file, q))
    report.warnings.extend(_warnings(file, q))
    if not report.errors:
        report.questionnaire = q
    return report


def check_file(path: Path) -> Report:
    """check_text on a file of at most inputs.MAX_FILE_BYTES (looked at before reading)."""
    try:
        text = inputs.read_text(path)
    except inputs.InputError as exc:
        return Report(str(path), errors=[Problem(str(path), None, str(exc))])
    return check_text(text, str(path))


def load(path: Path) -> Questionnaire:
    """The questionnaire in a file, or QuestionnaireError listing every error."""
    report = check_file(path)
    if not report.ok:
        raise QuestionnaireError(report.errors)
    return report.questionnaire


def shipped_files() -> list[Path]:
    return sorted(SHIPPED.glob("*.yaml"))


# --- structure ---------------------------------------------------------------

def _structure_problems(file: str, raw: dict, exc: ValidationError) -> list[Problem]:
    out = []
    questions = raw.get("questions") if isinstance(raw.get("questions"), list) else []
    for err in exc.errors(include_url=False):
        loc = list(err["loc"])
        qid = None
        if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
            item = questions[loc[1]] if loc[1] < len(questions) else None
            given_id = item.get("id") if isinstance(item, dict) else None
            qid = errors_fr.clip(given_id) if isinstance(given_id, str) and given_id else f"n° {loc[1] + 1}"
            loc = loc[2:]
        where = ".".join(errors_fr.clip(str(p)) for p in loc if not str(p).startswith(("function-", "str", "bool", "int")))
        if err["type"] == "missing" and where.endswith(".fr"):
            msg = f"texte français manquant ({where})"
        elif err["type"] == "missing":
            msg = f"champ obligatoire manquant : {where}"
        elif err["type"] == "extra_forbidden":
            msg = f"clé inconnue : {where}"
        elif err["type"] == "literal_error":
            msg = f"{where}\u00a0: {errors_fr.message(err)}"
        elif where.endswith(".fr") and err["type"] == "string_too_short":
            msg = f"texte français vide ({where})"
        else:
            msg = f"{where or 'contenu'}\u00a0: {errors_fr.message(err)}"
        out.append(Problem(file, qid, msg))
    return _dedupe(out)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


# --- meaning -----------------------------------------------------------------

def _meaning_problems(file: str, q: Questionnaire) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[str, int] = {}
    fields_seen: dict[str, str] = {}
    for i, question in enumerate(q.questions):
        P = lambda msg, qid=question.id: out.append(Problem(file, qid, msg))  # noqa: E731
        if question.id in seen:
            P(f"identifiant en double (déjà utilisé par la question n° {seen[question.id] + 1})")
            continue
        seen[question.id] = i
        _check_field(question, P)
        if question.field in fields_seen:
            P(f"le champ « {question.field} » est déjà rempli par la question « {fields_seen[question.field]} »")
        fields_seen.setdefault(question.field, question.id)
        _check_for_each(q, i, question, P)
        _check_condition(q, i, question, P)
    if not out:
        filled = {qq.field for qq in q.questions}
        for required in REQUIRED_FIELDS:
            if required not in filled:
                out.append(Problem(file, None, f"aucune question ne remplit le champ obligatoire « {required} »"))
        out.extend(_unreachable(file, q))
    return out


def _check_field(question: Question, P) -> None:
    try:
        spec = resolve(question.field)
    except KeyError as exc:
        P(f"champ inconnu du profil : « {exc.args[0]} » (dans « {question.field} »)")
        return
    if spec.shape not in KIND_FITS[question.kind]:
        P(f"le type « {question.kind} » ne convient pas au champ « {question.field} » "
          f"(types possibles : {', '.join(k for k, s in KIND_FITS.items() if spec.shape in s)})")
        return
    if ITEM in question.field and not question.for_each:
        P(f"le champ « {question.field} » contient {ITEM} : indiquez « for_each »")
    if question.kind in ("number", "scale") and None not in (question.min, question.max) and question.min > question.max:
        P(f"min ({question.min}) est supérieur à max ({question.max})")
    for bound, name in ((question.min, "min"), (question.max, "max")):
        if bound is None:
            continue
        if spec.minimum is not None and bound < spec.minimum or spec.maximum is not None and bound > spec.maximum:
            P(f"{name} = {bound} sort des limites du profil pour « {question.field} » "
              f"({spec.minimum} à {spec.maximum if spec.maximum is not None else '∞'})")
    if question.kind in ("single", "multi", "ranked") and question.options is not None:
        allowed = _allowed_values(spec)
        for o in question.options:
            if allowed is not None and o.value not in allowed:
                shown = ", ".join(str(a).lower() if isinstance(a, bool) else str(a) for a in allowed)
                P(f"option « {o.value} » non permise par le profil pour « {question.field} » (valeurs possibles : {shown})")
        values = [o.value for o in question.options]
        if len(values) != len(set(map(repr, values))):
            P("option en double")
    if question.kind in ("single", "multi", "ranked"):
        for c in choices(question):
            if c.label is None:
                P(f"libellé français manquant pour l’option « {c.value} »")
    if question.max_choices and question.kind not in ("multi", "ranked"):
        P("max_choices ne s’applique qu’aux questions « multi » ou « ranked »")
    if question.skip_label and not question.optional:
        P("skip_label ne s’applique qu’à une question facultative (optional: true)")


def _allowed_values(spec) -> list | None:
    if spec.shape == "bool":
        return [True, False]
    if spec.vocab:
        from wizard.vocabulary import ids
        return list(ids(spec.vocab))
    return None


def _check_for_each(q: Questionnaire, i: int, question: Question, P) -> None:
    if not question.for_each:
        return
    ids_before = {qq.id: qq for qq in q.questions[:i]}
    src = ids_before.get(question.for_each)
    if src is None:
        later = question.for_each in {qq.id for qq in q.questions}
        P(f"for_each désigne une question {'placée après celle-ci' if later else 'inconnue'} : « {question.for_each} »")
    elif src.kind not in ("multi", "ranked"):
        P(f"for_each doit désigner une question à choix multiples (« {src.id} » est « {src.kind} »)")
    elif ITEM not in question.field:
        P(f"avec for_each, le champ doit contenir {ITEM} (par exemple presence.{ITEM}.followers)")
    else:
        try:
            if resolve(src.field).vocab != resolve(question.field).item_vocab:
                P(f"for_each : les réponses de « {src.id} » ne sont pas des clés valables pour « {question.field} »")
        except KeyError:
            pass


def _check_condition(q: Questionnaire, i: int, question: Question, P) -> None:
    if question.when is None:
        return
    if conditions.deeper_than(question.when, MAX_CONDITION_DEPTH):
        P(f"condition trop imbriquée\u00a0: au plus {MAX_CONDITION_DEPTH} opérateurs les uns dans les autres")
        return
    problems = conditions.shape_errors(question.when)
    if problems:
        for p in problems:
            P(f"condition : {p}")
        return
    before = {qq.id: qq for qq in q.questions[:i]}
    all_ids = {qq.id for qq in q.questions}
    for op, qid, values in conditions.atoms(question.when):
        if qid == question.id:
            P(f"condition : la question dépend d’elle-même (« {op} »)")
        elif qid not in all_ids:
            P(f"condition : question inconnue « {qid} »")
        elif qid not in before:
            P(f"condition : « {qid} » est posée après cette question ; une condition ne peut regarder qu’en arrière")
        elif before[qid].for_each:
            P(f"condition : « {qid} » est une question répétée (for_each) ; elle ne peut pas servir de condition")
        elif op == "contains" and before[qid].kind not in ("multi", "ranked"):
            P(f"condition : « contains » s’applique à une question à choix multiples, pas à « {qid} » ({before[qid].kind})")


def _possible_values(question: Question) -> set | None:
    try:
        cs = choices(question)
    except KeyError:
        return None
    return {c.value for c in cs} if question.kind in ("single", "scale") else (
        {c.value for c in cs} if question.kind in ("multi", "ranked") else None)


def _unreachable(file: str, q: Questionnaire) -> list[Problem]:
    """Questions whose condition can never hold, given what earlier questions can answer."""
    out = []
    dead: set[str] = set()
    values = {qq.id: _possible_values(qq) for qq in q.questions}

    def possible(qid: str):
        return set() if qid in dead else values.get(qid)

    for question in q.questions:
        if not conditions.can_hold(question.when, possible):
            dead.add(question.id)
            out.append(Problem(file, question.id,
                               "question inatteignable : sa condition ne peut jamais être vraie "
                               "(valeur impossible ou question inatteignable)"))
    return out


def _warnings(file: str, q: Questionnaire) -> list[Problem]:
    out = []
    for question in q.questions:
        texts = [("text", question.text), ("help", question.help)]
        texts += [(f"option « {c.value} »", c.label) for c in choices(question) if c.label]
        for name, t in texts:
            if t is not None and not t.en:
                out.append(Problem(file, question.id, f"texte anglais manquant ({name})"))
        if question.help is None:
            out.append(Problem(file, question.id, "pas d’aide « Pourquoi cette question ? »"))
    return out
