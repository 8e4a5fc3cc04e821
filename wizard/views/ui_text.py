"""The interface's own sentences, French first, English beside (the questions live in questionnaires/)."""
from __future__ import annotations

from wizard.i18n import lookup

TEXTS: dict[str, dict[str, str]] = {
    "page_title": {"fr": "Cap Réseaux — diagnostic réseaux sociaux", "en": "Cap Réseaux — social media check-up"},
    "progress": {"fr": "Question {n} sur {total}", "en": "Question {n} of {total}"},
    "why": {"fr": "Pourquoi cette question\u00a0?", "en": "Why this question?"},
    "input": {"fr": "Votre réponse…", "en": "Your answer…"},
    "skip": {"fr": "Passer", "en": "Skip"},
    "edit": {"fr": "Modifier", "en": "Change"},
    "edit_help": {"fr": "Modifier cette réponse", "en": "Change this answer"},
    "validate": {"fr": "Valider", "en": "Confirm"},
    "none": {"fr": "Aucun", "en": "None"},
    "keep": {"fr": "Garder ma réponse actuelle", "en": "Keep my current answer"},
    "current_answer": {"fr": "Votre réponse actuelle\u00a0: {answer}", "en": "Your current answer: {answer}"},
    "ranked_hint": {"fr": "Touchez vos objectifs dans l’ordre d’importance (jusqu’à {n}), puis «\u00a0Valider\u00a0».",
                    "en": "Tap your goals in order of importance (up to {n}), then “Confirm”."},
    "multi_hint": {"fr": "Plusieurs réponses possibles, puis «\u00a0Valider\u00a0».", "en": "Several answers possible, then “Confirm”."},
    "choices": {"fr": "Réponses possibles", "en": "Possible answers"},
    "suggestions": {"fr": "Réponses rapides", "en": "Quick replies"},
    "type_number": {"fr": "Ou écrivez un nombre ci-dessous.", "en": "Or type a number below."},
    "resume_title": {"fr": "Reprendre plus tard", "en": "Resume later"},
    "resume_text": {"fr": "Vos réponses sont enregistrées. Gardez ce lien pour reprendre où vous en êtes, sur cet appareil ou un autre. Il est personnel\u00a0: ne le partagez qu’avec votre équipe.",
                    "en": "Your answers are saved. Keep this link to resume where you are, on this device or another. It is personal: share it only with your team."},
    "bad_link": {"fr": "Ce lien de reprise n’est pas valide (il a pu être mal copié). Vous pouvez commencer un nouveau diagnostic.",
                 "en": "This resume link is not valid (it may have been copied wrongly). You can start a new check-up."},
    "restart": {"fr": "Commencer un nouveau diagnostic", "en": "Start a new check-up"},
    "done_title": {"fr": "Votre profil", "en": "Your profile"},
    "answers_title": {"fr": "Vos réponses (pour en modifier une)", "en": "Your answers (to change one)"},
    "ranking": {"fr": "Votre ordre\u00a0: {order}", "en": "Your order: {order}"},
    "profile_error": {"fr": "Le profil n’a pas pu être construit\u00a0: {errors}. Modifiez la réponse concernée ci-dessus.",
                      "en": "The profile could not be built: {errors}. Change the answer concerned above."},
    "save_error": {"fr": "Votre réponse n’a pas pu être enregistrée (base de données indisponible). Elle est gardée dans cette page\u00a0: réessayez dans un instant.",
                   "en": "Your answer could not be saved (database unavailable). It is kept on this page: try again in a moment."},
}


def t(key: str, lang: str = "fr", **values) -> str:
    return lookup(TEXTS, key, lang, **values)
