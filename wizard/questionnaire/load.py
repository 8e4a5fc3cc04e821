"""Load a questionnaire file and validate it in two layers: structure, then meaning.

Every problem names the file and the question id, one line each, so a person editing
the YAML knows where to look; in French, or in English with lang="en" (the sentences
are in wizard/catalogue/validate.yaml). Errors block loading; warnings (a missing
English text, say) are kept apart and do not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from wizard import errors, inputs, safeyaml
from wizard.i18n import phrases
from wizard.questionnaire import conditions
from wizard.questionnaire.choices import choices
from wizard.questionnaire.fields import ITEM, NotAValue, resolve
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
say = phrases("validate")


@dataclass(frozen=True)
class Problem:
    file: str
    question: str | None
    message: str
    lang: str = "fr"

    def __str__(self) -> str:
        if self.question:
            return say("problem_question", self.lang, file=self.file, question=self.question, message=self.message)
        return say("problem_questionnaire", self.lang, file=self.file, message=self.message)


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


def check_text(text: str, file: str = "<texte>", lang: str = "fr") -> Report:
    """Both layers on YAML text, every problem said in `lang`; never raises for bad content."""
    report = Report(file)
    try:
        raw = safeyaml.load(text, lang=lang)
    except safeyaml.YamlError as exc:
        report.errors.append(Problem(file, None, say("yaml_unreadable", lang, reason=exc), lang))
        return report
    if not isinstance(raw, dict):
        report.errors.append(Problem(file, None, say("not_a_questionnaire", lang), lang))
        return report
    try:
        q = Questionnaire.model_validate(raw)
    except ValidationError as exc:
        report.errors.extend(_structure_problems(file, raw, exc, lang))
        return report
    report.errors.extend(_meaning_problems(file, q, lang))
    report.warnings.extend(_warnings(file, q, lang))
    if not report.errors:
        report.questionnaire = q
    return report


def check_file(path: Path, lang: str = "fr") -> Report:
    """check_text on a file of at most inputs.MAX_FILE_BYTES (looked at before reading)."""
    try:
        text = inputs.read_text(path, lang=lang)
    except inputs.InputError as exc:
        return Report(str(path), errors=[Problem(str(path), None, str(exc), lang)])
    return check_text(text, str(path), lang)


def load(path: Path, lang: str = "fr") -> Questionnaire:
    """The questionnaire in a file, or QuestionnaireError listing every error (in `lang`)."""
    report = check_file(path, lang)
    if not report.ok:
        raise QuestionnaireError(report.errors)
    return report.questionnaire


def shipped_files() -> list[Path]:
    return sorted(SHIPPED.glob("*.yaml"))


# --- structure ---------------------------------------------------------------

def _structure_problems(file: str, raw: dict, exc: ValidationError, lang: str) -> list[Problem]:
    out = []
    questions = raw.get("questions") if isinstance(raw.get("questions"), list) else []
    for err in exc.errors(include_url=False):
        loc = list(err["loc"])
        qid = None
        if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
            item = questions[loc[1]] if loc[1] < len(questions) else None
            given_id = item.get("id") if isinstance(item, dict) else None
            qid = errors.clip(given_id) if isinstance(given_id, str) and given_id else say("number", lang, n=loc[1] + 1)
            loc = loc[2:]
        where = ".".join(errors.clip(str(p)) for p in loc if not str(p).startswith(("function-", "str", "bool", "int")))
        if err["type"] == "missing" and where.endswith(".fr"):
            msg = say("french_missing", lang, where=where)
        elif err["type"] == "missing":
            msg = say("field_missing", lang, where=where)
        elif err["type"] == "extra_forbidden":
            msg = say("key_unknown", lang, where=where)
        elif where.endswith(".fr") and err["type"] == "string_too_short":
            msg = say("french_empty", lang, where=where)
        else:
            msg = errors.say("field_said", lang, where=where or say("content", lang), message=errors.message(err, lang))
        out.append(Problem(file, qid, msg, lang))
    return _dedupe(out)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


# --- meaning -----------------------------------------------------------------

def _meaning_problems(file: str, q: Questionnaire, lang: str) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[str, int] = {}
    fields_seen: dict[str, str] = {}
    for i, question in enumerate(q.questions):
        def P(key: str, qid=question.id, **values) -> None:  # one problem of this question, in `lang`
            out.append(Problem(file, qid, say(key, lang, **values), lang))
        if question.id in seen:
            P("duplicate_id", n=seen[question.id] + 1)
            continue
        seen[question.id] = i
        _check_field(question, P)
        if question.field in fields_seen:
            P("field_taken", field=question.field, other=fields_seen[question.field])
        fields_seen.setdefault(question.field, question.id)
        _check_for_each(q, i, question, P)
        _check_condition(q, i, question, P, lang)
    if not out:
        filled = {qq.field for qq in q.questions}
        for required in REQUIRED_FIELDS:
            if required not in filled:
                out.append(Problem(file, None, say("required_unfilled", lang, field=required), lang))
        out.extend(_unreachable(file, q, lang))
    return out


def _check_field(question: Question, P) -> None:
    try:
        spec = resolve(question.field)
    except NotAValue as exc:
        P("field_not_a_value", path=exc.args[0], field=question.field)
        return
    except KeyError as exc:
        P("field_unknown", path=exc.args[0], field=question.field)
        return
    if spec.shape not in KIND_FITS[question.kind]:
        P("kind_mismatch", kind=question.kind, field=question.field,
          kinds=", ".join(k for k, s in KIND_FITS.items() if spec.shape in s))
        return
    if ITEM in question.field and not question.for_each:
        P("item_needs_for_each", field=question.field, item=ITEM)
    if question.kind in ("number", "scale") and None not in (question.min, question.max) and question.min > question.max:
        P("min_above_max", min=question.min, max=question.max)
    for bound, name in ((question.min, "min"), (question.max, "max")):
        if bound is None:
            continue
        if spec.minimum is not None and bound < spec.minimum or spec.maximum is not None and bound > spec.maximum:
            P("bound_outside", name=name, bound=bound, field=question.field, low=spec.minimum,
              high=spec.maximum if spec.maximum is not None else "∞")
    if question.kind in ("single", "multi", "ranked") and question.options is not None:
        allowed = _allowed_values(spec)
        for o in question.options:
            if allowed is not None and o.value not in allowed:
                shown = ", ".join(str(a).lower() if isinstance(a, bool) else str(a) for a in allowed)
                P("option_not_allowed", value=o.value, field=question.field, allowed=shown)
        values = [o.value for o in question.options]
        if len(values) != len(set(map(repr, values))):
            P("option_twice")
    if question.kind in ("single", "multi", "ranked"):
        for c in choices(question):
            if c.label is None:
                P("option_label_missing", value=c.value)
    if question.max_choices and question.kind not in ("multi", "ranked"):
        P("max_choices_misplaced")
    if question.skip_label and not question.optional:
        P("skip_label_misplaced")


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
        P("for_each_later" if later else "for_each_unknown", id=question.for_each)
    elif src.kind not in ("multi", "ranked"):
        P("for_each_not_multi", id=src.id, kind=src.kind)
    elif ITEM not in question.field:
        P("for_each_needs_item", item=ITEM)
    else:
        try:
            if resolve(src.field).vocab != resolve(question.field).item_vocab:
                P("for_each_keys", id=src.id, field=question.field)
        except KeyError:
            pass


def _check_condition(q: Questionnaire, i: int, question: Question, P, lang: str) -> None:
    if question.when is None:
        return
    if conditions.deeper_than(question.when, MAX_CONDITION_DEPTH):
        P("condition_too_deep", n=MAX_CONDITION_DEPTH)
        return
    problems = conditions.shape_errors(question.when, lang)
    if problems:
        for p in problems:
            P("condition", problem=p)
        return
    before = {qq.id: qq for qq in q.questions[:i]}
    all_ids = {qq.id for qq in q.questions}
    for op, qid, values in conditions.atoms(question.when):
        if qid == question.id:
            P("condition_self", op=op)
        elif qid not in all_ids:
            P("condition_unknown", id=qid)
        elif qid not in before:
            P("condition_later", id=qid)
        elif before[qid].for_each:
            P("condition_repeated", id=qid)
        elif op == "contains" and before[qid].kind not in ("multi", "ranked"):
            P("condition_contains", id=qid, kind=before[qid].kind)


def _possible_values(question: Question) -> set | None:
    try:
        cs = choices(question)
    except KeyError:
        return None
    return {c.value for c in cs} if question.kind in ("single", "scale") else (
        {c.value for c in cs} if question.kind in ("multi", "ranked") else None)


def _unreachable(file: str, q: Questionnaire, lang: str) -> list[Problem]:
    """Questions whose condition can never hold, given what earlier questions can answer."""
    out = []
    dead: set[str] = set()
    values = {qq.id: _possible_values(qq) for qq in q.questions}

    def possible(qid: str):
        return set() if qid in dead else values.get(qid)

    for question in q.questions:
        if not conditions.can_hold(question.when, possible):
            dead.add(question.id)
            out.append(Problem(file, question.id, say("unreachable", lang), lang))
    return out


def _warnings(file: str, q: Questionnaire, lang: str) -> list[Problem]:
    out = []
    for question in q.questions:
        texts = [("text", question.text), ("help", question.help)]
        try:
            options = choices(question)
        except KeyError:  # an unknown field: already an error of this file, no options to read
            options = []
        texts += [(say("option_named", lang, value=c.value), c.label) for c in options if c.label]
        for name, t in texts:
            if t is not None and not t.en:
                out.append(Problem(file, question.id, say("english_missing", lang, name=name), lang))
        if question.help is None:
            out.append(Problem(file, question.id, say("no_help", lang), lang))
    return out
