"""WordprocessingML helpers python-docx has no API for: elements in schema order, complex
fields (PAGE, NUMPAGES, TOC), and a zip written with fixed dates (same Document, same bytes)."""
from __future__ import annotations

import io
import zipfile
from datetime import date

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def element(tag: str, **attrs: str):
    """<w:tag w:name="value" …/>"""
    node = OxmlElement(tag)
    for name, value in attrs.items():
        node.set(qn(f"w:{name}"), value)
    return node


# children of w:pPr that come after w:pBdr / w:shd, in schema order
PPR_AFTER_SHD = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                 "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                 "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                 "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                 "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                 "w:sectPr", "w:pPrChange")
PPR_AFTER_OUTLINE = PPR_AFTER_SHD[PPR_AFTER_SHD.index("w:outlineLvl") + 1:]
# children of w:settings that come after w:updateFields
SETTINGS_AFTER_UPDATE = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
                         "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
                         "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                         "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                         "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
                         "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
                         "w:listSeparator")
# children of w:tcPr after w:shd
TCPR_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def add_field(paragraph, instruction: str, placeholder: str, dirty: bool = False) -> None:
    """A complex field (begin, instruction, separate, shown result, end) in the paragraph."""
    def fld_char(kind: str) -> None:
        char = element("w:fldChar", fldCharType=kind)
        if dirty and kind == "begin":
            char.set(qn("w:dirty"), "true")
        paragraph.add_run()._r.append(char)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


def fixed_zip(data: bytes, day: date) -> bytes:
    """The same archive with a fixed timestamp and attributes on every member."""
    stamp = (day.year, day.month, day.day, 12, 0, 0) if 1980 <= day.year <= 2107 else (1980, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 3
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
