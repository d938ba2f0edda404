"""Scores on a fixed slice of each development set must not fall below the committed baseline.

The baseline (tests/eval_baseline.json) only ever goes up: `pytest --update-eval-baseline`
raises a measure to what the pipeline now scores, and never lowers one. Accuracy itself is
measured over whole sets by `eventwire eval`; this test guards against regressions.
"""

import json
import os
from pathlib import Path

import pytest

from eventwire.evaluation import evaluate

from .conftest import SHARED

BASELINE = Path(__file__).parent / "eval_baseline.json"
# (set, items): small enough to run in CI in well under a minute all together.
SLICES = {
    "events/plover_gsr": 80,
    "events/petrarch2/PETR2_GSR_validation.xml": 40,
    "events/acled_dev": 120,
    "events/india_police_events": 60,
    "places": 12,
    "dates": 30,
    "quotes/polnear": 12,
}


def guarded(report):
    """The headline measures (accuracy, F1, shares within a distance), with their scores.

    Precision and recall trade against each other, so they are left to their F1.
    """
    return {
        row.measure: round(row.score, 4)
        for row in report.rows
        if row.score is not None
        and row.unit != "km"
        and "not scored" not in row.measure
        and not row.measure.endswith(("precision", "recall"))
    }


@pytest.fixture(scope="module")
def baseline():
    return json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}


@pytest.mark.parametrize(("gold_set", "limit"), SLICES.items())
def test_scores_do_not_fall_below_the_baseline(request, settings, baseline, gold_set, limit):
    if not (SHARED / "eval").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED / 'eval'} is missing under CI")
        pytest.skip(f"{SHARED / 'eval'} is not here (the sets live beside the project)")
    scores = guarded(evaluate(SHARED / "eval" / gold_set, limit, settings))
    expected = baseline.get(gold_set, {})
    if request.config.getoption("--update-eval-baseline"):
        merged = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
        old = merged.get(gold_set, {})
        merged[gold_set] = {m: max(s, old.get(m, s)) for m, s in {**old, **scores}.items()}
        BASELINE.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    assert expected, f"no baseline for {gold_set}: run pytest --update-eval-baseline"
    fallen = {
        m: (scores.get(m), floor)
        for m, floor in expected.items()
        if scores.get(m) is None or scores[m] < floor - 1e-9
    }
    assert not fallen, f"{gold_set}: below baseline (now, baseline): {fallen}"
