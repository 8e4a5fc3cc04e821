"""The options a question offers, completed from the Profile's vocabulary.

A question on a vocabulary field may list no options (all the vocabulary's terms
are offered) or list ids only (labels and aliases come from the vocabulary); a
yes/no field gets Oui / Non. One function, used by the validator, the chat's
quick replies and the free-text parser.
"""
from __future__ import annotations

from dataclasses import dataclass

from wizard.questionnaire.fields import resolve
from wizard.questionnaire.model import Question, Text
from wizard.vocabulary import terms

YES_NO = (
    (True, Text(fr="Oui", en="Yes"), ("oui", "yes", "o", "ouais")),
    (False, Text(fr="Non", en="No"), ("non", "no", "n", "nan")),
)


@dataclass(frozen=True)
class Choice:
    value: str | bool | int
    label: Text | None
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        out = [] if self.label is None else [self.label.fr, self.label.en or ""]
        return tuple(n for n in (*out, *(str(self.value),) * isinstance(self.value, str), *self.aliases) if n)


def choices(question: Question) -> tuple[Choice, ...]:
    """Effective options; raises KeyError when the field is unknown (the validator reports it)."""
    if question.kind == "scale":
        lo, hi = scale_bounds(question)
        return tuple(Choice(v, Text(fr=str(v), en=str(v))) for v in range(lo, hi + 1))
    if question.kind not in ("single", "multi", "ranked"):
        return ()
    spec = resolve(question.field)
    vocab = {t.id: t for t in terms(spec.vocab)} if spec.vocab else {}
    if question.options is None:
        if spec.shape == "bool":
            return tuple(Choice(v, t, a) for v, t, a in YES_NO)
        return tuple(Choice(t.id, Text(fr=t.fr, en=t.en), t.aliases) for t in vocab.values())
    out = []
    defaults = {v: (t, a) for v, t, a in YES_NO} if spec.shape == "bool" else {}
    for o in question.options:
        term = vocab.get(o.value) if isinstance(o.value, str) else None
        label = o.label or (Text(fr=term.fr, en=term.en) if term else None)
        aliases = o.aliases + (term.aliases if term else ())
        if label is None and isinstance(o.value, bool) and o.value in defaults:
            label, extra = defaults[o.value]
            aliases += extra
        out.append(Choice(o.value, label, aliases))
    return tuple(out)


def scale_bounds(question: Question) -> tuple[int, int]:
    return int(question.min if question.min is not None else 1), int(question.max if question.max is not None else 5)
