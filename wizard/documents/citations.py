"""Source citations for the documents: « [KEY] » in the Strategy's sentences become « [n] ».

The engine writes source keys ([DIPLOMEO-2025], [ML-LIMOGES, DIPLOMEO-2023]) that mean
nothing to a reader. Both document builders push every strategy text through one
`Citations` object, which numbers the sources in the order the reader first meets
them; the Sources list is then built from the same object, so every « [n] » in the
document points at an item of that list and every item is cited. A key the strategy
does not list stays as written, so a broken reference shows instead of vanishing.
User text (the structure's name) never goes through it: it is printed as typed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from wizard.documents.blocks import Bullets
from wizard.i18n import text as catalogue_text
from wizard.strategy import SOURCE_KEY, SourceRef, split_keys

# One bracket holding one key or several separated by commas or semicolons: the pattern
# the Strategy itself uses to list what it cites, so both always agree.
CITATION = SOURCE_KEY
# Numbers inside a bracket are joined by a comma and a no-break space: « [12, 22] » never
# splits over two lines (the renderers break lines at ordinary spaces only).
SEPARATOR = ",\u00a0"
NUMBERED = re.compile(r"\[(\d+(?:,[ \u00a0]\d+)*)\]")



class Citations:
    """Numbers the sources of one document, first cited = [1]."""

    def __init__(self, sources: Iterable[SourceRef]):
        self._known = {s.key: s for s in sources}
        self._numbers: dict[str, int] = {}

    def number(self, key: str) -> int | None:
        """The key's number, given on first use; None for a key the strategy does not list."""
        if key not in self._known:
            return None
        return self._numbers.setdefault(key, len(self._numbers) + 1)

    def refs(self, keys: Iterable[str]) -> str:
        """« [2,\u00a05] » for a list of keys (unknown keys kept by name); "" when there is none."""
        parts = self._parts(list(keys))
        return f"[{SEPARATOR.join(parts)}]" if parts else ""

    def text(self, text: str, keys: Iterable[str] = ()) -> str:
        """`text` with its [KEY] citations numbered, then « [n] » for `keys` it did not cite inline."""
        inline: set[str] = set()

        def replace(match: re.Match) -> str:
            found = split_keys(match.group(1))
            if not any(k in self._known for k in found):
                return match.group(0)  # not a citation we know: "[sic]", a user's brackets
            inline.update(found)
            return f"[{SEPARATOR.join(self._parts(found))}]"

        out = CITATION.sub(replace, text)
        extra = self.refs(k for k in keys if k not in inline)
        if not extra:
            return out
        if out.endswith(".") and not out.endswith(".."):  # the reference goes before the full stop
            return f"{out[:-1]}\u00a0{extra}."
        return f"{out}\u00a0{extra}" if out else extra

    def listed(self) -> list[SourceRef]:
        """The cited sources, in number order: item n of the Sources list is [n]."""
        return [self._known[k] for k in sorted(self._numbers, key=self._numbers.__getitem__)]

    def block(self, lang: str = "fr", urls: bool = True) -> Bullets:
        """The Sources list as numbered bullets, call it last (`urls=False`: without addresses)."""
        return Bullets(items=tuple(source_line(s, lang, urls) for s in self.listed()), numbered=True)

    def _parts(self, keys: list[str]) -> list[str]:
        numbers = sorted({n for k in keys if (n := self.number(k)) is not None})
        unknown = [k for k in dict.fromkeys(keys) if k not in self._known]
        return [str(n) for n in numbers] + unknown


def source_line(source: SourceRef, lang: str = "fr", url: bool = True) -> str:
    """« Publisher, Title (year), d'après Via. URL (source secondaire) ». Publisher and title are
    already in the document's language (a published title as published: the Strategy says)."""
    lang = "en" if lang == "en" else "fr"
    text = f"{source.publisher}, {source.title}"
    if source.year:
        text += f" ({source.year})"
    if source.via:
        text += ", " + catalogue_text("renderers", "source_via", lang, via=source.via)  # the page read through
    if not text.endswith((".", "…", "?", "!")):
        text += "."
    if source.url and url:
        text += f" {source.url}"
    if source.secondary:
        text += " " + catalogue_text("renderers", "source_secondary", lang)
    return text
