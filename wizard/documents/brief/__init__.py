"""The note for elected officials: two to four pages a director can sign and send up.

It condenses the strategy into what a decision-maker reads: why (the structure's figures and a
few sourced facts), what (the networks, each with its published usage figure), how much (the
hours, rounded to the half hour, and what they replace), the answers to the objections raised,
the safeguards, the decisions asked for, and a signature block. It only reads the Strategy
(the Profile gives the structure's name and figures); every answer is the knowledge's own,
found by id (arguments.yaml), never by a source key. Same neutral blocks and same citation
numbering as the strategy document; only the sources the note cites are listed.

Modules: texts (the catalogue's texts), names (article, salutation), proposal (object, context,
networks), cost, answers (objections, risks), decisions (asks, signature, sources).
"""
from __future__ import annotations

from wizard.documents.blocks import Block, Document, Heading, Paragraph
from wizard.documents.brief import answers, cost, decisions, proposal
from wizard.documents.brief.names import addressee
from wizard.documents.brief.texts import texts
from wizard.documents.citations import Citations
from wizard.documents.shared import lang_of, plain, short, simulation_note
from wizard.profile import Profile
from wizard.strategy import Strategy

HEADINGS = ("h.object", "h.context", "h.proposal", "h.cost", "h.answers", "h.risks", "h.asks", "h.sources")
SECTION_LEVEL = 2  # a note, not a report: its sections are level-2 headings (the title is the note's)


def brief_document(strategy: Strategy, profile: Profile) -> Document:
    lang = lang_of(strategy)
    t = texts(lang)
    cite = Citations(strategy.sources)
    name = plain(strategy.structure_name or profile.structure.name)
    asks_accounts = profile.constraints.own_accounts_allowed != "yes"
    new, existing = proposal.accounts(strategy, profile)
    country = strategy.decision.country if strategy.decision else profile.structure.country
    h = {k: Heading(t[k], level=SECTION_LEVEL) for k in HEADINGS}
    many = len(strategy.arguments) > answers.FULL_ANSWERS  # a long note: every section says less
    blocks: list[Block] = [
        h["h.object"], Paragraph(proposal.object_line(asks_accounts, new, existing, lang), style="lead"),
        *simulation_note(strategy, lang),
        Paragraph(addressee(profile.structure.parent_body, lang, country) + ",", refs=("addressee",)),
        Paragraph(t["intro"]),
        h["h.context"], *proposal.context(strategy, profile, name, cite, lang, many),
        h["h.proposal"], *proposal.proposal(strategy, asks_accounts, new, existing, cite, lang),
        h["h.cost"], *cost.cost(strategy, profile, cite, lang, many),
        h["h.answers"], *answers.answers(strategy, cite, lang),
        h["h.risks"], *answers.risks(strategy, lang, many),
        h["h.asks"], *decisions.asks(strategy, lang),
        *decisions.signature(strategy, name, lang),
        h["h.sources"], *decisions.sources(cite, lang),
    ]
    shown = name or t["subject.unnamed"].format(kind=t.get(f"kind.{profile.structure.kind}", t["kind.autre"]))
    return Document(kind="brief", title=t["title"], subtitle=t["subtitle"], structure_name=short(shown),
                    date=strategy.generated_on, lang=lang, cover=False, toc=False, blocks=tuple(blocks),
                    keywords=(t["title"], t["subtitle"]))


__all__ = ["addressee", "brief_document"]
