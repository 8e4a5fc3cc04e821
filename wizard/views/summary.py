"""A Profile as readable rows (section, label, value) with the vocabulary's labels. Pure."""
from __future__ import annotations

from wizard.formatting import hours, lower_first, money, number
from wizard.i18n import phrases
from wizard.profile import Profile
from wizard.vocabulary import label

_t = phrases("summary")  # wizard/catalogue/summary.yaml


def _l(key: str, lang: str) -> str:
    return _t(key, lang)


def _labels(vocab: str, values, lang: str) -> str:
    return ", ".join(label(vocab, v, lang) for v in values) or _l("none", lang)


def summary_rows(p: Profile, lang: str = "fr") -> list[tuple[str, str, str]]:
    s, r, c = p.structure, p.resources, p.constraints
    yn = lambda b: _l("yes" if b else "no", lang)
    opt = lambda v, f=str: f(v) if v is not None else _l("unknown", lang)
    sec = lambda k: _t(f"section_{k}", lang)
    rows = [
        (sec("structure"), _l("name", lang), s.name or _l("unknown", lang)),
        (sec("structure"), _l("kind", lang), label("structure_kind", s.kind, lang)),
        (sec("structure"), _l("country", lang), label("country", s.country, lang)),
        (sec("structure"), _l("territory", lang), opt(s.territory, lambda v: label("territory", v, lang))),
        (sec("structure"), _l("parent_body", lang), opt(s.parent_body, lambda v: label("parent_body", v, lang))),
        (sec("structure"), _l("youth_per_year", lang), opt(s.youth_per_year, lambda v: number(v, lang))),
        (sec("structure"), _l("staff", lang), opt(s.staff, lambda v: number(v, lang))),
    ]
    if p.presence:
        for ch, pres in p.presence.items():
            rows.append((sec("presence"), label("channel", ch, lang),
                         f"{number(pres.followers, lang)} {_l('follower' if pres.followers <= 1 else 'followers', lang)}, "
                         f"{number(pres.posts_per_week, lang)} {_l('post' if pres.posts_per_week <= 1 else 'posts', lang)}"))
    else:
        rows.append((sec("presence"), "—", _l("none", lang)))
    rows += [
        (sec("goals"), _l("goals", lang), " ; ".join(f"{i}. {label('goal', g, lang)}" for i, g in enumerate(p.goals, 1)).replace(" ;", "\u00a0;")),
        (sec("audience"), _l("age_bands", lang), _labels("age_band", p.audience.age_bands, lang)),
        (sec("audience"), _l("groups", lang), _labels("group", p.audience.groups, lang)),
        (sec("resources"), _l("hours", lang), f"{hours(r.hours_per_week, lang)} {_l('per_week', lang)}"),
        (sec("resources"), _l("people", lang), number(r.people, lang)),
        (sec("resources"), _l("skills", lang), _labels("skill", r.skills, lang)),
        (sec("resources"), _l("equipment", lang), _labels("equipment", r.equipment, lang)),
        (sec("resources"), _l("budget", lang), money(r.budget_per_year, r.currency, lang)),
        (sec("concerns"), _l("concerns", lang), _labels("concern", p.concerns, lang)),
        (sec("constraints"), _l("validation", lang), yn(c.validation_required)),
        (sec("constraints"), _l("own", lang), lower_first(label("own_accounts_allowed", c.own_accounts_allowed, lang))),
        (sec("constraints"), _l("hours_only", lang), yn(c.working_hours_only)),
    ]
    for dim, score in p.maturity.items():
        rows.append((sec("maturity"), label("maturity_dimension", dim, lang), f"{score}/5"))
    return rows
