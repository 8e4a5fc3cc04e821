"""The engine's sentences, French first, English beside. {placeholders} are filled by the engine."""
from __future__ import annotations

from wizard.i18n import lookup

PHRASES: dict[str, dict[str, str]] = {
    # reasons: audience
    "usage": {"fr": "Vous visez les {band}\u00a0: {value}\u00a0% utilisent {channel} {population} [{sources}].",
              "en": "You target {band}: {value}% use {channel} {population} [{sources}]."},
    "usage_gap": {"fr": "Aucun chiffre publié sur l’usage de {channel} par les {band}\u00a0: ce critère ne lui rapporte aucun point.",
                  "en": "No published figure on {channel} use by {band}: this criterion earns it no points."},
    "group_fit": {"fr": "Public «\u00a0{group}\u00a0»\u00a0: {why}{cite}",
                  "en": "“{group}” audience: {why}{cite}"},
    # goals
    "goal_fit": {"fr": "Votre objectif {rank}, «\u00a0{goal}\u00a0»\u00a0: {why}{cite}",
                 "en": "Your {rank} goal, “{goal}”: {why}{cite}"},
    "rank_1": {"fr": "principal", "en": "main"},
    "rank_2": {"fr": "n°\u00a02", "en": "second"},
    "rank_3": {"fr": "n°\u00a03", "en": "third"},
    # resources
    "has_skills": {"fr": "Votre équipe a déjà ce qu’il faut\u00a0: {items}.", "en": "Your team already has what it takes: {items}."},
    "missing_skills": {"fr": "Il vous manque\u00a0: {items}. Prévoyez une formation ou un appui, ou commencez par les formats les plus simples.",
                       "en": "You lack: {items}. Plan training or support, or start with the simplest formats."},
    # presence
    "presence": {"fr": "Vous avez déjà un compte {channel} ({followers} abonnés, {posts} par semaine)\u00a0: mieux vaut s’appuyer sur cette communauté que repartir de zéro.",
                 "en": "You already have a {channel} account ({followers} followers, {posts} a week): better to build on this community than to start from scratch."},
    "ethics": {"fr": "Votre hiérarchie s’interroge sur l’éthique des plateformes\u00a0: {text}", "en": "Your management questions platform ethics: {text}"},
    # exclusions
    "age_excluded": {"fr": "{channel} est réservé aux {age}\u00a0ans et plus dans ses conditions d’utilisation{country}{cite}\u00a0: aucune des tranches d’âge visées ({bands}) n’y a accès.",
                     "en": "{channel} is for users aged {age} and over under its terms{country}{cite}: none of your target age bands ({bands}) may use it."},
    "age_unverified": {"fr": " (âge non vérifié dans les conditions de la plateforme)", "en": " (age not checked in the platform’s terms)"},
    "in_country": {"fr": " (en {country})", "en": " (in {country})"},
    "low_fit": {"fr": "Score de {score}/100, sous le seuil de {threshold}\u00a0: trop peu adapté à votre public et à vos objectifs.",
                "en": "Score {score}/100, below the threshold of {threshold}: not suited enough to your audience and goals."},
    "networks_one": {"fr": "réseau bien animé", "en": "well-run network"},
    "networks_many": {"fr": "réseaux bien animés", "en": "well-run networks"},
    "capacity": {"fr": "Avec {hours} par semaine, mieux vaut tenir {n} {networks} que davantage à moitié\u00a0: les petites structures sans poste dédié gagnent à se limiter à un ou deux réseaux [{sources}].",
                 "en": "With {hours} a week, {n} {networks} beat more half-run ones: small structures without a dedicated post do best with one or two networks [{sources}]."},
    "capacity_existing": {"fr": "Votre compte {channel} existe déjà, mais le temps disponible ({hours} par semaine) ne permet pas de l’animer en plus des réseaux prioritaires\u00a0: voyez le point d’attention pour le mettre en veille proprement.",
                          "en": "Your {channel} account already exists, but the time available ({hours} a week) does not allow running it on top of the priority networks: see the point of attention to put it on hold properly."},
    "capacity_time": {"fr": "Le temps disponible ({hours} par semaine) ne permet pas d’ajouter ce réseau sans dépasser 90\u00a0% de votre capacité.",
                      "en": "The time available ({hours} a week) does not allow adding this network without exceeding 90% of your capacity."},
    # roles
    "role_default": {"fr": "présence complémentaire", "en": "complementary presence"},
    # workload
    "way_fewer_posts": {"fr": "Réduire le rythme au minimum viable (par exemple {example}) et programmer les publications à l’avance [{sources}].",
                        "en": "Cut the rhythm to the viable minimum (for example {example}) and schedule posts in advance [{sources}]."},
    "way_pool": {"fr": "Mutualiser la production avec des structures partenaires ou avec les comptes de la ville (co-publication, charte éditoriale commune).",
                 "en": "Pool production with partner structures or with the town’s accounts (co-publishing, a shared editorial charter)."},
    "way_reuse": {"fr": "Réutiliser un même contenu sur plusieurs réseaux (une vidéo courte déclinée en story, un visuel repris en publication).",
                  "en": "Reuse one piece of content across networks (a short video turned into a story, a visual reused as a post)."},
    "way_validation": {"fr": "Alléger le circuit de validation\u00a0: valider une ligne éditoriale et des modèles plutôt que chaque publication.",
                       "en": "Lighten the approval circuit: approve an editorial line and templates rather than each post."},
    "way_hours": {"fr": "Demander à la hiérarchie {hours} de plus par semaine pour tenir ce plan minimal.",
                  "en": "Ask management for {hours} more a week to sustain this minimal plan."},
    # warnings
    "w_age_partial": {"fr": "{channel} est réservé aux {age}\u00a0ans et plus{cite}\u00a0: ne l’utilisez pas pour les {bands} que vous visez, et dites-le dans vos communications.",
                      "en": "{channel} is for users aged {age} and over{cite}: do not use it for the {bands} you target, and say so in your communications."},
    "w_consent_15": {"fr": "Vous visez des moins de 15\u00a0ans\u00a0: en France, leur consentement au traitement de leurs données doit être donné conjointement avec les titulaires de l’autorité parentale (RGPD art.\u00a08, loi Informatique et Libertés art.\u00a045) [CANTECH-2023]. Ne recueillez aucune donnée par les réseaux sans cet accord.",
                     "en": "You target under-15s: in France, consent to the processing of their data must be given jointly with the holders of parental authority (GDPR art. 8, French data protection act art. 45) [CANTECH-2023]. Collect no data through the networks without it."},
    "w_over": {"fr": "Même le plan le plus réduit demande environ {estimated} par semaine pour {available} disponibles ({share}\u00a0%). Voyez les pistes pour alléger la charge.",
               "en": "Even the smallest plan needs about {estimated} a week for {available} available ({share}%). See the ways to lighten the load."},
    "w_tight": {"fr": "La charge estimée ({estimated} par semaine) est proche de votre temps disponible ({available})\u00a0: gardez une marge pour les imprévus.",
                "en": "The estimated load ({estimated} a week) is close to the time available ({available}): keep a margin for the unexpected."},
    "w_accounts_no": {"fr": "Votre structure n’est pas autorisée à ouvrir ses propres comptes\u00a0: la première étape est d’obtenir cet accord de votre hiérarchie, ou de convenir d’une co-publication sur les comptes existants. La note aux élus est faite pour cela.",
                      "en": "Your structure may not open its own accounts: the first step is to obtain this permission from management, or to agree on co-publishing on the existing accounts. The note for elected officials is made for this."},
    "w_accounts_unknown": {"fr": "Vous ne savez pas encore si la structure peut ouvrir ses propres comptes\u00a0: posez la question à votre hiérarchie avant toute ouverture.",
                           "en": "You do not know yet whether the structure may open its own accounts: ask management before opening any."},
    "w_ethics": {"fr": "Éthique des plateformes — {channel}\u00a0: {text}", "en": "Platform ethics — {channel}: {text}"},
    "w_validation_messaging": {"fr": "Un circuit de validation ne convient pas aux réponses individuelles sur {channel}\u00a0: faites valider des règles de réponse une fois pour toutes, pas chaque message (délai de validation estimé à 1 à 5\u00a0jours ouvrés quand un directeur ou un élu signe).",
                               "en": "An approval circuit does not suit individual replies on {channel}: have reply rules approved once, not each message (approval delay estimated at 1 to 5 working days when a director or elected official signs)."},
    "w_existing_dropped": {"fr": "Votre compte {channel} n’est pas retenu dans ce plan. Ne le laissez pas sans réponse\u00a0: épinglez un message qui indique où vous joindre et vos horaires, relayez-y vos principales publications si le temps le permet, ou fermez-le après l’avoir annoncé.",
                           "en": "Your {channel} account is not kept in this plan. Do not leave it unanswered: pin a message saying where and when to reach you, relay your main posts there if time allows, or close it after announcing it."},
    "w_single_person": {"fr": "Une seule personne porte les réseaux\u00a0: prévoyez qui prend le relais pendant ses congés et absences, et annoncez-le aux jeunes.",
                        "en": "Only one person runs the networks: plan who takes over during holidays and absences, and tell young people."},
    "w_no_channel": {"fr": "Aucun réseau ne convient au public visé (âges minimums des plateformes). Travaillez avec les parents et les partenaires, ou élargissez la tranche d’âge.",
                     "en": "No network suits the target audience (platforms’ minimum ages). Work with parents and partners, or widen the age band."},
    # summary
    "sum_channels": {"fr": "Réseaux recommandés\u00a0: {channels}.", "en": "Recommended networks: {channels}."},
    "sum_none": {"fr": "Aucun réseau recommandé pour l’instant.", "en": "No network recommended for now."},
    "sum_workload": {"fr": "Charge estimée\u00a0: {estimated} par semaine pour {available} disponibles, soit {share_post}\u00a0% d’un temps plein (estimation ajustable).",
                     "en": "Estimated load: {estimated} a week for {available} available, i.e. {share_post}% of a full-time post (adjustable estimate)."},
    "sum_status_ok": {"fr": "Le plan tient dans le temps disponible.", "en": "The plan fits the time available."},
    "sum_status_tight": {"fr": "Le plan est juste\u00a0: gardez une marge.", "en": "The plan is tight: keep a margin."},
    "sum_status_over": {"fr": "Même réduit, le plan dépasse le temps disponible\u00a0: voyez les pistes proposées.", "en": "Even reduced, the plan exceeds the time available: see the suggested ways out."},
    "sum_goals": {"fr": "Objectif principal\u00a0: {goal}.", "en": "Main goal: {goal}."},
    "months": {"fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
               "en": "January February March April May June July August September October November December"},
    "level_not_assessed": {"fr": "non évalué", "en": "not assessed"},
    "next_not_assessed": {"fr": "Faites l’autodiagnostic de cette dimension pour situer votre point de départ.",
                          "en": "Assess this dimension to know your starting point."},
}


def p(key: str, lang: str = "fr", **values) -> str:
    return lookup(PHRASES, key, lang, **values)
