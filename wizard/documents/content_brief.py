"""The note for elected officials: two to four pages a director can sign and send up.

It condenses the strategy into what a decision-maker reads: why (the structure's
figures and a few sourced facts), what (channels, rhythm), how much (staff time),
the answers to the worries raised, the safeguards, and the decisions asked for.
Same neutral blocks and same citation numbering as the strategy document; only the
sources the note cites are listed.
"""
from __future__ import annotations

import re
from datetime import timedelta

from wizard.documents.blocks import Block, Bullets, Document, Heading, Paragraph
from wizard.documents.citations import Citations
from wizard.documents.content_strategy import (after_label, display_name, full_time_hours, lang_of, percent, short,
                                               simulation_note, texts)
from wizard.formatting import hours, long_date, money, number
from wizard.profile import Profile
from wizard.strategy import Argument, Evidence, Strategy

_T = texts(
    fr={
        "title": "Note de synthèse",
        "subtitle": "Présence de la structure sur les réseaux sociaux",
        "h.object": "Objet", "h.context": "Contexte", "h.proposal": "Ce que nous proposons",
        "h.cost": "Ce que cela représente", "h.answers": "Vos questions, nos réponses",
        "h.risks": "Risques et garde-fous", "h.asks": "Ce que nous vous demandons", "h.sources": "Sources",
        "object.ask": "Présence de notre structure sur les réseaux sociaux : autorisation d’ouvrir des comptes "
                      "professionnels et validation du cadre de travail.",
        "object.keep": "Présence de notre structure sur les réseaux sociaux : autorisation de maintenir et de "
                       "faire évoluer {existing}, et validation du cadre de travail.",
        "object.mixed": "Présence de notre structure sur les réseaux sociaux : autorisation d’ouvrir de nouveaux "
                        "comptes professionnels et de faire évoluer {existing}, et validation du cadre de travail.",
        "existing_one": "notre compte existant", "existing_many": "nos comptes existants",
        "object.validate": "Présence de notre structure sur les réseaux sociaux : validation de la stratégie, "
                           "de la charte d’équipe et du temps de travail.",
        "intro": "Nous avons l’honneur de soumettre à votre décision un projet de présence de notre structure sur "
                 "les réseaux sociaux. Cette note en présente les raisons, le contenu, le coût et les garde-fous ; "
                 "la stratégie détaillée est jointe.",
        "ctx.youth": "{name} accueille chaque année {youth} jeunes{territory}{staff}.",
        "ctx.no_youth": "{name} accompagne les jeunes{territory}{staff}.",
        "ctx.staff": ", avec une équipe de {n} personnes", "ctx.staff_one": ", avec une personne salariée",
        "ctx.hours": "L’équipe peut consacrer aux réseaux sociaux {h} par semaine, réparties entre {n} personnes.",
        "ctx.hours_one": "L’équipe peut consacrer aux réseaux sociaux {h} par semaine, avec une seule personne.",
        "ctx.facts": "Plusieurs constats plaident pour cette présence :",
        "prop.many": "Nous proposons d’animer {n} réseaux, choisis selon l’âge et les usages de notre public, "
                     "plutôt que d’être partout :",
        "prop.one": "Nous proposons d’animer un seul réseau, choisi selon l’âge et les usages de notre public, "
                    "plutôt que d’être partout :",
        "prop.none": "Aucun réseau ne convient aujourd’hui à notre public (âges minimums des plateformes) : "
                     "nous proposons de passer par les parents et les partenaires.",
        "prop.rhythm": "{rhythm}, pour environ {h} de travail par semaine.",
        "prop.hours": "environ {h} par semaine.",
        "prop.has_one": "Notre structure dispose déjà d’un compte {channels}, à maintenir et à faire évoluer",
        "prop.has_many": "Notre structure dispose déjà de comptes {channels}, à maintenir et à faire évoluer",
        "prop.new_one": " ; le compte {channels} reste à ouvrir.",
        "prop.new_many": " ; les comptes {channels} restent à ouvrir.",
        "prop.has_end": ".",
        "prop.rest_one": "Notre compte {channels} n’est pas repris dans ce plan : il sera mis en veille sans rien "
                         "supprimer (un message épinglé renvoie vers nos réseaux actifs, les accès administrateurs "
                         "sont conservés) et pourra être relancé.",
        "prop.rest_many": "Nos comptes {channels} ne sont pas repris dans ce plan : ils seront mis en veille sans "
                          "rien supprimer (un message épinglé renvoie vers nos réseaux actifs, les accès "
                          "administrateurs sont conservés) et pourront être relancés.",
        "prop.plan": "La démarche suit un plan à 90 jours : ouverture ou remise en ordre des comptes, premières "
                     "publications, puis un bilan chaque mois. Une charte d’équipe fixe les règles de publication, "
                     "de modération et de temps de travail.",
        "prop.wait": " Rien ne sera publié avant votre accord.",
        "prop.wait_existing": " Rien ne changera sur nos comptes avant votre accord.",
        "prop.wait_mixed": " Aucun nouveau compte ne sera ouvert et rien ne changera sur les comptes existants "
                           "avant votre accord.",
        "cost.main": "Cette présence demande environ {est} de travail par semaine (fourchette de {low} à {high}), "
                     "soit {share} d’un poste à temps plein de {ft}. L’équipe dispose aujourd’hui de {avail} "
                     "par semaine pour cela{status}.",
        "status.ok": " : le plan tient dans ce temps",
        "status.tight": " : le plan l’occupe presque entièrement",
        "status.over": " : le plan le dépasse, et nous proposons de l’alléger",
        "cost.way_out": "Pour l’alléger : ",
        "cost.estimate": "Il s’agit d’une estimation ajustable, fondée sur des hypothèses de travail : elle sera "
                         "revue au vu du temps réellement passé dès le premier bilan mensuel.",
        "cost.free": "L’ouverture des comptes est gratuite : le coût réel est le temps de travail des agents.",
        "cost.budget": "L’ouverture des comptes est gratuite : le coût réel est le temps de travail des agents, "
                       "auquel s’ajoute le budget annuel prévu de {amount}.",
        "ans.competition_municipal_accounts": "Notre compte s’adresse aux jeunes, avec une information neutre"
                                              " sur leurs questions ; celui de la ville s’adresse à tous les "
                                              "habitants. Nous proposerons au service communication une "
                                              "co-publication, un calendrier partagé et un interlocuteur de "
                                              "chaque côté.",
        "ans.time": "Nous nous limitons aux réseaux où se trouve notre public, avec des plages fixes dans "
                    "l’agenda et des publications programmées à l’avance. Le temps nécessaire est chiffré "
                    "ci-dessus et sera vérifié à chaque bilan mensuel.",
        "ans.legal": "Quatre garde-fous encadrent l’essentiel : autorisations écrites de droit à l’image, "
                     "circuit de validation court, charte des agents et règles de modération sur le modèle de"
                     " la charte de l’État. Aucune photo où un jeune est reconnaissable ne sera publiée sans "
                     "autorisation écrite.",
        "ans.privacy": "Aucune situation personnelle ne sera traitée en commentaire public : les échanges "
                       "individuels passent par des comptes professionnels et des messages privés. Nous ne "
                       "recueillons que les informations nécessaires, avec l’accord des parents pour les plus"
                       " jeunes.",
        "ans.reputation": "Une politique de modération sera publiée avant le premier message, et une "
                          "procédure de crise désigne qui alerte la direction et qui répond. Une présence "
                          "régulière et soignée construit aussi une image positive de la structure.",
        "ans.moderation": "La modération sera confiée à des personnes nommées, sur des créneaux fixes, selon "
                          "des règles publiées sur le modèle de la charte de l’État. Le temps qu’elle demande"
                          " est compté dans l’estimation ci-dessus.",
        "ans.disconnect": "La présence en ligne se fait pendant le temps de travail, sur du matériel "
                          "professionnel ; les messages du week-end sont lus le lundi. Les horaires de "
                          "réponse sont affichés sur chaque compte.",
        "ans.no_results": "Nous mesurerons un point de départ le premier mois, puis ferons un bilan mensuel "
                          "court, toujours avec les mêmes indicateurs. À l’accueil, la question « Comment "
                          "nous avez-vous connus ? » reliera la fréquentation aux réseaux.",
        "ans.cost": "Le coût principal est le temps des agents, chiffré ci-dessus. Nous commencerons avec un "
                    "smartphone professionnel et des outils gratuits, sans publicité payante.",
        "ans.skills": "Nous partirons des compétences déjà présentes dans l’équipe et de formats simples, "
                      "avec les formations de notre réseau et un travail en binôme. Ce savoir-faire servira "
                      "aussi aux ateliers où nous aidons les jeunes.",
        "ans.account_security": "Chaque compte sera rattaché à la structure et non à une personne, avec au "
                                "moins deux administrateurs et la double authentification. Les accès seront "
                                "retirés dès le départ d’un agent.",
        "ans.professional_boundary": "Les agents n’utilisent que des comptes professionnels, sur un téléphone"
                                     " professionnel, sous leur identité réelle et leur fonction. Aucun agent"
                                     " n’a à ouvrir ni à montrer son compte personnel.",
        "ans.platform_ethics": "La structure ne fait la promotion d’aucune plateforme : elle va là où sont "
                               "les jeunes pour les accompagner, sans obliger personne à s’y inscrire. Le "
                               "choix des réseaux sera réexaminé chaque année.",
        "answers.more": "Les autres questions, en bref (les sources figurent dans la stratégie jointe) :",
        "evidence": "Repère : ",
        "risks.intro": "Les risques sont connus et se préviennent. La charte d’équipe que nous vous soumettons "
                       "les encadre :",
        "risks.none": "La charte d’équipe jointe à la stratégie encadre la publication, la modération et le "
                      "temps de travail.",
        "asks.intro": "Nous vous demandons :",
        "ask.accounts": "d’autoriser l’ouverture de comptes professionnels au nom de la structure ({channels}), "
                        "administrés par au moins deux agents ;",
        "ask.accounts_none": "d’autoriser la structure à ouvrir ses propres comptes professionnels ;",
        "ask.keep_one": "d’autoriser la structure à maintenir et à faire évoluer son compte {channels} existant, "
                        "administré par au moins deux agents ;",
        "ask.keep_many": "d’autoriser la structure à maintenir et à faire évoluer ses comptes existants "
                         "({channels}), administrés par au moins deux agents ;",
        "ask.charter": "de valider la charte d’équipe, notamment son circuit de validation ;",
        "ask.charter_plain": "de valider la charte d’équipe ;",
        "ask.hours": "d’accorder {h} par semaine sur le temps de travail de l’équipe pour les trois premiers "
                     "mois ;",
        "ask.review": "de convenir d’un bilan à trois mois, vers le {date}, sur la base des indicateurs retenus : "
                      "{kpis}.",
        "ask.review_plain": "de convenir d’un bilan à trois mois, vers le {date}, sur la base d’indicateurs "
                            "chiffrés.",
        "no_sources": "Aucune source citée.",
        "closing": "Nous nous tenons à votre disposition pour vous présenter la stratégie détaillée.",
        "signed_on": "Le {date}",  # no place is known, so no « Fait à …, le … »
        "signed_by": "Pour la structure : ",
        "and": " et ",
        "addr.commune": "Madame la Maire, Monsieur le Maire",
        "addr.intercommunalite": "Madame la Présidente, Monsieur le Président de l’intercommunalité",
        "addr.departement": "Madame la Présidente, Monsieur le Président du Conseil départemental",
        "addr.region": "Madame la Présidente, Monsieur le Président du Conseil régional",
        "addr.etat": "Madame la Préfète, Monsieur le Préfet",
        "addr.association": "Madame la Présidente, Monsieur le Président, Mesdames et Messieurs les "
                            "administrateurs",
        "addr.autre": "Madame, Monsieur",
        "terr.rural": " en milieu rural", "terr.periurbain": " en zone périurbaine",
        "terr.urbain": " en milieu urbain", "terr.metropole": " dans une métropole",
    },
    en={
        "title": "Briefing note",
        "subtitle": "Our organisation on social media",
        "h.object": "Subject", "h.context": "Background", "h.proposal": "What we propose",
        "h.cost": "What it takes", "h.answers": "Your questions, our answers",
        "h.risks": "Risks and safeguards", "h.asks": "What we ask of you", "h.sources": "Sources",
        "object.ask": "Our organisation on social media: permission to open professional accounts and approval "
                      "of the working framework.",
        "object.keep": "Our organisation on social media: permission to keep up and develop {existing}, and "
                       "approval of the working framework.",
        "object.mixed": "Our organisation on social media: permission to open new professional accounts and to "
                        "develop {existing}, and approval of the working framework.",
        "existing_one": "our existing account", "existing_many": "our existing accounts",
        "object.validate": "Our organisation on social media: approval of the strategy, the team charter and the "
                           "working time.",
        "intro": "We submit for your decision a plan for our organisation’s presence on social media. This note "
                 "sets out the reasons, the content, the cost and the safeguards; the full strategy is attached.",
        "ctx.youth": "{name} welcomes {youth} young people a year{territory}{staff}.",
        "ctx.no_youth": "{name} supports young people{territory}{staff}.",
        "ctx.staff": ", with a team of {n} people", "ctx.staff_one": ", with one employee",
        "ctx.hours": "The team can give social media {h} a week, shared by {n} people.",
        "ctx.hours_one": "The team can give social media {h} a week, with one person.",
        "ctx.facts": "Several findings argue for this presence:",
        "prop.many": "We propose to run {n} networks, chosen for the age and habits of our audience, rather than "
                     "being everywhere:",
        "prop.one": "We propose to run a single network, chosen for the age and habits of our audience, rather "
                    "than being everywhere:",
        "prop.none": "No network suits our audience today (platforms’ minimum ages): we propose to work through "
                     "parents and partners.",
        "prop.rhythm": "{rhythm}, for about {h} of work a week.",
        "prop.hours": "about {h} a week.",
        "prop.has_one": "Our organisation already has a {channels} account, to be kept up and developed",
        "prop.has_many": "Our organisation already has {channels} accounts, to be kept up and developed",
        "prop.new_one": "; the {channels} account is still to be opened.",
        "prop.new_many": "; the {channels} accounts are still to be opened.",
        "prop.has_end": ".",
        "prop.rest_one": "Our {channels} account is not kept in this plan: it will be put on hold without deleting "
                         "anything (a pinned post points to our active networks, admin access is kept) and can be "
                         "relaunched.",
        "prop.rest_many": "Our {channels} accounts are not kept in this plan: they will be put on hold without "
                          "deleting anything (a pinned post points to our active networks, admin access is kept) and "
                          "can be relaunched.",
        "prop.plan": "The work follows a 90-day plan: opening or tidying up the accounts, first posts, then a "
                     "review every month. A team charter sets the rules for posting, moderation and working time.",
        "prop.wait": " Nothing will be published before your approval.",
        "prop.wait_existing": " Nothing will change on our accounts before your approval.",
        "prop.wait_mixed": " No new account will be opened and nothing will change on the existing accounts "
                           "before your approval.",
        "cost.main": "This presence takes about {est} of work a week (range {low} to {high}), i.e. {share} of a "
                     "{ft} full-time post. The team has {avail} a week for it today{status}.",
        "status.ok": ": the plan fits in that time",
        "status.tight": ": the plan takes almost all of it",
        "status.over": ": the plan exceeds it, and we propose to lighten it",
        "cost.way_out": "To lighten it: ",
        "cost.estimate": "This is an adjustable estimate, based on working assumptions: it will be reviewed against "
                         "the time actually spent at the first monthly review.",
        "cost.free": "Opening the accounts is free: the real cost is staff time.",
        "cost.budget": "Opening the accounts is free: the real cost is staff time, plus the planned yearly budget "
                       "of {amount}.",
        "ans.competition_municipal_accounts": "Our account speaks to young people, with neutral information "
                                              "on their questions; the town’s account speaks to all "
                                              "residents. We will offer the communication department "
                                              "co-publication, a shared calendar and one contact person on "
                                              "each side.",
        "ans.time": "We keep to the networks where our audience is, with fixed slots in the diary and posts "
                    "scheduled in advance. The time needed is costed above and will be checked at every "
                    "monthly review.",
        "ans.legal": "Four safeguards cover the essentials: written image consent, a short sign-off circuit, "
                     "a staff charter and moderation rules modelled on the State charter. No photo in which a"
                     " young person can be recognised will be published without written consent.",
        "ans.privacy": "No personal situation will be handled in a public comment: individual exchanges go "
                       "through professional accounts and private messages. We collect only the information "
                       "needed, with parents’ consent for the youngest.",
        "ans.reputation": "A moderation policy will be published before the first post, and a crisis "
                          "procedure says who alerts management and who answers. A regular, careful presence "
                          "also builds a positive image of the organisation.",
        "ans.moderation": "Moderation will be done by named people, in fixed slots, following published rules"
                          " modelled on the State charter. The time it takes is counted in the estimate "
                          "above.",
        "ans.disconnect": "Online presence happens during working time, on work equipment; weekend messages "
                          "are read on Monday. Reply hours are shown on every account.",
        "ans.no_results": "We will measure a baseline in the first month, then write a short monthly review, "
                          "always with the same indicators. At the front desk, the question “How did you hear"
                          " about us?” will link visits to the networks.",
        "ans.cost": "The main cost is staff time, costed above. We will start with a work smartphone and free"
                    " tools, without paid advertising.",
        "ans.skills": "We will start from the skills already in the team and from simple formats, with our "
                      "network’s training and work in pairs. This know-how will also serve the workshops "
                      "where we help young people.",
        "ans.account_security": "Every account will belong to the organisation, not to a person, with at "
                                "least two administrators and two-factor authentication. Access will be "
                                "removed as soon as a staff member leaves.",
        "ans.professional_boundary": "Staff use only professional accounts, on a work phone, under their real"
                                     " name and job title. No one has to open or show a personal account.",
        "ans.platform_ethics": "The organisation promotes no platform: it goes where young people are to "
                               "support them, without forcing anyone to sign up. The choice of networks will "
                               "be reviewed every year.",
        "answers.more": "The other questions, in short (sources are in the attached strategy):",
        "evidence": "Evidence: ",
        "risks.intro": "The risks are known and can be prevented. The team charter we submit to you covers them:",
        "risks.none": "The team charter attached to the strategy covers posting, moderation and working time.",
        "asks.intro": "We ask you:",
        "ask.accounts": "to allow professional accounts to be opened in the organisation’s name ({channels}), "
                        "run by at least two staff members;",
        "ask.accounts_none": "to allow the organisation to open its own professional accounts;",
        "ask.keep_one": "to allow the organisation to keep up and develop its existing {channels} account, run by "
                        "at least two staff members;",
        "ask.keep_many": "to allow the organisation to keep up and develop its existing accounts ({channels}), run "
                         "by at least two staff members;",
        "ask.charter": "to approve the team charter, including its sign-off circuit;",
        "ask.charter_plain": "to approve the team charter;",
        "ask.hours": "to grant {h} a week of the team’s working time for the first three months;",
        "ask.review": "to agree on a review after three months, around {date}, based on the chosen indicators: "
                      "{kpis}.",
        "ask.review_plain": "to agree on a review after three months, around {date}, based on figures.",
        "no_sources": "No source cited.",
        "closing": "We remain at your disposal to present the full strategy.",
        "signed_on": "{date}",
        "signed_by": "For the organisation: ",
        "and": " and ",
        "addr.commune": "Dear Mayor",
        "addr.intercommunalite": "Dear President of the inter-municipal body",
        "addr.departement": "Dear President of the Departmental Council",
        "addr.region": "Dear President of the Regional Council",
        "addr.etat": "Dear Prefect",
        "addr.association": "Dear President, dear Board members",
        "addr.autre": "Dear Sir or Madam",
        "terr.rural": " in a rural area", "terr.periurbain": " in a peri-urban area",
        "terr.urbain": " in an urban area", "terr.metropole": " in a metropolis",
    },
)

