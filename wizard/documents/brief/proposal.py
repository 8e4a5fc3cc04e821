"""The note's opening: the object, the context (the structure and a few sourced facts) and what
we propose (which networks and why, with the published usage figure of the audience, the rhythm
and the hours of each, the accounts that exist, and the standing answer to « which network? »)."""
from __future__ import annotations

import re

from wizard.documents.blocks import Block, Bullets, Paragraph
from wizard.documents.brief.names import subject
from wizard.documents.brief.texts import join, sep, texts
from wizard.documents.citations import Citations
from wizard.formatting import hours, number
from wizard.profile import Profile
from wizard.strategy import Argument, Evidence, Strategy

CONTEXT_FACTS = (3, 2)  # sourced facts that open the note: a short note, a long one (many objections)
OBJECTION_END = " —"  # « « Objection ? » — our answer »: the renderers add the space after a dash
CHANNELS_CHOICE = "channels_choice"  # arguments.yaml: the standing answer to « which network? »


def accounts(s: Strategy, profile: Profile) -> tuple[list[str], list[str]]:
    """The recommended channels as (accounts to open, accounts the structure already has),
    by label; the profile's `presence` lists the networks where it already has an account."""
    present = set(profile.presence)
    return ([c.label for c in s.channels if c.id not in present], [c.label for c in s.channels if c.id in present])


def object_line(asks_accounts: bool, new: list[str], existing: list[str], lang: str) -> str:
    t = texts(lang)
    if not asks_accounts:
        return t["object.validate"]
    if not existing:
        return t["object.ask"]
    ours = t["existing_one" if len(existing) == 1 else "existing_many"]
    return t["object.mixed" if new else "object.keep"].format(existing=ours)


def standing(s: Strategy, argument_id: str) -> Argument | None:
    return next((a for a in s.standing_arguments if a.id == argument_id), None)


def lead_evidence(a: Argument, most: int | None = None) -> list[Evidence]:
    """The evidence an argument's answer quotes, in the knowledge's order of `lead`."""
    by_id = {e.id: e for e in a.evidence}
    found = [by_id[i] for i in a.lead if i in by_id]
    return found[:most] if most is not None else found


def context(s: Strategy, profile: Profile, name: str, cite: Citations, lang: str, many: bool = False) -> list[Block]:
    t, st, res = texts(lang), profile.structure, profile.resources
    staff = ("" if st.staff is None else
             t["ctx.staff_one"] if st.staff == 1 else t["ctx.staff"].format(n=number(st.staff, lang)))
    territory = t[f"terr.{st.territory}"] if st.territory else ""
    who = subject(name, st.kind, lang)
    if st.youth_per_year is not None:
        first = t["ctx.youth"].format(subject=who, youth=number(st.youth_per_year, lang), territory=territory,
                                      staff=staff)
    else:
        first = t["ctx.no_youth"].format(subject=who, territory=territory, staff=staff)
    time = t["ctx.hours_one" if res.people == 1 else "ctx.hours"].format(h=hours(res.hours_per_week, lang),
                                                                          n=number(res.people, lang))
    out: list[Block] = [Paragraph(f"{first} {time}", refs=("context:structure",))]
    facts = context_facts(s)[: CONTEXT_FACTS[many]]
    if facts:
        out += [Paragraph(t["ctx.facts"]),
                Bullets(tuple(cite.text(e.text, e.sources) for _, e in facts),
                        refs=tuple(f"evidence:{a}.{e.id}" for a, e in facts))]
    return out


def context_facts(s: Strategy) -> list[tuple[str, Evidence]]:
    """(argument id, evidence): the `lead` facts of the context arguments that fit this structure
    (the engine kept only those), in the knowledge's order, at most CONTEXT_FACTS."""
    found = [(a.id, e) for a in s.context_arguments for e in lead_evidence(a)]
    return found[: CONTEXT_FACTS[0]]


def proposal(s: Strategy, asks_accounts: bool, new: list[str], existing: list[str], cite: Citations,
             lang: str) -> list[Block]:
    t = texts(lang)
    if not s.channels:
        return [Paragraph(t["prop.none"])]
    n = len(s.channels)
    items, refs = [], []
    for c in s.channels:
        rhythm = rhythm_words(c.rhythm, lang, c.rhythm_text)
        h = hours(s.decision.time.by_channel.get(c.id, c.hours_per_week) if s.decision else c.hours_per_week, lang)
        item = t["prop.rhythm"].format(rhythm=rhythm, h=h) if rhythm else t["prop.hours"].format(h=h)
        figure = next((u for u in s.usage if u.channel == c.id), None)
        if figure is not None:
            item += t["prop.usage"].format(value=number(figure.value, lang), population=figure.population)
            refs.append(f"usage:{c.id}")
        items.append(cite.text(item + ".", figure.sources if figure else ()))
    labels = tuple(f"{c.label} — {c.role}{sep(lang)}" for c in s.channels)
    out: list[Block] = [Paragraph(t["prop.one"] if n == 1 else t["prop.many"].format(n=n)),
                        Bullets(tuple(items), labels=labels, refs=tuple(refs))]
    choice = standing(s, CHANNELS_CHOICE)
    if choice is not None:
        out.append(answer_paragraph(choice, cite, lang, most=1))
    if existing:  # say which accounts exist and which are new, before the plan that opens or tidies them up
        has = t["prop.has_one" if len(existing) == 1 else "prop.has_many"].format(channels=join(existing, lang))
        rest = (t["prop.new_one" if len(new) == 1 else "prop.new_many"].format(channels=join(new, lang)) if new
                else t["prop.has_end"])
        out.append(Paragraph(has + rest))
    resting = [e.label for e in s.excluded if e.rest]
    if resting:  # an account that exists and is left out: how it is put to rest, said to the officials too
        out.append(Paragraph(t["prop.rest_one" if len(resting) == 1 else "prop.rest_many"].format(
            channels=join(resting, lang))))
    wait = "" if not asks_accounts else t["prop.wait_mixed" if existing and new else
                                          "prop.wait_existing" if existing else "prop.wait"]
    out.append(Paragraph(t["prop.plan"] + wait))
    return out


