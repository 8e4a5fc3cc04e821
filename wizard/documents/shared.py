"""What both document builders (the strategy, the note for elected officials) use: user text
made printable, the structure's name, labels typeset, the language, the what-if notice."""
from __future__ import annotations

from wizard.documents.blocks import Block, Paragraph
from wizard.i18n import table, typeset_fr
from wizard.profile import Profile
from wizard.strategy import Strategy
from wizard.textclean import strip_controls
from wizard.vocabulary import label as vocabulary_label

TITLE_LIMIT = 200  # the Profile's own limit for a name: a valid name is never cut


french = typeset_fr  # the builders' fixed texts (content_brief imports it under this name)


def plain(text: str) -> str:
    """User text as typed, minus what no document can print: control characters (tabs and
    line breaks become spaces), bidi embeddings and overrides that would reorder our own
    sentences around it, and lone surrogates (textclean's one policy). HTML, Markdown, emoji
    and RTL stay."""
    return strip_controls(text, keep_newlines=False).strip()


def short(text: str, limit: int = TITLE_LIMIT) -> str:
    """A title-sized copy: cut on a word boundary when possible, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"


def display_name(strategy: Strategy, profile: Profile, lang: str) -> str:
    """The structure's name as typed, or the label of its kind when it has none."""
    name = plain(strategy.structure_name or profile.structure.name)
    if name:
        return name
    kind = profile.structure.kind
    return table("strategy_doc", lang)["unnamed"] if kind == "autre" else label("structure_kind", kind, lang)


def label(vocabulary: str, id_: str, lang: str) -> str:
    """A vocabulary label, typeset like the builders' own texts (guards a label added without it)."""
    text = vocabulary_label(vocabulary, id_, lang)
    return french(text) if lang == "fr" else text


def full_time_hours(strategy: Strategy) -> float:
    """The working week behind share_of_full_time (the contract gives the share, not the week)."""
    w = strategy.workload
    if w.share_of_full_time > 0:
        return round(w.estimated_hours_per_week / w.share_of_full_time)
    return 35


def lang_of(strategy: Strategy) -> str:
    return "en" if strategy.lang == "en" else "fr"


def simulated(s: Strategy) -> list[str]:
    """What a what-if changed from the answers, as printable text; empty for the real answers."""
    return [x for x in (plain(c).rstrip(" .;") for c in s.simulation) if x]


def simulation_note(s: Strategy, lang: str) -> list[Block]:
    """« Simulation : cette stratégie ne reprend pas exactement vos réponses — … », shown at the
    top of both documents when they come from a what-if rather than from the answers."""
    changes = simulated(s)
    if not changes:
        return []
    t = table("strategy_doc", lang)
    text = t["simulation_text"].format(changes=t["simulation_sep"].join(changes))
    return [Paragraph(text, label=t["simulation"], style="note")]
