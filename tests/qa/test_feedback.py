"""Feedback from children and families: planted answers, shares and intervals checked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from lineofsight.errors import UserError
from lineofsight.qa import feedback
from lineofsight.store import Store

from .planted import SURVEY


def test_import_and_shares_by_area(tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    path.write_text(SURVEY)
    store = Store()
    result = feedback.import_csv(store, path, "999", survey="Young people 2025")
    # r6's "Sometimes" is not on the scale; r7's area is unknown: both named by row and field.
    assert [(p.row, p.field) for p in result.problems] == [(7, "I feel listened to"), (8, "Area")]
    # 18 cells for r1-r6, less r4's and r6's blanks (2), less r6's bad cell (1) = 15 answers.
    assert (result.respondents, result.answers) == (7, 15)
    shares = feedback.by_area(store, "999")
    care = {q.question: (q.share.k, q.share.n) for q in shares["children_in_care"]}
    # Listened to: SA, A, D -> 2 of 3; explains: 5, 4, 2 -> 2 of 3; plan: yes, no, don't know -> 1 of 3.
    assert care == {"I feel listened to": (2, 3), "My worker explains things": (2, 3), "I know my plan": (1, 3)}
    leavers = {q.question: (q.share.k, q.share.n) for q in shares["care_leavers"]}
    # Listened to: neither, agree -> 1 of 2; explains: 3, 5 -> 1 of 2; plan: yes, yes -> 2 of 2.
    assert leavers == {"I feel listened to": (1, 2), "My worker explains things": (1, 2), "I know my plan": (2, 2)}
    # 2 of 3 = 67%; Wilson: centre (0.6667 + 0.6402) / 2.2805 = 0.5731, half 1.96 * sqrt(0.0741 + 0.1067) / 2.2805 = 0.3654 -> 20.8% to 93.9%.
    listened = next(q for q in shares["children_in_care"] if q.question == "I feel listened to")
    assert listened.share.text() == "67% (95% CI 21% to 94%, n=3)"


def test_reimport_replaces_the_survey(tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    path.write_text(SURVEY)
    store = Store()
    feedback.import_csv(store, path, "999")
    feedback.import_csv(store, path, "999")
    assert store.count("feedback_response") == 15


def test_question_map_and_missing_area(tmp_path: Path) -> None:
    path = tmp_path / "parents.csv"
    path.write_text("Things got better,I trust my worker\n1,5\nagree,strongly disagree\n")
    with pytest.raises(UserError, match="no area of practice for Things got better"):
        feedback.import_csv(Store(), path, "999")
    mapping = tmp_path / "map.csv"
    mapping.write_text(
        "QUESTION,AREA\nThings got better,help_and_protection\nI trust my worker,Children who need help and protection\n"
    )
    store = Store()
    result = feedback.import_csv(store, path, "999", question_areas=feedback.read_map(mapping))
    assert result.problems == [] and result.answers == 4
    shares = feedback.by_area(store, "999")["help_and_protection"]
    assert {q.question: (q.share.k, q.share.n) for q in shares} == {
        "Things got better": (1, 2),
        "I trust my worker": (1, 2),
    }