HEADINGS = ("h.object", "h.context", "h.proposal", "h.cost", "h.answers", "h.risks", "h.asks", "h.sources")
IJ_KINDS = ("pij", "bij", "cij", "crij")
# Context arguments carry no id in the Strategy contract: each is recognised by the first
# source of its first piece of evidence, which does not depend on the language.
_THEMES = {"need": "INJEP-DJEPVA-2024", "ij_mission": "LEGI-ART54", "invisibles": "DARES-2020",
           "institutions": "ASH-2017a", "community": "RESEAUTAGE-2012", "missions_locales": "ML-SALON-2020"}
# Which facts open the note, by kind of structure: (theme, index of the evidence).
_FACTS = {
    "ij": (("need", 0), ("ij_mission", 0), ("ij_mission", 1)),
    "mission_locale": (("need", 0), ("invisibles", 0), ("invisibles", 1)),
    "qc": (("need", 2), ("community", 0), ("community", 1)),
    "other": (("need", 0), ("invisibles", 1), ("institutions", 0)),
}
# Charter clauses that answer "what could go wrong", in the order a decision-maker asks.
SAFEGUARDS = ("validation_circuit", "moderation_policy", "working_hours_only", "planned_extended_hours",
              "professional_accounts_only")


def addressee(parent_body: str | None, lang: str = "fr") -> str:
    """The salutation, from the body the structure reports to."""
    t = _T[lang]
    return t.get(f"addr.{parent_body}", t["addr.autre"])


