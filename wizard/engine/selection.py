"""Which channels, at which rhythm: the plan that fits the team and the hours.

1. The roles the main goal calls for (engine.roles): the best network for each role, if it
   fits the cap and 90 % of the hours at its minimum rhythm.
2. Existing accounts with a community (scoring.yaml keep_existing) are kept at their
   minimum rhythm unless a stated reason excludes them: age, a score under the threshold
   (said to be the hierarchy's ethics concern when its penalty is what put it under), or
   hours that truly cannot hold them (adding it would exceed all the hours). The cap does
   not drop them. Then the roles of the other goals and of the audience groups, as in 1.
3. The remaining hours go to the next networks by score, within the cap and 90 %.
4. At least one network (the smallest viable plan), even if it does not fit.
5. Best first, a network is raised to its recommended rhythm while the whole still fits.
Every network left out gets its cause and the numbers behind it (Left), so its reason
never contradicts the workload shown beside it. Pure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from wizard.engine import roles as roles_
from wizard.engine.phrases import p
from wizard.engine.scoring import Scored, score_channel
from wizard.engine.situation import Situation
from wizard.engine.workload import Costs, channel_items, shared_items, total
from wizard.formatting import hours as fmt_hours
from wizard.strategy import WorkItem

Why = Literal["role", "existing", "score", "fallback", "forced"]
FOLLOWUP_GOAL = "individual_followup"  # answering questions is replies, not following young people


@dataclass
class Pick:
    scored: Scored  # the score shown: for its role when it fills one
    why: Why
    need: roles_.Need | None = None


@dataclass
class Left:
    cause: Literal["age", "fit", "capacity", "cap", "ethics", "duplicate", "role_taken", "refused"]
    detail: dict = field(default_factory=dict)


@dataclass
class Plan:
    picks: list[Pick]
    levels: dict[str, str]
    items: list[WorkItem]
    left: dict[str, Left]
    cap: int
    cap_reason: str

    @property
    def channels(self) -> list[str]:
        return [pk.scored.id for pk in self.picks]


def cap(ctx: Situation) -> tuple[int, str]:
    """How many networks the team can run well, and the sentence that says why."""
    c, prof = ctx.kb.scoring.cap, ctx.profile
    res, staff = prof.resources, prof.structure.staff
    small = staff < c.small_staff_below if staff is not None else res.people <= c.small_people_at_most
    dedicated = res.comms_in_job is True or res.hours_per_week >= ctx.kb.scoring.full_time_hours / 2
    hours = fmt_hours(res.hours_per_week, ctx.lang)
    if small and not dedicated:
        n = c.small_structure_networks
        return n, p("cap_small", ctx.lang, hours=hours, n=n, sources=", ".join(c.small_sources))
    n = max(c.small_structure_networks, min(c.most, res.people * c.networks_per_person))
    people = p("people_one", ctx.lang) if res.people == 1 else p("people_many", ctx.lang, n=res.people)
    return n, p("cap_team", ctx.lang, people=people, n=n, basis=ctx.text(c.assumption_basis))


def choose(ctx: Situation, costs: Costs, overall: dict[str, Scored]) -> Plan:
    kb, prof = ctx.kb, ctx.profile
    threshold = kb.scoring.recommend_threshold
    hours = prof.resources.hours_per_week
    budget = hours * kb.scoring.status["ok_up_to"]
    n_cap, cap_reason = cap(ctx)
    needs = roles_.needed(ctx)
    follows = FOLLOWUP_GOAL in prof.goals  # one messaging app carries the individual follow-up
    carrier: list[str] = []

    def share(cid: str) -> float:
        if not kb.channels[cid].messaging or not follows:
            return 0.0
        return 1.0 if (carrier and carrier[0] == cid) or not carrier else 0.0

    memo: dict = {}

    def minimum(cid: str) -> float:
        key = (cid, share(cid))
        if key not in memo:
            memo[key] = total(channel_items(cid, kb.channels[cid], "minimum", ctx, costs, followup_share=key[1]))
        return memo[key]

    def shared(n: int) -> float:
        if n not in memo:
            memo[n] = total(shared_items(ctx, costs, n))
        return memo[n]

    by_role = {n.role: {cid: score_channel(cid, ctx, n.role) for cid in kb.roles.roles[n.role].channels}
               for n in needs}
    picks: list[Pick] = []
    left: dict[str, Left] = {}

    def chosen() -> list[str]:
        return [pk.scored.id for pk in picks]

    def load_with(cid: str) -> float:
        return shared(len(picks) + 1) + sum(minimum(c) for c in chosen()) + minimum(cid)

    def time_left(cid: str, limit: str) -> Left:
        return Left("capacity", {"cost": minimum(cid), "total": load_with(cid), "hours": hours, "limit": limit})

    def add(pick: Pick) -> None:
        picks.append(pick)
        left.pop(pick.scored.id, None)
        if follows and kb.channels[pick.scored.id].messaging and not carrier:
            carrier.append(pick.scored.id)

    # 1. one network per needed role: the main goal's roles, existing communities, the other roles
    def kind(pick: Pick) -> str:
        return kb.roles.roles[pick.need.role].audience if pick.need else "youth"

    def fill(need: roles_.Need) -> None:
        scores, audience = by_role[need.role], kb.roles.roles[need.role].audience
        playing = [pk for pk in picks if pk.scored.id in scores and scores[pk.scored.id].score >= threshold
                   and kind(pk) == audience  # young people's channels do not stand in for the parents'
                   and (kb.roles.roles[need.role].shared or (pk.need and pk.need.role == need.role))]
        if playing:
            return
        ranked = [s for s in sorted(scores.values(), key=lambda s: (-s.score, s.id))
                  if not s.age_blocked and s.score >= threshold and s.id not in ctx.refused]
        for s in ranked:
            if s.id in chosen():  # already in the plan for another audience: it serves this one too
                return
            if len(picks) < n_cap and load_with(s.id) <= budget:
                add(Pick(s, "role", need))
                for other in ranked:
                    if other.id not in chosen() and other.id not in left:
                        left[other.id] = Left("role_taken", {"role": need.role, "other": s.id,
                                                             "other_score": s.score, "score": other.score})
                return
            left.setdefault(s.id, Left("cap") if len(picks) >= n_cap else time_left(s.id, "ok"))

    def keep(cid: str) -> None:
        if cid in ctx.refused:
            return
        options = [by_role[n.role][cid] for n in needs if cid in by_role[n.role]] + [overall[cid]]
        allowed = [s for s in options if not s.age_blocked]
        best = max(allowed, key=lambda s: s.score) if allowed else None
        need = next((n for n in needs if best is not None and n.role == best.role), None)
        ethics = "platform_ethics" in prof.concerns and kb.channels[cid].ethics is not None
        if best is None:
            left[cid] = Left("age")
        elif best.score < threshold:  # the ethics concern costs points: say when it is what tipped it
            tipped = ethics and best.score + kb.scoring.ethics_penalty_points >= threshold
            left[cid] = Left("ethics" if tipped else "fit")
        elif load_with(cid) <= hours:
            add(Pick(best, "existing", need))
        elif not swap_in(cid):
            left[cid] = time_left(cid, "all")

    def swap_in(cid: str) -> bool:
        """Keep an existing community in place of the new network chosen for a main-goal role it
        also plays, when the hours hold one of them but not both: a community that worked is not
        dropped for a newcomer (and so more hours never drop it)."""
        keep_from = kb.scoring.keep_existing.followers
        for at, pk in enumerate(picks):
            sid, role = pk.scored.id, pk.need.role if pk.need else None
            if (pk.why != "role" or pk.need not in main or sid in carrier or cid not in by_role.get(role, {})
                    or prof.presence.get(sid) and prof.presence[sid].followers >= keep_from):
                continue
            mine = by_role[role][cid]
            if mine.age_blocked or mine.score < threshold:
                continue
            picks.remove(pk)
            if load_with(cid) <= hours:
                add(Pick(mine, "existing", pk.need))
                left[sid] = Left("capacity", {"cost": minimum(sid), "total": load_with(sid), "hours": hours,
                                              "limit": "all"})
                return True
            picks.insert(at, pk)  # the community does not fit alone either: the plan stays as it was
            return False
        return False

    # 0. what a what-if imposes or rules out comes before any choice
    for cid in ctx.refused:
        if cid in overall:
            left[cid] = Left("refused")
    for cid in ctx.forced:
        s = overall.get(cid)
        if s is None or cid in chosen():
            continue
        if s.age_blocked:
            left[cid] = Left("age")  # never imposed on children below the platform's age
            continue
        role = _best_role(cid, needs, by_role, chosen(), -1.0)
        add(Pick(by_role[role.role][cid] if role else s, "forced", role))

    main = [n for n in needs if prof.goals[0] in n.goals]
    for need in main:
        fill(need)
    keep_from = kb.scoring.keep_existing.followers
    for cid, presence in sorted(prof.presence.items(), key=lambda kv: (-kv[1].followers, kv[0])):
        if cid not in chosen() and presence.followers >= keep_from:
            keep(cid)
    for need in needs:
        if need not in main:
            fill(need)

    # 3. the remaining hours, by score
    for s in sorted(overall.values(), key=lambda s: (-s.score, s.id)):
        if s.id in chosen() or s.age_blocked or s.score < threshold or s.id in left and left[s.id].cause in (
                "age", "ethics", "fit", "refused"):
            continue
        left.pop(s.id, None) if s.id in left and left[s.id].cause == "role_taken" else None
        if kb.channels[s.id].messaging and any(kb.channels[c].messaging for c in chosen()):
            left.setdefault(s.id, Left("duplicate"))  # a second messaging app would split the same exchanges
            continue
        if len(picks) >= n_cap:
            left.setdefault(s.id, Left("cap"))
        elif load_with(s.id) <= budget:
            role = _best_role(s.id, needs, by_role, chosen(), threshold)
            add(Pick(by_role[role.role][s.id] if role else s, "score", role))
        else:
            left.setdefault(s.id, time_left(s.id, "ok"))

    # 4. the smallest viable plan
    if not picks:
        allowed = sorted((s for s in overall.values() if not s.age_blocked and s.id not in ctx.refused),
                         key=lambda s: (-s.score, s.id))
        if allowed:
            add(Pick(allowed[0], "fallback"))

    for cid, s in overall.items():
        if cid not in chosen() and cid not in left:
            left[cid] = Left("age" if s.age_blocked else "fit")

    # 5. richer rhythms while the whole fits
    per = {c: {lvl: channel_items(c, kb.channels[c], lvl, ctx, costs, followup_share=share(c))
               for lvl in ("minimum", "recommended")} for c in chosen()}
    levels = {c: "minimum" for c in chosen()}
    for c in chosen():
        trial = {**levels, c: "recommended"}
        if shared(len(picks)) + sum(total(per[x][trial[x]]) for x in chosen()) <= budget:
            levels = trial
    items = [i for c in chosen() for i in per[c][levels[c]]] + shared_items(ctx, costs, len(picks))
    return Plan(picks, levels, items, left, n_cap, cap_reason)


def _best_role(cid: str, needs: list[roles_.Need], by_role: dict, chosen: list[str], threshold: float):
    """The role a network added by score plays: one nobody plays yet first, then its best score."""
    playable = [n for n in needs if cid in by_role[n.role] and by_role[n.role][cid].score >= threshold]
    if not playable:
        return None

    def filled(n: roles_.Need) -> bool:
        return any(c in by_role[n.role] and by_role[n.role][c].score >= threshold for c in chosen)
    return min(playable, key=lambda n: (filled(n), -by_role[n.role][cid].score))
