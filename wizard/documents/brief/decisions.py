"""What we ask of you (the Strategy's asks, in order), the closing, the signature block and the
sources: a note the director can sign as it is, the place and the signatory's role left to fill."""
from __future__ import annotations

from wizard.documents.blocks import Block, Bullets, Paragraph
from wizard.documents.brief.texts import join, lower_first, texts
from wizard.documents.citations import Citations, source_line
from wizard.formatting import hours, long_date
from wizard.strategy import Ask, Strategy


def asks(s: Strategy, lang: str) -> list[Block]:
    t = texts(lang)
    if s.decision is None:
        return []
    labels = {c.id: c.label for c in s.channels}
    names = {k.id: lower_first(k.name) for k in s.kpis}
    has_circuit = any(c.id == "validation_circuit" for c in s.charter)
    items = [_ask(a, t, labels, names, has_circuit, lang) for a in s.decision.asks]
    return [Paragraph(t["asks.intro"]),
            Bullets(tuple(items), numbered=True, refs=tuple(f"ask:{a.id}" for a in s.decision.asks))]


def _ask(a: Ask, t, labels: dict[str, str], kpis: dict[str, str], has_circuit: bool, lang: str) -> str:
    channels = join([labels.get(c, c) for c in a.channels], lang)
    if a.id == "open_accounts":
        return t["ask.open_accounts"].format(channels=channels)
    if a.id == "keep_accounts":
        return t["ask.keep_one" if len(a.channels) == 1 else "ask.keep_many"].format(channels=channels)
    if a.id == "own_accounts":
        return t["ask.own_accounts"]
    if a.id == "validator":
        return t["ask.validator"]
    if a.id == "charter":
        return t["ask.charter" if has_circuit else "ask.charter_plain"]
    if a.id == "hours":
        return t["ask.hours"].format(h=hours(a.hours_per_week or 0, lang))
    said = join([kpis[k] for k in a.kpis if k in kpis], lang)
    date = long_date(a.on, lang) if a.on else ""
    return t["ask.review"].format(date=date, kpis=said) if said else t["ask.review_plain"].format(date=date)


def signature(s: Strategy, name: str, lang: str) -> list[Block]:
    """« Fait à ……, le 26 novembre 2026 », the structure, the signatory's name and role to fill in."""
    t = texts(lang)
    blank = t["sign.blank"]
    return [Paragraph(t["closing"]),
            Paragraph(t["sign.place"].format(blank=blank, date=long_date(s.generated_on, lang)), refs=("signature",)),
            Paragraph(name or blank, label=t["sign.for"], refs=("signature",)),
            Paragraph(blank, label=t["sign.who"], refs=("signature",))]


def sources(cite: Citations, lang: str) -> list[Block]:
    """The cited sources in small print, « [1] Publisher, Title (year). [2] … », without their
    addresses (the attached strategy lists them): item n is what « [n] » in the note points at."""
    t = texts(lang)
    listed = cite.listed()
    if not listed:
        return [Paragraph(t["no_sources"])]
    items = " ".join(f"[{n}]\u00a0{source_line(src, lang, url=False)}" for n, src in enumerate(listed, 1))
    return [Paragraph(f"{t['sources.note']} {items}", style="small", refs=tuple(f"source:{s.key}" for s in listed))]
