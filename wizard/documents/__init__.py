"""Documents from a Strategy: content is built once (content_strategy, content_brief) as
neutral blocks, then rendered to PDF (fpdf2, no browser) or Word (python-docx)."""
