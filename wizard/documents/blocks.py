"""The neutral document model shared by every renderer.

Content builders turn a Strategy into a Document made of these blocks; the PDF and
the Word renderers draw the same Document, so both versions always say the same
thing. Every text is plain text (never markup): user text such as a structure name
is printed as typed, whatever it contains.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Union

# `refs` on a text block: the knowledge and Strategy ids it says (« argument:time »,
# « evidence:time.small_orgs », « ask:hours »…), so tests can find what a document holds
# without matching whole sentences. Renderers ignore them.


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 = section (in the table of contents), 2 = sub-section, 3 = minor
    toc: bool = True
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""  # printed in bold before the text ("Prochaine étape : ")
    style: Literal["body", "lead", "small", "note", "compact"] = "body"  # compact: one of many answers
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False
    labels: tuple[str, ...] = ()  # optional bold prefix per item, same length as items
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths; empty = equal
    caption: str = ""


@dataclass(frozen=True)
class RadarChart:
    """Maturity: one axis per dimension, values on 0..maximum (None = not assessed)."""
    title: str
    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    maximum: float = 5


@dataclass(frozen=True)
class StackedBars:
    """Workload: one bar per category (channel or 'shared'), stacked by series (activity),
    with an optional reference line (hours available)."""
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]  # (series name, one value per category)
    unit: str = "h"
    line_value: float | None = None
    line_label: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Union[Heading, Paragraph, Bullets, Table, RadarChart, StackedBars, PageBreak]


@dataclass(frozen=True)
class Document:
    kind: Literal["strategy", "brief", "group"]
    title: str
    subtitle: str
    structure_name: str
    date: date
    lang: str = "fr"
    cover: bool = True
    toc: bool = True
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    keywords: tuple[str, ...] = ()

    def headings(self, level: int | None = None) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Heading) and (level is None or b.level == level)]
