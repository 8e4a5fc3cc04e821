"""The shipped fonts: parsed once per process, measured once per face, subset from a small copy.

- fpdf2 parses a whole TrueType file (character map, every glyph width) on each `add_font`,
  about 25 ms a face: the parsed metrics are kept per process, and later documents get a
  copy sharing them, with their own glyph subset;
- fpdf2 measures a text by summing its glyph widths again on every call: `advances(font)`
  gives one table per face, from character to advance width, read once, that the line
  breaker (wrap.py) sums directly;
- when it writes the file, fpdf2 subsets each face with fontTools, which first decompiles
  the whole font (6,000 glyphs, their names, the character map) for the 150 glyphs a
  document uses. The copy it subsets lacks the tables it drops anyway, and, once a face has
  been used in the process, a reduced copy holding only the Latin, punctuation and symbol
  glyphs (WRITER_RANGES, made once in the background) is subset instead whenever it holds
  every glyph of the document: fontTools keeps the glyph order, names, metrics and hinting,
  so the embedded subset is the same, byte for byte (tests/documents/test_pdf_fast.py).
"""
from __future__ import annotations

import copy
import threading
from collections.abc import Iterable
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf",
              "I": "DejaVuSans-Oblique.ttf", "BI": "DejaVuSans-BoldOblique.ttf"}
FALLBACK_REGULAR = "DejaVuRegular"  # the regular face again, for glyphs the other faces lack (Arabic in italics)
SYMBOLS = "Symbola"
SYMBOLS_FILE = "Symbola.ttf"

_LOCK = threading.Lock()
_BYTES: dict[str, bytes] = {}
_TEMPLATES: dict[tuple[str, str], TTFFont] = {}
_ADVANCES: dict[str, dict[str, int]] = {}

# Tables fpdf2's writer drops from every subset (fpdf/output.py, _add_fonts): they are taken out
# of the copy it subsets, once per process, so fontTools does not decompile them for nothing
# (text shaping reads the font file itself, with its layout tables).
# Latin (with Vietnamese), combining marks, punctuation, currency, letterlike signs, arrows,
# mathematical operators, enclosed numbers, box drawing, geometric shapes, ligatures, U+FFFD.
WRITER_RANGES = ((0x20, 0x7E), (0xA0, 0x36F), (0x1E00, 0x1EFF), (0x2000, 0x22FF), (0x2460, 0x25FF),
                 (0xFB00, 0xFB06), (0xFFFD, 0xFFFD))
_REDUCED: dict[str, tuple[bytes, frozenset[str]]] = {}  # file name -> (reduced font, its glyph names)
_REDUCING: dict[str, threading.Thread] = {}  # file name -> the thread making its reduced copy
_UNUSED_BY_WRITER = frozenset({"FFTM", "GDEF", "GPOS", "GSUB", "MATH", "hdmx", "meta", "sbix", "CBDT",
                               "CBLC", "EBDT", "EBLC", "EBSC", "SVG ", "CPAL", "COLR"})


@lru_cache(maxsize=1)
def coverage() -> frozenset[int]:
    """Every code point the shipped fonts can draw in any style (read once per process): the
    regular face (the fallback of the other faces) and Symbola."""
    from fontTools.ttLib import TTFont
    points: set[int] = set()
    for name in (FONT_FILES[""], SYMBOLS_FILE):
        font = TTFont(FONT_DIR / name, lazy=True)
        try:
            points.update(font.getBestCmap() or {})
        finally:
            font.close()
    return frozenset(points)


def advances(font: TTFFont) -> dict[str, int]:
    """Character -> advance width in thousandths of an em (fpdf2's own `cw` values), for
    every character of the face; built once per process and face, never written after."""
    key = str(font.ttffile)
    table = _ADVANCES.get(key)
    if table is None:
        widths = font.cw
        table = {chr(code): widths[code] for code in font.cmap}
        with _LOCK:
            table = _ADVANCES.setdefault(key, table)
    return table


def _for_writer(data: bytes) -> bytes:
    """The font file without the tables fpdf2's writer drops: the same subset, made faster."""
    from fontTools.ttLib.sfnt import SFNTReader, SFNTWriter
    reader = SFNTReader(BytesIO(data))
    dropped = _UNUSED_BY_WRITER | ({"kern"} if "GPOS" in reader else set())  # fontTools drops 'kern' then
    tags = sorted(tag for tag in reader.keys() if tag not in dropped)  # noqa: SIM118 - not a dict
    if len(tags) == len(reader.keys()):
        return data
    out = BytesIO()
    writer = SFNTWriter(out, len(tags), reader.sfntVersion, reader.flavor)
    for tag in tags:
        writer[tag] = reader[tag]
    writer.close()
    return out.getvalue()


def _writer_font(data: bytes, template: TTFFont):
    from fontTools.ttLib import TTFont
    return TTFont(BytesIO(data), recalcTimestamp=False, lazy=True, fontNumber=template.collection_font_number)