def answer_paragraph(a: Argument, cite: Citations, lang: str, most: int | None = None,
                     safeguard: bool = False, keys: tuple[str, ...] = (),
                     extra_refs: tuple[str, ...] = (), style: str = "body") -> Paragraph:
    """« « Objection » — Answer [n]. Lead fact [n]. (Garde-fou : …) » as one paragraph, the objection
    in bold; `keys`: sources the answer cites (the legal point behind it, named by `extra_refs`)."""
    t = texts(lang)
    quoted = lead_evidence(a, most)
    parts = [cite.text(a.answer, keys)] + [cite.text(e.text, e.sources) for e in quoted]
    refs = [f"argument:{a.id}", *(f"evidence:{a.id}.{e.id}" for e in quoted), *extra_refs]
    if safeguard and a.safeguard:
        parts.append(t["safeguard_inline"].format(safeguard=a.safeguard))
        refs.append(f"safeguard:{a.id}")
    return Paragraph(" ".join(p for p in parts if p), label=a.objection + OBJECTION_END, style=style,
                     refs=tuple(refs))


# The rhythm of a channel in words, for the note: « deux publications illustrées et trois stories
# par semaine », « une vidéo longue toutes les deux semaines ». Per activity id: the words of the
# catalogue (singular, plural, feminine) and what follows the period. An activity not listed keeps
# the engine's wording.
_ACTIVITIES = ("image_post", "story", "short_video", "long_video", "live", "participation")
_FEMININE = {"fr": {"image_post", "story", "short_video", "long_video", "live"}, "en": set()}


def _words(activity: str, lang: str) -> tuple[str, str, bool, str]:
    t = texts(lang)
    return (t[f"act.{activity}.one"], t[f"act.{activity}.many"], activity in _FEMININE[lang],
            t.get(f"act.{activity}.after", ""))


def rhythm_words(rhythm: dict[str, float], lang: str = "fr", fallback: list[str] = ()) -> str:
    """Items per week by activity id, in words: 0.5 a week is « une … toutes les deux semaines »,
    1.25 a week « cinq … par mois »; "" when there is nothing to say."""
    lang = "en" if lang == "en" else "fr"
    t = texts(lang)
    groups: dict[int, list[str]] = {}  # period (in weeks) -> items without a complement
    alone: list[str] = []
    for index, (activity, count) in enumerate(rhythm.items()):
        if not count or count <= 0:
            continue
        if activity not in _ACTIVITIES:
            alone.append(_engine_wording(activity, count, lang, fallback, index))
            continue
        singular, plural, feminine, complement = _words(activity, lang)
        weeks, n = next(((w, round(count * w)) for w in (1, 2, 4) if abs(count * w - round(count * w)) < 1e-6
                         and round(count * w) >= 1), (1, count))
        if n == 1:
            amount = t["num.one_f" if feminine else "num.one"]
        elif isinstance(n, int) and n <= 20:
            amount = t["numbers"].split()[n]
        else:
            amount = number(n, lang)
        item = f"{amount} {singular if n < 2 else plural}"
        if complement:
            alone.append(f"{item} {t[f'period.{weeks}']} {complement}")
        else:
            groups.setdefault(weeks, []).append(item)
    phrases = [f"{join(items, lang)} {t[f'period.{weeks}']}" for weeks, items in groups.items()]
    return join(phrases + alone, lang)


def _engine_wording(activity: str, count: float, lang: str, fallback, index: int) -> str:
    """« modération des commentaires (2 par semaine) » from the engine's « 2 × modération des commentaires »."""
    text = fallback[index] if index < len(fallback) else activity
    if index < len(fallback) and not re.match(r"^\s*[\d.,\u00a0\u202f]+\s*×", text):
        return text  # the engine already said how many, in words (« suivi de 45 jeunes… »)
    text = re.sub(r"^\s*[\d.,\u00a0\u202f]+\s*×\s*", "", text)
    return f"{text} ({number(round(count, 1), lang)} {texts(lang)['period.1']})"
