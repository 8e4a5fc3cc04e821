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
