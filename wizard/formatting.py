"""Numbers and durations written the French way (and the English way): one place for every view."""
from __future__ import annotations


def number(value: float, lang: str = "fr") -> str:
    """10 -> "10", 2.5 -> "2,5", 1500 -> "1 500" (narrow no-break space in French)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def hours(value: float, lang: str = "fr") -> str:
    whole, minutes = int(value), round((value - int(value)) * 60)
    if minutes == 60:
        whole, minutes = whole + 1, 0
    if lang == "fr":
        return f"{whole}\u00a0h\u00a0{minutes:02d}" if minutes else f"{whole}\u00a0h"
    return f"{whole} h {minutes:02d} min" if minutes else f"{whole} h"


_MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def long_date(d, lang: str = "fr") -> str:
    """A date as a signed letter writes it: "26 novembre 2026", "1er décembre 2026", "26 November 2026"."""
    if lang == "en":
        return f"{d.day} {_MONTHS['en'][d.month - 1]} {d.year}"
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {_MONTHS['fr'][d.month - 1]} {d.year}"


# Currency signs by language: (before the amount, after the amount). French puts the sign after the
# number with a no-break space (« 500 € », « 500 CHF », « 500 $ CA »); English before it (« €500 »,
# « CHF 500 », « CA$500 »).
_CURRENCY = {
    "fr": {"EUR": ("", "\u00a0€"), "CHF": ("", "\u00a0CHF"), "CAD": ("", "\u00a0$\u00a0CA")},
    "en": {"EUR": ("€", ""), "CHF": ("CHF\u00a0", ""), "CAD": ("CA$", "")},
}
_NO_CURRENCY = {"fr": "\u00a0(monnaie non précisée)", "en": " (currency not stated)"}


def money(amount: float, currency: str | None, lang: str = "fr") -> str:
    """An amount in the structure's currency: money(500, "CHF") -> "500 CHF", money(500, "CAD", "en") -> "CA$500".

    `currency` None (a country whose currency is not known): the number, then « (monnaie non précisée) »;
    an ISO code without a sign here is written out (« 500 USD », « USD 500 »)."""
    lang = "en" if lang == "en" else "fr"
    text = number(amount, lang)
    if currency is None:
        return text + _NO_CURRENCY[lang]
    before, after = _CURRENCY[lang].get(currency, ("", f"\u00a0{currency}") if lang == "fr" else (f"{currency}\u00a0", ""))
    return f"{before}{text}{after}"
