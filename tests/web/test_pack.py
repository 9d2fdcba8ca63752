"""The performance pack from the command line: HTML that stands alone, a PDF with the same figures, users."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.indicators import catalogue
from lineofsight.store import Store
from lineofsight.web.users import authenticate

from .conftest import COUNCIL, YEAR

runner = CliRunner()


def test_html_pack_is_self_contained_with_every_indicator(web_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.html"
    result = runner.invoke(
        app, ["report", "--db", str(web_db), "--council", COUNCIL, "--year", str(YEAR), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<style>" in html and not re.search(r'<link[^>]+stylesheet|<script|src="http', html)
    for indicator in catalogue():
        assert escape(indicator.title) in html
    assert "Working days to complete assessments" in html and "Distance of placements from home" in html
    with Store(web_db, read_only=True) as store:
        some_child = store.query("SELECT child_id FROM episode WHERE la_code = ? LIMIT 1", [COUNCIL])[0][0]
    assert f">{some_child}<" not in html  # aggregate only


def test_pdf_pack_has_the_same_figures(web_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    result = runner.invoke(
        app, ["report", "--db", str(web_db), "--council", COUNCIL, "--year", str(YEAR), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:5] == b"%PDF-"
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "Performance pack" in text and "Help and protection" in text and "Workforce" in text


@pytest.mark.parametrize("out", ["pack.docx"])
def test_pack_refuses_other_formats_and_unknown_years(web_db: Path, tmp_path: Path, out: str) -> None:
    wrong = runner.invoke(
        app, ["report", "--db", str(web_db), "--council", COUNCIL, "--year", str(YEAR), "--out", str(tmp_path / out)]
    )
    assert wrong.exit_code != 0 and "html or .pdf" in str(wrong.exception)
    missing = runner.invoke(
        app, ["report", "--db", str(web_db), "--council", COUNCIL, "--year", "1999", "--out", str(tmp_path / "p.html")]
    )
    assert missing.exit_code != 0 and "nothing is loaded" in str(missing.exception)


def test_user_add_stores_an_argon2_hash(tmp_path: Path) -> None:
    db = tmp_path / "users.duckdb"
    result = runner.invoke(
        app, ["user", "add", "maria", "--role", "manager", "--db", str(db), "--password", "s3cret-enough"]
    )
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        stored = store.query("SELECT role, password_hash FROM app_user WHERE username = 'maria'")[0]
        assert stored[0] == "manager" and stored[1].startswith("$argon2id$") and "s3cret" not in stored[1]
        assert authenticate(store, "maria", "s3cret-enough") == "manager"
        assert authenticate(store, "maria", "wrong-password") is None
    bad = runner.invoke(app, ["user", "add", "x", "--role", "boss", "--db", str(db), "--password", "long-enough"])
    assert bad.exit_code != 0 and "role 'boss'" in str(bad.exception)
