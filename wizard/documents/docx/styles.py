"""Page geometry, colours and paragraph styles of the Word documents (named in their language,
with ASCII ids), and the proofing language of every style."""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from wizard.documents.docx.words import LANG_TAG
from wizard.documents.docx.xml import PPR_AFTER_OUTLINE, PPR_AFTER_SHD, element

PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)  # A4
MARGIN = Cm(2)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN

ACCENT = "2E5D8C"
HEADER_FILL = "DCE6F2"
NOTE_FILL = "EEF3F8"
GREY = RGBColor(0x59, 0x59, 0x59)


def add_style(doc, name: str, style_id: str):
    """A paragraph style named `name` (in the document's language), with an ASCII id."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = style_id
    return style


def set_language(styles, tag: str) -> None:
    """Proofing language of every text: docDefaults' w:lang (styles inherit it), and any
    language a style carries of its own (none must stay en-US)."""
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = element("w:docDefaults")
        styles.element.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = element("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = element("w:rPr")
        r_pr_default.append(r_pr)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = element("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), tag)
    for style in styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            for own in style.element.iter(qn("w:lang")):
                own.set(qn("w:val"), tag)


def setup_styles(doc, lang: str, words: dict) -> None:
    styles = doc.styles
    set_language(styles, LANG_TAG[lang])

    normal = styles["Normal"]
    normal.paragraph_format.space_after = Pt(6)
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(9)
        styles[name].font.color.rgb = GREY

    lead = add_style(doc, words["style_lead"], "CapLead")
    lead.base_style = normal
    lead.quick_style = True
    lead.font.size = Pt(13)
    lead.font.color.rgb = RGBColor(0x26, 0x26, 0x26)
    lead.paragraph_format.space_after = Pt(10)

    small = add_style(doc, words["style_small"], "CapSmall")
    small.base_style = normal
    small.quick_style = True
    small.font.size = Pt(9)
    small.font.color.rgb = GREY

    note = add_style(doc, words["style_note"], "CapNote")
    note.base_style = normal
    note.quick_style = True
    note.paragraph_format.left_indent = Cm(0.3)
    note.paragraph_format.right_indent = Cm(0.3)
    note.paragraph_format.space_before = Pt(6)
    note.paragraph_format.space_after = Pt(10)
    p_pr = note.element.get_or_add_pPr()
    borders = element("w:pBdr")
    borders.append(element("w:left", val="single", sz="24", space="8", color=ACCENT))
    p_pr.insert_element_before(borders, "w:shd", *PPR_AFTER_SHD)
    p_pr.insert_element_before(element("w:shd", val="clear", color="auto", fill=NOTE_FILL), *PPR_AFTER_SHD)

    cell = add_style(doc, words["style_cell"], "CapTableText")
    cell.base_style = normal
    cell.font.size = Pt(10)
    cell.paragraph_format.space_before = Pt(1)
    cell.paragraph_format.space_after = Pt(1)
    cell.paragraph_format.line_spacing = 1.0

    caption = styles["Caption"]
    caption.font.size = Pt(10)
    caption.paragraph_format.space_before = Pt(8)
    caption.paragraph_format.space_after = Pt(4)
    caption.paragraph_format.keep_with_next = True


def unlisted_heading_style(doc, name: str, level: int):
    """Looks like Heading N, but body-text outline level: out of the TOC field."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = f"CapHeading{level}Unlisted"
    style.base_style = doc.styles[f"Heading {level}"]
    style.next_paragraph_style = doc.styles["Normal"]
    p_pr = style.element.get_or_add_pPr()
    p_pr.insert_element_before(element("w:outlineLvl", val="9"), *PPR_AFTER_OUTLINE)
    return style
