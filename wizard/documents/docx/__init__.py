"""Word renderer: a neutral Document -> the bytes of an editable .docx (python-docx).

    render(document) -> bytes        (also named render_docx)

What a manager gets when opening the file in Word or LibreOffice:
- real heading styles (Heading 1/2/3), so the navigation pane, the outline view and a
  table of contents work; a TOC *field* after the cover, which Word fills in when it
  updates the fields (it offers to on opening; right-click > update otherwise);
- lists in the List Bullet / List Number styles (each numbered list restarts at 1),
  real tables whose header row repeats on every page; each chart as a picture drawn
  without a browser (Pillow, the PDF's geometry and colours: pictures.py), described for
  screen readers, then its data table (the activities shaded in their chart colours);
- a header with the structure name and a footer « page X / Y » (PAGE and NUMPAGES
  fields), A4 pages, French (or British English) proofing language everywhere;
- core properties (title, subject, author « Cap Réseaux », keywords, language, dates
  taken from the document date) and a zip rewritten with fixed timestamps, so the same
  Document always gives the same bytes.

Every text is plain text: a structure name made of HTML, Markdown, emoji or Arabic is
printed as typed; only the characters XML cannot carry (control characters) are
dropped, since python-docx would refuse them (text.xml_text).

    writer.py   the writer: properties, page, cover, contents, one handler per block type
    body.py     headings, paragraphs, lists, tables, charts (caption, picture, table)
    pictures.py the radar and the stacked bars as PNG (Pillow)
    styles.py   page geometry, colours, paragraph styles, proofing language
    xml.py      WordprocessingML python-docx has no API for; the fixed-date zip
    text.py     xml_text and the app's way of writing numbers
    words.py    the words the writer prints itself
"""
from __future__ import annotations

from wizard.documents.docx.text import xml_text
from wizard.documents.docx.writer import HANDLERS, Writer, render_docx

render = render_docx

__all__ = ["HANDLERS", "Writer", "render", "render_docx", "xml_text"]
