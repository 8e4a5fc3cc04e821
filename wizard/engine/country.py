"""What depends on the structure's country, and what the knowledge base does not cover there.

Pure functions of the context. France is the country the knowledge base covers best; Belgium,
Switzerland and Québec get the rules REFERENCE §10.4 gives for them; a country the base does not
know ("autre") gets no country-specific rule, and is told so. Nothing French is applied silently
elsewhere: where a rule is not known, `not_covered` says it in a sentence the strategy shows.
"""
from __future__ import annotations

from wizard.engine.context import Ctx
from wizard.engine.phrases import p
from wizard.i18n import lookup
from wizard.strategy import Warning

MINOR_BANDS = ("11_14", "15_17")

PHRASES: dict[str, dict[str, str]] = {
    # warnings: consent of minors to the processing of their data
    "w_consent_13_be": {
        "fr": "Vous visez des 11–14\u00a0ans\u00a0: en Belgique, le consentement au traitement des données est "
              "valable «\u00a0par des enfants âgés de 13\u00a0ans ou plus\u00a0»\u00a0; avant 13\u00a0ans, seul "
              "le représentant légal peut consentir (loi du 30\u00a0juillet 2018, art.\u00a07, en vigueur depuis "
              "le 5\u00a0septembre 2018) [BE-LOI-2018]. "
              "Ne recueillez aucune donnée d’un jeune de moins de 13\u00a0ans par les réseaux sans cet accord.",
        "en": "You target 11–14 year-olds: in Belgium, consent to data processing is valid “by children aged 13 "
              "or over”; under 13, only the legal representative may consent (Act of 30 July 2018, art. 7, in "
              "force since 5 September 2018) [BE-LOI-2018]. Collect no data from a young person under 13 through "
              "the networks without that consent."},
    "w_consent_14_qc": {
        "fr": "Vous visez des moins de 14\u00a0ans\u00a0: au Québec, la loi P-39.1 (art.\u00a04.1) interdit de "
              "recueillir un renseignement personnel auprès d’un mineur de moins de 14\u00a0ans sans le "
              "consentement du titulaire de l’autorité parentale ou du tuteur, sauf si la collecte est "
              "manifestement au bénéfice du mineur [WATCHDOG]. Cette règle a été lue sur une page secondaire\u00a0: "
              "à vérifier dans le texte officiel. Ne recueillez aucune donnée par les réseaux sans cet accord.",
        "en": "You target under-14s: in Québec, Act P-39.1 (s. 4.1) forbids collecting personal information from a "
              "minor under 14 without the consent of the holder of parental authority or the tutor, unless the "
              "collection is clearly for the minor’s benefit [WATCHDOG]. This rule was read on a secondary page: "
              "check it in the official text. Collect no data through the networks without that consent."},
    "w_consent_ch": {
        "fr": "Vous visez des mineurs\u00a0: la base de connaissances de Cap Réseaux ne couvre pas l’âge à partir "
              "duquel un mineur consent seul au traitement de ses données en Suisse (la nouvelle loi sur la "
              "protection des données est en vigueur depuis le 1er\u00a0septembre 2023 [SWISSPRIVACY]). "
              "Vérifiez-le dans le texte officiel avant de recueillir des données de jeunes par les réseaux.",
        "en": "You target minors: Cap Réseaux’s knowledge base does not cover the age from which a minor consents "
              "alone to the processing of their data in Switzerland (the new Data Protection Act has been in "
              "force since 1 September 2023 [SWISSPRIVACY]). Check it in the official text before collecting "
              "young people’s data through the networks."},
    "w_consent_other": {
        "fr": "Vous visez des mineurs\u00a0: la base de connaissances de Cap Réseaux ne couvre pas le droit de votre "
              "pays, notamment l’âge à partir duquel un mineur consent seul au traitement de ses données. "
              "Vérifiez-le avant de recueillir des données de jeunes par les réseaux.",
        "en": "You target minors: Cap Réseaux’s knowledge base does not cover the law of your country, in "
              "particular the age from which a minor consents alone to the processing of their data. Check it "
              "before collecting young people’s data through the networks."},
    # what the knowledge base does not cover
    "nc_law_other": {
        "fr": "Le droit de votre pays n’est pas couvert par la base de connaissances\u00a0: les règles du droit "
              "français de ce plan (consentement des mineurs, droit à l’image, déconnexion…) ne sont données "
              "qu’à titre d’exemple et ne s’appliquent pas chez vous.",
        "en": "The law of your country is not covered by the knowledge base: the French rules in this plan "
              "(minors’ consent, image rights, disconnection…) are given only as examples and do not apply to "
              "you."},
    "nc_calendar_be": {
        "fr": "Le calendrier de la Belgique (inscriptions, examens, vacances scolaires) n’est pas couvert\u00a0: "
              "seuls les rendez-vous internationaux figurent au calendrier.",
        "en": "Belgium’s calendar (enrolments, exams, school holidays) is not covered: only international "
              "events appear in the calendar."},
    "nc_calendar_ch": {
        "fr": "Le calendrier de la Suisse (inscriptions, examens, vacances scolaires) n’est pas couvert\u00a0: "
              "seuls les rendez-vous internationaux figurent au calendrier.",
        "en": "Switzerland’s calendar (enrolments, exams, school holidays) is not covered: only international "
              "events appear in the calendar."},
    "nc_calendar_qc": {
        "fr": "Le calendrier du Québec (inscriptions, examens, vacances scolaires) n’est pas couvert\u00a0: "
              "seuls les rendez-vous internationaux figurent au calendrier.",
        "en": "Québec’s calendar (enrolments, exams, school holidays) is not covered: only international "
              "events appear in the calendar."},
    "nc_calendar_other": {
        "fr": "Le calendrier de votre pays n’est pas couvert\u00a0: seuls les rendez-vous internationaux "
              "figurent au calendrier.",
        "en": "Your country’s calendar is not covered: only international events appear in the calendar."},
    "nc_work_be": {
        "fr": "Le droit du travail belge (dont le droit à la déconnexion) et les obligations des agents publics "
              "en Belgique ne sont pas couverts\u00a0: les points du droit français sur ces sujets ne vous "
              "sont pas appliqués.",
        "en": "Belgian labour law (including the right to disconnect) and the duties of public employees in "
              "Belgium are not covered: the French rules on these subjects are not applied to you."},
    "nc_work_ch": {
        "fr": "Le droit du travail suisse (dont le droit à la déconnexion) et les obligations des agents publics "
              "en Suisse ne sont pas couverts\u00a0: les points du droit français sur ces sujets ne vous "
              "sont pas appliqués.",
        "en": "Swiss labour law (including the right to disconnect) and the duties of public employees in "
              "Switzerland are not covered: the French rules on these subjects are not applied to you."},
    "nc_work_qc": {
        "fr": "Le droit du travail québécois (dont le droit à la déconnexion) et les obligations des employés "
              "publics au Québec ne sont pas couverts\u00a0: les points du droit français sur ces sujets ne "
              "vous sont pas appliqués.",
        "en": "Québec labour law (including the right to disconnect) and the duties of public employees in "
              "Québec are not covered: the French rules on these subjects are not applied to you."},
    "nc_consent_ch": {
        "fr": "Pour la Suisse, la base de connaissances ne retient que l’entrée en vigueur de la nouvelle loi sur "
              "la protection des données (1er\u00a0septembre 2023)\u00a0: son contenu, dont l’âge à partir "
              "duquel un mineur consent seul au traitement de ses données, n’est pas couvert.",
        "en": "For Switzerland, the knowledge base holds only the entry into force of the new Data Protection Act "
              "(1 September 2023): its content, including the age from which a minor consents alone to the "
              "processing of their data, is not covered."},
    "nc_consent_14_17_qc": {
        "fr": "Pour le Québec, la base de connaissances couvre la collecte de données auprès des moins de "
              "14\u00a0ans, pas celle auprès des 14–17\u00a0ans, ni qui consent pour l’image d’un mineur.",
        "en": "For Québec, the knowledge base covers collecting data from under-14s, not from 14–17 year-olds, "
              "nor who consents for a minor’s image."},
    "nc_platform_ages": {
        "fr": "Les âges minimums que certaines plateformes fixent pays par pays (Discord, WhatsApp, Twitch) "
              "n’ont été vérifiés que pour la France\u00a0: ailleurs, l’âge par défaut de la plateforme est "
              "appliqué. Vérifiez celui de votre pays dans ses conditions d’utilisation.",
        "en": "The minimum ages some platforms set country by country (Discord, WhatsApp, Twitch) were checked "
              "for France only: elsewhere, the platform’s default age is applied. Check the one for your "
              "country in its terms."},
    "nc_currency": {
        "fr": "La monnaie de votre pays n’est pas connue\u00a0: les montants sont indiqués sans monnaie.",
        "en": "Your country’s currency is not known: amounts are shown without a currency."},
    # legal points (engine/framework.legal)
    "legal_example_fr": {"fr": "Exemple du droit français — {title}", "en": "Example from French law — {title}"},
    "legal_check_official": {
        "fr": "Texte lu sur une page secondaire\u00a0: à vérifier dans le texte officiel.",
        "en": "Text read on a secondary page: check it in the official text."},
}