def brief_document(strategy: Strategy, profile: Profile) -> Document:
    lang = lang_of(strategy)
    t = _T[lang]
    cite = Citations(strategy.sources)
    name = display_name(strategy, profile, lang)
    asks_accounts = profile.constraints.own_accounts_allowed != "yes"
    new, existing = accounts(strategy, profile)
    h = {k: Heading(t[k]) for k in HEADINGS}
    blocks: list[Block] = [
        h["h.object"], Paragraph(_object(asks_accounts, new, existing, t), style="lead"),
        *simulation_note(strategy, lang),
        Paragraph(addressee(profile.structure.parent_body, lang) + ","), Paragraph(t["intro"]),
        h["h.context"], *_context(strategy, profile, name, cite, t, lang),
        h["h.proposal"], *_proposal(strategy, asks_accounts, new, existing, cite, t, lang),
        h["h.cost"], *_cost(strategy, profile, cite, t, lang),
        h["h.answers"], *_answers(strategy, cite, t),
        h["h.risks"], *_risks(strategy, t),
        h["h.asks"], *_asks(strategy, asks_accounts, new, existing, t, lang),
        Paragraph(t["closing"]),
        Paragraph(t["signed_on"].format(date=long_date(strategy.generated_on, lang))),
        Paragraph(name, label=t["signed_by"]),
        h["h.sources"],
    ]
    blocks.append(cite.block(lang) if cite.listed() else Paragraph(t["no_sources"]))
    return Document(kind="brief", title=t["title"], subtitle=t["subtitle"], structure_name=short(name),
                    date=strategy.generated_on, lang=lang, cover=False, toc=False, blocks=tuple(blocks),
                    keywords=(t["title"], t["subtitle"]))


