"""Your questions, our answers; risks and safeguards.

Each answer is the knowledge's own, for officials: the objection as they say it, our answer,
its evidence (or the legal point of this strategy that backs it), the safeguard and the cost.
With few objections each gets all of it; with many, each keeps its answer, its lead fact and
its safeguard in one paragraph, so that a note with every concern ticked stays within four
pages. Under a public parent body, public agents' neutrality, réserve and discretion are
answered first, with their legal basis.
"""
from __future__ import annotations

from wizard.documents.blocks import Block, Bullets, Paragraph
from wizard.documents.brief.proposal import (
    OBJECTION_END,
    answer_paragraph,
    lead_evidence,
    standing,
)
from wizard.documents.brief.texts import join, lower_first, sentences, sep, texts
from wizard.documents.citations import Citations
from wizard.documents.grammar import after_label
from wizard.strategy import Argument, Strategy

FULL_ANSWERS = 4  # up to this many objections, each gets its evidence, safeguard and cost in full
PUBLIC_NEUTRALITY = "public_neutrality"  # arguments.yaml: answered first under a public parent body
# Charter clauses that answer "what could go wrong", in the order a decision-maker asks.
SAFEGUARDS = ("validation_circuit", "moderation_policy", "account_security", "working_hours_only",
              "planned_extended_hours")
COUNTRIES = ("be", "ch", "qc")


def _secondary_only(e, s: Strategy) -> bool:
    secondary = {x.key for x in s.sources if x.secondary}
    return all(k in secondary for k in e.sources)


def strongest(a: Argument, s: Strategy, shown: set[str] = frozenset()):
    """The evidence the answer quotes: its lead, else the first that does not rest on secondary
    sources alone (the knowledge lists evidence strongest first) and that the note has not already
    quoted (`shown`: evidence texts)."""
    lead = lead_evidence(a)
    if lead:
        return lead
    fresh = [e for e in a.evidence if e.text not in shown] or a.evidence
    return [next((e for e in fresh if not _secondary_only(e, s)), fresh[0])]


def quoted_before(s: Strategy) -> set[str]:
    """The evidence texts the sections before the answers quote (the standing answers' leads)."""
    return {e.text for a in s.standing_arguments for e in lead_evidence(a)}


def _legal_point(a: Argument, s: Strategy):
    return next((pt for pid in a.legal for pt in s.legal if pt.id == pid), None)


def _full(a: Argument, s: Strategy, cite: Citations, lang: str) -> list[Block]:
    """One paragraph: the objection in bold, our answer, its evidence (this country's legal point
    when the strategy holds one), the safeguard and the cost."""
    t = texts(lang)
    parts, refs = [cite.text(a.answer)], [f"argument:{a.id}"]
    point = _legal_point(a, s)
    if point is not None:  # the rule of this country, from the strategy's legal points
        parts.append(cite.text(_first_sentence(point.rule), point.sources))
        refs.append(f"legal:{point.id}")
    else:
        for e in strongest(a, s, quoted_before(s)):
            parts.append(cite.text(e.text, e.sources))
            refs.append(f"evidence:{a.id}.{e.id}")
    if a.safeguard:
        said = {"safeguard": a.safeguard, "cost": a.cost}
        parts.append(t["safeguard_cost" if a.cost else "safeguard_inline"].format(**said))
        refs += [f"safeguard:{a.id}", *((f"cost:{a.id}",) if a.cost else ())]
    return [Paragraph(" ".join(parts), label=a.objection + OBJECTION_END, refs=tuple(refs))]


def _first_sentence(text: str) -> str:
    return sentences(text, 1)


def answers(s: Strategy, cite: Citations, lang: str) -> list[Block]:
    out: list[Block] = []
    public = standing(s, PUBLIC_NEUTRALITY)
    if public is not None:  # its legal basis in full, whatever the number of objections
        out.append(answer_paragraph(public, cite, lang, safeguard=True))
    full = len(s.arguments) <= FULL_ANSWERS
    for a in s.arguments:
        out += _full(a, s, cite, lang) if full else [_short(a, s, cite, lang)]
    return out


def _short(a: Argument, s: Strategy, cite: Citations, lang: str) -> Paragraph:
    """The answer, its lead fact and the safeguard, in one paragraph. The legal point behind it is
    named by its reference only (the attached strategy quotes the rule): a note with every
    concern ticked stays within four pages."""
    point = _legal_point(a, s)
    if point is None or lead_evidence(a):
        return answer_paragraph(a, cite, lang, safeguard=True, style="compact")
    return answer_paragraph(a, cite, lang, safeguard=True, keys=point.sources, extra_refs=(f"legal:{point.id}",),
                            style="compact")


def risks(s: Strategy, lang: str, many: bool = False) -> list[Block]:
    """The charter's safeguards (validation circuit, moderation policy, account security, working time),
    each with its gist, or only named when many answers above already gave theirs; then what the
    knowledge base does not cover for this country."""
    t = texts(lang)
    clauses = {c.id: c for c in s.charter}
    titles, items, labels, refs = [], [], [], []
    for cid in SAFEGUARDS:
        clause = clauses.get(cid)
        if clause is not None:
            titles.append(t.get(f"safeguard.{cid}") or lower_first(clause.title))
            items.append(after_label(sep(lang), _gist(clause.text)))
            labels.append(f"{clause.title}{sep(lang)}")
            refs.append(f"charter:{cid}")
        elif cid == "validation_circuit":  # no validation asked: the monthly calendar is still approved
            titles.append(t["safeguard.validation_circuit"])
            items.append(t["risk.validation_text"])
            labels.append(f"{t['risk.validation']}{sep(lang)}")
            refs.append("charter:validation_circuit")
    if many:
        named = join(titles, lang)
        out: list[Block] = [Paragraph(t["risks.named"].format(safeguards=named), refs=tuple(refs))]
    else:
        out = [Paragraph(t["risks.intro"]), Bullets(tuple(items), labels=tuple(labels), refs=tuple(refs))]
    return out + not_covered(s, lang)


def _gist(text: str) -> str:
    """The first sentence of a clause."""
    return sentences(text, 1)


def not_covered(s: Strategy, lang: str) -> list[Block]:
    """What the knowledge base does not cover for this country, said in the note's own voice."""
    t = texts(lang)
    said = []
    for key in s.not_covered_ids:
        short = key.rsplit("_", 1)[0] if key.startswith(("nc_calendar_", "nc_work_")) else key
        text = t.get(f"nc.{short}")
        if text and text not in said:
            said.append(text)
    if not said:
        return []
    country = s.decision.country if s.decision is not None else ""
    where = t[f"nc.where_{country}"] if country in COUNTRIES else t["nc.where_other"]
    return [Paragraph(t["nc.intro"].format(where=where, items=t["nc.sep"].join(said)), refs=("not_covered",))]