def _copy_slots(source: TTFFont) -> TTFFont:
    font = TTFFont.__new__(TTFFont)
    for slot in TTFFont.__slots__:
        if hasattr(source, slot):
            setattr(font, slot, getattr(source, slot))
    return font


def add_font(pdf: FPDF, family: str, style: str, filename: str) -> None:
    """`pdf.add_font`, but the TrueType file is parsed once per process.

    The parsed metrics are read-only, so later documents get a copy sharing them, with
    their own glyph subset and a fresh (lazily read) fontTools object, which fpdf2 subsets
    in place when it writes the file."""
    path = FONT_DIR / filename
    fontkey = family.lower() + style
    if fontkey in pdf.fonts:
        return
    with _LOCK:
        template = _TEMPLATES.get((fontkey, filename))
        data = _BYTES.get(filename)
    if template is not None and data is not None:
        try:
            font = _copy_slots(template)
            font.i = len(pdf.fonts) + 1
            font.desc = copy.copy(template.desc)  # fpdf2 writes the object id and file into it
            font.cw = template.cw.copy()  # a defaultdict: reading a missing key writes it
            font.glyph_ids = dict(template.glyph_ids)
            font.missing_glyphs = []
            font.biggest_size_pt = 0
            font._hbfont = None
            font.ttfont = _writer_font(data, template)
            font.subset = SubsetMap(font)
            pdf.fonts[fontkey] = font
            return
        except Exception:  # pragma: no cover - an fpdf2 change: load it the documented way
            pdf.fonts.pop(fontkey, None)
    pdf.add_font(family, style, path)
    font = pdf.fonts[fontkey]
    if not isinstance(font, TTFFont) or getattr(font, "color_font", None) is not None:
        return
    template = _copy_slots(font)
    template.desc = copy.copy(font.desc)
    template.cw = font.cw.copy()
    template.glyph_ids = dict(font.glyph_ids)
    template.subset = None
    template.ttfont = None
    template._hbfont = None
    template.missing_glyphs = []
    with _LOCK:
        data = _BYTES.get(filename)
    if data is None:
        data = _for_writer(path.read_bytes())
        with _LOCK:
            data = _BYTES.setdefault(filename, data)
    font.ttfont = _writer_font(data, template)  # this document's subset too, for the same bytes
    with _LOCK:
        _TEMPLATES.setdefault((fontkey, filename), template)


def _reduce(filename: str) -> None:
    """The writer's copy of `filename` cut down to WRITER_RANGES, kept for later documents."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    try:
        with _LOCK:
            data = _BYTES[filename]
        font = TTFont(BytesIO(data), recalcTimestamp=False, lazy=True)
        cmap = font.getBestCmap()
        keep = [code for low, high in WRITER_RANGES for code in range(low, high + 1) if code in cmap]
        # Everything kept as it is but the glyphs: names, hinting, bounds, ranges, every table.
        options = subset.Options(notdef_outline=True, recommended_glyphs=True, glyph_names=True,
                                 name_IDs=["*"], name_languages=["*"], name_legacy=True, notdef_glyph=True,
                                 legacy_kern=True, layout_features=["*"], hinting=True,
                                 prune_unicode_ranges=False, prune_codepage_ranges=False,
                                 recalc_bounds=False, recalc_max_context=False)
        options.drop_tables = []
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=keep)
        subsetter.subset(font)
        out = BytesIO()
        font.save(out)
        names = frozenset(font.getGlyphOrder())
        with _LOCK:
            _REDUCED[filename] = (out.getvalue(), names)
    except Exception:  # noqa: BLE001, S110 - pragma: no cover; the full copy keeps working
        pass


def reduce_fonts(filenames: Iterable[str], wait: bool = False) -> None:
    """Make the reduced writer copies of these faces, in the background; `wait` until done."""
    threads = []
    with _LOCK:
        for filename in filenames:
            if filename not in _BYTES or filename in _REDUCED:
                continue
            thread = _REDUCING.get(filename)
            if thread is None:
                thread = threading.Thread(target=_reduce, args=(filename,), name=f"reduce {filename}", daemon=True)
                _REDUCING[filename] = thread
                thread.start()
            threads.append(thread)
    if wait:
        for thread in threads:
            thread.join()


def prepare_for_output(pdf: FPDF, reduce: bool = True) -> list[str]:
    """Before fpdf2 writes the file: each DejaVu face whose glyphs all are in its reduced
    copy is subset from that copy. Returns the DejaVu files the document uses (to reduce
    for the next documents, once this one is written: reduce_fonts)."""
    used = []
    for font in pdf.fonts.values():
        if not isinstance(font, TTFFont) or font.subset is None:
            continue
        filename = Path(str(font.ttffile)).name
        if filename not in FONT_FILES.values():
            continue
        used.append(filename)
        with _LOCK:
            reduced = _REDUCED.get(filename)
        if reduced is not None and reduce:
            data, names = reduced
            if all(name in names for name in font.subset.get_all_glyph_names()):
                font.ttfont = _writer_font(data, font)
    return used