def accounts(s: Strategy, profile: Profile) -> tuple[list[str], list[str]]:
    """The recommended channels as (accounts to open, accounts the structure already has),
    by label; the profile's `presence` lists the networks where it already has an account."""
    present = set(profile.presence)
    return ([c.label for c in s.channels if c.id not in present], [c.label for c in s.channels if c.id in present])


def _object(asks_accounts: bool, new: list[str], existing: list[str], t) -> str:
    if not asks_accounts:
        return t["object.validate"]
    if not existing:
        return t["object.ask"]
    ours = t["existing_one" if len(existing) == 1 else "existing_many"]
    return t["object.mixed" if new else "object.keep"].format(existing=ours)


def _context(s: Strategy, profile: Profile, name: str, cite: Citations, t, lang) -> list[Block]:
    st, res = profile.structure, profile.resources
    staff = ("" if st.staff is None else
             t["ctx.staff_one"] if st.staff == 1 else t["ctx.staff"].format(n=number(st.staff, lang)))
    territory = t[f"terr.{st.territory}"] if st.territory else ""
    if st.youth_per_year is not None:
        first = t["ctx.youth"].format(name=name, youth=number(st.youth_per_year, lang), territory=territory,
                                      staff=staff)
    else:
        first = t["ctx.no_youth"].format(name=name, territory=territory, staff=staff)
    time = t["ctx.hours_one" if res.people == 1 else "ctx.hours"].format(h=hours(res.hours_per_week, lang),
                                                                          n=number(res.people, lang))
    out: list[Block] = [Paragraph(f"{first} {time}")]
    facts = context_facts(s, profile)
    if facts:
        out += [Paragraph(t["ctx.facts"]), Bullets(tuple(cite.text(e.text, e.sources) for e in facts))]
    return out


