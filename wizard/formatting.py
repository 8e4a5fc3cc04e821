"""Numbers, percentages, dates, lists and durations written the French way (and the English
way), through Babel's CLDR data: one place for every view and document. Durations (« 2 h 30 »)
and currency signs follow the house style (no Babel pattern writes « 500 $ CA »)."""
from __future__ import annotations

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from wizard.i18n import text as catalogue_text

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["fr"])


def number(value: float, lang: str = "fr") -> str:
    """10 -> "10", 2.5 -> "2,5", 1500 -> "1 500" (narrow no-break space in French), at most two decimals."""
    return format_decimal(round(value, 2) + 0.0, format="#,##0.##", locale=_locale(lang))


def percent(share: float, lang: str = "fr") -> str:
    """0.44 -> "44 %" (no-break space in French), "44%" in English."""
    return format_percent(share, format="#,##0\u00a0%" if lang == "fr" else "#,##0%", locale=_locale(lang))


def words_list(items: list[str], lang: str = "fr") -> str:
    """« A, B et C », "A, B and C"."""
    return format_list(list(items), locale=_locale(lang)) if items else ""


def hours(value: float, lang: str = "fr") -> str:
    whole, minutes = int(value), round((value - int(value)) * 60)
    if minutes == 60:
        whole, minutes = whole + 1, 0
    if lang == "fr":
        return f"{whole}\u00a0h\u00a0{minutes:02d}" if minutes else f"{whole}\u00a0h"
    return f"{whole} h {minutes:02d} min" if minutes else f"{whole} h"


def long_date(d, lang: str = "fr") -> str:
    """A date as a signed letter writes it: "26 novembre 2026", "1er décembre 2026", "26 November 2026"."""
    text = format_date(d, "d MMMM y", locale=_locale(lang))
    return "1er" + text[1:] if lang == "fr" and d.day == 1 else text


# Currency signs by language: (before the amount, after the amount). French puts the sign after the
# number with a no-break space (« 500 € », « 500 CHF », « 500 $ CA »); English before it (« €500 »,
# « CHF 500 », « CA$500 »).
_CURRENCY = {
    "fr": {"EUR": ("", "\u00a0€"), "CHF": ("", "\u00a0CHF"), "CAD": ("", "\u00a0$\u00a0CA")},
    "en": {"EUR": ("€", ""), "CHF": ("CHF\u00a0", ""), "CAD": ("CA$", "")},
}


def money(amount: float, currency: str | None, lang: str = "fr") -> str:
    """An amount in the structure's currency: money(500, "CHF") -> "500 CHF", money(500, "CAD", "en") -> "CA$500".

    `currency` None (a country whose currency is not known): the number, then « (monnaie non précisée) »;
    an ISO code without a sign here is written out (« 500 USD », « USD 500 »)."""
    lang = "en" if lang == "en" else "fr"
    text = number(amount, lang)
    if currency is None:
        return text + ("\u00a0" if lang == "fr" else " ") + catalogue_text("formatting", "no_currency", lang)
    before, after = _CURRENCY[lang].get(currency, ("", f"\u00a0{currency}") if lang == "fr" else (f"{currency}\u00a0", ""))
    return f"{before}{text}{after}"


def lower_first(text: str) -> str:
    """« Publication image » -> « publication image » inside a sentence; a word with a capital
    inside (« TikTok », « LinkedIn », « PIJ », « KPI ») or a one-letter text keeps its own."""
    first = text.split(" ", 1)[0]
    if len(text) < 2 or any(c.isupper() for c in first[1:]):
        return text
    return text[:1].lower() + text[1:]
