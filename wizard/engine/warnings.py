"""Points of attention, consistent with the recommendations: an age warning never forbids
what the plan recommends, it says for whom the network is used. Pure."""
from __future__ import annotations

from wizard.engine import country
from wizard.engine.phrases import p
from wizard.engine.recommend import bands_text, direct_of, young_bands
from wizard.engine.scoring import age_cite
from wizard.engine.selection import Plan
from wizard.engine.situation import Situation
from wizard.formatting import hours as fmt_hours
from wizard.strategy import ChannelRecommendation, Warning, Workload


def warnings(channels: list[ChannelRecommendation], plan: Plan, workload: Workload, ctx: Situation) -> list[Warning]:
    prof, lang, out = ctx.profile, ctx.lang, []
    if not channels:
        out.append(Warning(code="no_channel", message=p("w_no_channel", lang)))
    for pick in plan.picks:
        young = young_bands(pick)
        if not young:
            continue
        ch, name = ctx.kb.channels[pick.scored.id], ctx.label("channel", pick.scored.id)
        key = "w_age_watch" if pick.scored.without_account else "w_age_direct"
        out.append(Warning(code="age_minimum", channel=pick.scored.id, message=p(
            key, lang, channel=name, age=pick.scored.min_age, cite=age_cite(ch, lang),
            bands=bands_text(young, ctx), older=bands_text(direct_of(pick, ctx), ctx))))
    out.extend(country.country_warnings(ctx))  # the age of digital consent where the structure is
    est, avail = fmt_hours(workload.estimated_hours_per_week, lang), fmt_hours(workload.available_hours_per_week, lang)
    if workload.available_hours_per_week <= 0:  # no ratio to 0 h: nothing can be promised without time
        out.append(Warning(code="no_time", message=p("w_no_time", lang, estimated=est)))
    elif workload.status == "over":
        share = f"{workload.share_of_available * 100:.0f}"
        out.append(Warning(code="overload", message=p("w_over", lang, estimated=est, available=avail, share=share)))
    elif workload.status == "tight":
        out.append(Warning(code="tight", message=p("w_tight", lang, estimated=est, available=avail)))
    own = prof.constraints.own_accounts_allowed
    if own == "no":
        out.append(Warning(code="own_accounts_not_allowed", message=p("w_accounts_no", lang)))
    elif own == "unknown":
        out.append(Warning(code="own_accounts_unknown", message=p("w_accounts_unknown", lang)))
    if "platform_ethics" in prof.concerns:
        for c in channels:
            ethics = ctx.kb.channels[c.id].ethics
            if ethics is not None:
                out.append(Warning(code="platform_ethics", channel=c.id,
                                   message=p("w_ethics", lang, channel=c.label, text=ctx.text(ethics))))
    if prof.constraints.validation_required:
        for c in channels:
            if ctx.kb.channels[c.id].messaging:
                out.append(Warning(code="validation_messaging", channel=c.id,
                                   message=p("w_validation_messaging", lang, channel=c.label)))
    kept = {c.id for c in channels}
    for cid in prof.presence:
        if cid not in kept:
            out.append(Warning(code="existing_account_not_kept", channel=cid, message=p(
                "w_existing_dropped", lang, channel=ctx.label("channel", cid))))
    if prof.resources.people == 1:
        out.append(Warning(code="single_person", message=p("w_single_person", lang)))
    return out