def context_facts(s: Strategy, profile: Profile) -> list[Evidence]:
    """Two or three sourced facts that suit the kind of structure (legal mission for IJ,
    non-take-up and "invisibles" for Missions Locales…)."""
    by_theme = {theme: a for a in s.context_arguments for theme, key in _THEMES.items()
                if a.evidence[0].sources[:1] == [key]}
    kind = profile.structure.kind
    group = ("ij" if kind in IJ_KINDS and profile.structure.country == "fr" else
             kind if kind in _FACTS else "qc" if profile.structure.country == "qc" else "other")
    facts = [by_theme[theme].evidence[i] for theme, i in _FACTS[group]
             if theme in by_theme and i < len(by_theme[theme].evidence)]
    if not facts:  # the knowledge changed: fall back on the first general arguments
        facts = [a.evidence[0] for a in s.context_arguments[:2]]
    return facts


def _proposal(s: Strategy, asks_accounts: bool, new: list[str], existing: list[str], cite: Citations, t,
              lang) -> list[Block]:
    if not s.channels:
        return [Paragraph(t["prop.none"])]
    n = len(s.channels)
    items = []
    for c in s.channels:
        rhythm = rhythm_words(c.rhythm, lang, c.rhythm_text)
        items.append(t["prop.rhythm"].format(rhythm=rhythm, h=hours(c.hours_per_week, lang)) if rhythm
                     else t["prop.hours"].format(h=hours(c.hours_per_week, lang)))
    labels = tuple(f"{c.label} ({c.role}){_sep(lang)}" for c in s.channels)
    out: list[Block] = [Paragraph(t["prop.one"] if n == 1 else t["prop.many"].format(n=n)),
                        Bullets(tuple(cite.text(i) for i in items), labels=labels)]
    if existing:  # say which accounts exist and which are new, before the plan that opens or tidies them up
        has = t["prop.has_one" if len(existing) == 1 else "prop.has_many"].format(channels=_join(existing, t))
        rest = (t["prop.new_one" if len(new) == 1 else "prop.new_many"].format(channels=_join(new, t)) if new
                else t["prop.has_end"])
        out.append(Paragraph(has + rest))
    resting = [e.label for e in s.excluded if e.rest]
    if resting:  # an account that exists and is left out: how it is put to rest, said to the officials too
        out.append(Paragraph(t["prop.rest_one" if len(resting) == 1 else "prop.rest_many"].format(
            channels=_join(resting, t))))
    wait = "" if not asks_accounts else t["prop.wait_mixed" if existing and new else
                                          "prop.wait_existing" if existing else "prop.wait"]
    out.append(Paragraph(t["prop.plan"] + wait))
    return out


