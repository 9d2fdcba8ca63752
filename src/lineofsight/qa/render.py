"""The self-evaluation draft as HTML (jinja2), Word (python-docx) or PDF (weasyprint)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from lineofsight.errors import UserError
from lineofsight.qa.self_evaluation import Draft

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = (".html", ".docx", ".pdf")


def html(draft: Draft) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    return env.get_template("self_evaluation.html").render(draft=draft)


def docx(draft: Draft, path: Path) -> None:
    import docx as python_docx

    document = python_docx.Document()
    document.add_heading(f"Self-evaluation of social work practice, {draft.period}", level=0)
    document.add_paragraph(f"Council {draft.council}. Drafted {draft.drafted:%d %B %Y}.")
    notice = document.add_paragraph()
    notice.add_run(draft.notice).bold = True
    if draft.notes:
        document.add_heading("What the draft could not draw on", level=2)
        for note in draft.notes:
            document.add_paragraph(note, style="List Bullet")
    for section in draft.sections:
        document.add_heading(section.title, level=1)
        for question, statements in zip(draft.questions, section.answers, strict=True):
            document.add_heading(question, level=3)
            for statement in statements:
                refs = " ".join(f"[{r}]" for r in statement.refs)
                document.add_paragraph(f"{statement.text} {refs}".rstrip(), style="List Bullet")
    document.add_heading("Evidence", level=1)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Ref", "Kind", "Source and figures"), strict=True):
        cell.text = text
    for item in draft.evidence:
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = item.ref, item.kind, item.detail
    document.save(str(path))


def write(draft: Draft, path: Path) -> None:
    """Write the draft in the format its file name asks for."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"{path}: the self-evaluation is written as {', '.join(FORMATS)}; choose one of those")
    if suffix == ".html":
        path.write_text(html(draft), encoding="utf-8")
    elif suffix == ".docx":
        docx(draft, path)
    else:
        import weasyprint

        weasyprint.HTML(string=html(draft)).write_pdf(str(path))