def phrase(key: str, lang: str = "fr", **values) -> str:
    return lookup(PHRASES, key, lang, **values)


def _minors(ctx: Ctx) -> bool:
    return bool(set(MINOR_BANDS) & set(ctx.profile.audience.age_bands))


def country_warnings(ctx: Ctx) -> list[Warning]:
    """The warnings the structure's country calls for (today: minors' consent to data processing)."""
    country, bands, lang = ctx.profile.structure.country, set(ctx.profile.audience.age_bands), ctx.lang
    if country == "fr" and "11_14" in bands:  # consent at 15 (RGPD art. 8, LIL art. 45)
        return [Warning(code="consent_under_15", message=p("w_consent_15", lang))]
    if country == "be" and "11_14" in bands:  # consent at 13 (loi 30 juillet 2018, art. 7)
        return [Warning(code="consent_under_13", message=phrase("w_consent_13_be", lang))]
    if country == "qc" and "11_14" in bands:  # P-39.1 s. 4.1: under 14
        return [Warning(code="consent_under_14", message=phrase("w_consent_14_qc", lang))]
    if country == "ch" and _minors(ctx):
        return [Warning(code="consent_age_not_covered", message=phrase("w_consent_ch", lang))]
    if country == "autre" and _minors(ctx):
        return [Warning(code="consent_age_not_covered", message=phrase("w_consent_other", lang))]
    return []


def not_covered_ids(ctx: Ctx) -> list[str]:
    """The phrase keys of what the knowledge base does not cover for this structure (empty for France)."""
    country, minors = ctx.profile.structure.country, _minors(ctx)
    if country == "fr":
        return []
    known = country in ("be", "ch", "qc")
    out = [] if known else ["nc_law_other"]
    out.append(f"nc_calendar_{country if known else 'other'}")
    if known:
        out.append(f"nc_work_{country}")
    if country == "ch" and minors:
        out.append("nc_consent_ch")
    if country == "qc" and minors:
        out.append("nc_consent_14_17_qc")
    if minors:
        out.append("nc_platform_ages")
    if ctx.profile.resources.currency is None:
        out.append("nc_currency")
    return out


def not_covered(ctx: Ctx) -> list[str]:
    """What the knowledge base does not cover for this structure, in sentences (Strategy.not_covered)."""
    return [phrase(key, ctx.lang) for key in not_covered_ids(ctx)]
