"""What it takes: the hours asked (rounded to the half hour, per network and shared, parts that
add up to the total), the share of a post, the equipment, the budget, and what the hours replace."""
from __future__ import annotations

from wizard.documents.blocks import Block, Paragraph
from wizard.documents.brief.proposal import answer_paragraph, standing
from wizard.documents.brief.texts import join, lower_first, texts
from wizard.documents.citations import Citations
from wizard.documents.grammar import after_label
from wizard.formatting import hours, money, percent
from wizard.profile import Profile
from wizard.strategy import Strategy
from wizard.vocabulary import label

SAVINGS = "savings"  # arguments.yaml: the standing answer to « at the expense of what? »


def cost(s: Strategy, profile: Profile, cite: Citations, lang: str, many: bool = False) -> list[Block]:
    t, w = texts(lang), s.workload
    out: list[Block] = []
    if s.decision is not None:
        out += _time(s, lang)
    if w.status == "over" and w.ways_out:
        out.append(Paragraph(after_label(t["cost.way_out"], cite.text(w.ways_out[0])), label=t["cost.way_out"]))
    budget = profile.resources.budget_per_year
    money_text = t["cost.budget"].format(amount=money(budget, s.currency, lang)) if budget else t["cost.free"]
    equipment = _equipment(s, lang)
    out.append(Paragraph(money_text + (" " + equipment if equipment else ""),
                         refs=("cost:money", *(("cost:equipment",) if equipment else ()))))
    savings = standing(s, SAVINGS)
    if savings is not None:
        said = answer_paragraph(savings, cite, lang, most=0 if many else 1)
        out.append(Paragraph(after_label(t["savings.label"], said.text), label=t["savings.label"], refs=said.refs))
    return out


def _time(s: Strategy, lang: str) -> list[Block]:
    """The total, the parts (per network, and the shared work named), the range and the time available."""
    t, w, asked = texts(lang), s.workload, s.decision.time
    first = t["cost.total"].format(total=hours(asked.hours_per_week, lang), share=percent(asked.share_of_full_time, lang),
                                   ft=hours(asked.full_time_hours, lang))
    labels = {c.id: c.label for c in s.channels}
    parts = [f"{labels.get(cid, cid)} {hours(h, lang)}" for cid, h in asked.by_channel.items()]
    low, high = hours(asked.low_hours_per_week, lang), hours(asked.high_hours_per_week, lang)
    if parts and asked.shared_hours_per_week:
        second = t["cost.parts"].format(parts=", ".join(parts), shared=hours(asked.shared_hours_per_week, lang),
                                        shared_label=asked.shared_label, low=low, high=high)
    elif parts:
        second = t["cost.parts_only"].format(parts=", ".join(parts), low=low, high=high)
    else:
        second = ""
    third = t["cost.avail"].format(avail=hours(w.available_hours_per_week, lang), status=t[f"status.{w.status}"])
    return [Paragraph(" ".join(x for x in (first, second, third, t["cost.estimate"]) if x),
                      refs=("time:total", "time:parts"))]


def _equipment(s: Strategy, lang: str) -> str:
    """« Matériel : l'équipe dispose déjà de … ; à prévoir : … (non chiffré) », "" when no network needs any."""
    if s.decision is None:
        return ""
    t, asked = texts(lang), s.decision.time

    def names(items: list[str]) -> str:
        return join([t.get(f"equip.{e}") or lower_first(label("equipment", e, lang)) for e in items], lang)

    held, needed = asked.equipment_held, asked.equipment_needed
    if held and needed:
        text = t["equipment.both"].format(held=names(held), needed=names(needed))
    elif needed:
        text = t["equipment.needed"].format(needed=names(needed))
    elif held:
        text = t["equipment.held"].format(held=names(held))
    else:
        return ""
    return text