# The rhythm of a channel in words, for the note: « deux publications illustrées et trois stories
# par semaine », « une vidéo longue toutes les deux semaines ». Per activity id: singular, plural,
# feminine (French), and what follows the period (« deux temps de présence par semaine dans les
# conversations »). An activity not listed here keeps the engine's wording.
_ACTIVITIES = {
    "fr": {"image_post": ("publication illustrée", "publications illustrées", True, ""),
           "story": ("story", "stories", True, ""),
           "short_video": ("vidéo courte", "vidéos courtes", True, ""),
           "long_video": ("vidéo longue", "vidéos longues", True, ""),
           "live": ("séance en direct", "séances en direct", True, ""),
           "participation": ("temps de présence", "temps de présence", False, "dans les conversations")},
    "en": {"image_post": ("image post", "image posts", False, ""),
           "story": ("story", "stories", False, ""),
           "short_video": ("short video", "short videos", False, ""),
           "long_video": ("long video", "long videos", False, ""),
           "live": ("live session", "live sessions", False, ""),
           "participation": ("slot", "slots", False, "in the conversations")},
}
_PERIODS = {"fr": {1: "par semaine", 2: "toutes les deux semaines", 4: "par mois"},
            "en": {1: "a week", 2: "every two weeks", 4: "a month"}}
