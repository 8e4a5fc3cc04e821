"""Arguments that answer the hierarchy's worries, each with its evidence and sources."""
from __future__ import annotations

from wizard.engine.context import Ctx
from wizard.strategy import Argument, Evidence

# When a profile names no concern, the note for elected officials still answers the
# objections they raise most (../shared/DESIGN.md, issue 4).
DEFAULT_CONCERNS = ("time", "cost", "competition_municipal_accounts", "legal")


def _argument(a, ctx: Ctx) -> Argument:
    return Argument(concern=a.concern, title=ctx.text(a.title), response=ctx.text(a.response),
                    evidence=[Evidence(text=ctx.text(e.text), sources=list(e.sources)) for e in a.evidence])


def arguments(ctx: Ctx) -> list[Argument]:
    concerns = ctx.profile.concerns or list(DEFAULT_CONCERNS)
    return [_argument(a, ctx) for c in concerns for a in ctx.kb.arguments if a.concern == c]


def context_arguments(ctx: Ctx) -> list[Argument]:
    return [_argument(a, ctx) for a in ctx.kb.arguments if a.concern == "general"]