_NUMBERS = {
    "fr": ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
           "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
           "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"),
}


def rhythm_words(rhythm: dict[str, float], lang: str = "fr", fallback: list[str] = ()) -> str:
    """Items per week by activity id, in words: 0.5 a week is « une … toutes les deux semaines »,
    1.25 a week « cinq … par mois »; "" when there is nothing to say."""
    lang = "en" if lang == "en" else "fr"
    groups: dict[int, list[str]] = {}  # period (in weeks) -> items without a complement
    alone: list[str] = []
    for index, (activity, count) in enumerate(rhythm.items()):
        if not count or count <= 0:
            continue
        known = _ACTIVITIES[lang].get(activity)
        if known is None:
            alone.append(_engine_wording(activity, count, lang, fallback, index))
            continue
        singular, plural, feminine, complement = known
        weeks, n = next(((w, round(count * w)) for w in (1, 2, 4) if abs(count * w - round(count * w)) < 1e-6
                         and round(count * w) >= 1), (1, count))
        if n == 1:
            amount = ("une" if feminine else "un") if lang == "fr" else "one"
        elif isinstance(n, int) and n < len(_NUMBERS[lang]):
            amount = _NUMBERS[lang][n]
        else:
            amount = number(n, lang)
        item = f"{amount} {singular if n < 2 else plural}"
        if complement:
            alone.append(f"{item} {_PERIODS[lang][weeks]} {complement}")
        else:
            groups.setdefault(weeks, []).append(item)
    and_ = _T[lang]["and"]
    phrases = [f"{_join(items, {'and': and_})} {_PERIODS[lang][weeks]}" for weeks, items in groups.items()]
    return _join(phrases + alone, {"and": and_})


def _engine_wording(activity: str, count: float, lang: str, fallback, index: int) -> str:
    """« modération des commentaires (2 par semaine) » from the engine's « 2 × modération des commentaires »."""
    text = fallback[index] if index < len(fallback) else activity
    text = re.sub(r"^\s*[\d.,\u00a0\u202f]+\s*×\s*", "", text)
    return f"{text} ({number(count, lang)} {_PERIODS[lang][1]})"


def _cost(s: Strategy, profile: Profile, cite: Citations, t, lang) -> list[Block]:
    w = s.workload
    out: list[Block] = [Paragraph(t["cost.main"].format(
        est=hours(w.estimated_hours_per_week, lang), low=hours(w.low_hours_per_week, lang),
        high=hours(w.high_hours_per_week, lang), share=percent(w.share_of_full_time, lang),
        ft=hours(full_time_hours(s), lang), avail=hours(w.available_hours_per_week, lang),
        status=t[f"status.{w.status}"]))]
    if w.status == "over" and w.ways_out:
        out.append(Paragraph(after_label(t["cost.way_out"], cite.text(w.ways_out[0])), label=t["cost.way_out"]))
    budget = profile.resources.budget_per_year
    amount = money(budget, profile.resources.currency, lang)
    out += [Paragraph(t["cost.estimate"]), Paragraph(t["cost.budget"].format(amount=amount) if budget else t["cost.free"])]
    return out


# Up to four worries get a full answer; with more, the first three do and the others get one
# line each, so that a profile with every worry ticked still fits in four pages.
FULL_ANSWERS, FULL_WHEN_MANY = 4, 3


def _answers(s: Strategy, cite: Citations, t) -> list[Block]:
    """Per worry: its title, one or two sentences, the strongest piece of evidence with its source."""
    cut = FULL_ANSWERS if len(s.arguments) <= FULL_ANSWERS else FULL_WHEN_MANY
    full, rest = s.arguments[:cut], s.arguments[cut:]
    keep = 1 if rest else 2
    out: list[Block] = []
    for a in full:
        e = strongest(a, s)
        out += [Heading(a.title, level=3, toc=False), Paragraph(sentences(answer(a, t), keep)),
                Paragraph(after_label(t["evidence"], cite.text(e.text, e.sources)), label=t["evidence"])]
    if rest:
        out += [Paragraph(t["answers.more"]),
                Bullets(tuple(after_label(_sep(s.lang), sentences(answer(a, t), 1)) for a in rest),
                        labels=tuple(f"{a.title}{_sep(s.lang)}" for a in rest))]
    return out


def answer(a: Argument, t) -> str:
    """What we will do, said to the decision-maker. The Strategy's responses advise the team
    ("Limitez-vous à…"), so the note has its own sentence per concern; a concern added to the
    knowledge later falls back on the response's first sentences that are not instructions."""
    if f"ans.{a.concern}" in t:
        return t[f"ans.{a.concern}"]
    said = [x for x in _SENTENCE_END.split(a.response.strip()) if not _INSTRUCTION.match(x)]
    return " ".join(said) or a.response


_INSTRUCTION = re.compile(r"^(N[’']|Ne )?(\w+ez|Faites|Dites)\b")  # "Réservez…", "Ne publiez…", "Faites…"


def strongest(a: Argument, s: Strategy) -> Evidence:
    """The knowledge lists evidence strongest first; skip only what rests on secondary sources alone."""
    secondary = {x.key for x in s.sources if x.secondary}
    return next((e for e in a.evidence if any(k not in secondary for k in e.sources)), a.evidence[0])


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«A-ZÀÂÉÈÊÎÔÛÇ])")


def sentences(text: str, n: int) -> str:
    return " ".join(_SENTENCE_END.split(text.strip())[:n])


def _risks(s: Strategy, t) -> list[Block]:
    clauses = [c for c in (next((c for c in s.charter if c.id == i), None) for i in SAFEGUARDS) if c]
    if not clauses:
        return [Paragraph(t["risks.none"])]
    return [Paragraph(t["risks.intro"]),
            Bullets(tuple(after_label(_sep(s.lang), _gist(c.text)) for c in clauses),  # sources: in the strategy
                    labels=tuple(f"{c.title}{_sep(s.lang)}" for c in clauses))]


def _gist(text: str) -> str:
    """The first sentence of a clause, or two when the first only announces the rule."""
    first = sentences(text, 1)
    return sentences(text, 2) if len(first.split()) < 12 else first


def _asks(s: Strategy, asks_accounts: bool, new: list[str], existing: list[str], t, lang) -> list[Block]:
    items = []
    if asks_accounts:
        if new:
            items.append(t["ask.accounts"].format(channels=_join(new, t)))
        if existing:
            items.append(t["ask.keep_one" if len(existing) == 1 else "ask.keep_many"].format(
                channels=_join(existing, t)))
        if not s.channels:
            items.append(t["ask.accounts_none"])
    has_circuit = any(c.id == "validation_circuit" for c in s.charter)
    items.append(t["ask.charter" if has_circuit else "ask.charter_plain"])
    items.append(t["ask.hours"].format(h=hours(s.workload.estimated_hours_per_week, lang)))
    start = s.plan[0].starts_on if s.plan else s.generated_on
    review = long_date(start + timedelta(weeks=13), lang)
    kpis = _join([_lower_first(k.name) for k in s.kpis[:3]], t)
    items.append(t["ask.review"].format(date=review, kpis=kpis) if kpis else
                 t["ask.review_plain"].format(date=review))
    return [Paragraph(t["asks.intro"]), Bullets(tuple(items), numbered=True)]


def _join(words: list[str], t) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + t["and"] + words[-1]


def _lower_first(text: str) -> str:
    """"Taux de réponse" -> "taux de réponse" inside a sentence; acronyms ("KPI") stay."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _sep(lang: str) -> str:
    return "\u00a0: " if lang == "fr" else ": "
