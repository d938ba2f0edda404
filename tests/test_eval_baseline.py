"""Scores on a fixed slice of the check half of each development set must not fall below the
committed baseline.

The check half (``evaluation.halves``: a hash of each item's id) is never tuned on, so a rule
fitted to the tune half shows here only as far as it generalises. The baseline
(tests/eval_baseline.json, keyed "SET (check half)") only ever goes up:
`pytest --update-eval-baseline` raises a measure to what the pipeline now scores, and never
lowers one. Accuracy itself is measured over whole halves by `eventwire eval SET --half check`;
this test guards against regressions.
"""

import json
import os
from pathlib import Path

import pytest

from eventwire.evaluation import evaluate

from .conftest import SHARED

BASELINE = Path(__file__).parent / "eval_baseline.json"
HALF = "check"
# (set, items of its check half; None: all of them): about a minute all together on two cores.
SLICES = {
    "events/plover_gsr": None,
    "events/petrarch2/PETR2_GSR_validation.xml": None,
    "events/acled_dev/africa_2016.csv": 80,
    "events/acled_dev/benin_2022.csv": 80,
    "events/acled_dev/kenya.csv": 120,
    "events/case2021_task2": 150,
    "events/zero_shot_plover": 150,
    "events/india_police_events": 60,
    "places": 12,
    "dates": 30,
    "quotes/polnear": 12,
}


def key(gold_set):
    """The baseline's key for a set's slice."""
    return f"{gold_set} ({HALF} half)"


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
    scores = guarded(evaluate(SHARED / "eval" / gold_set, limit, settings, half=HALF))
    expected = baseline.get(key(gold_set), {})
    if request.config.getoption("--update-eval-baseline"):
        merged = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
        merged = {k: v for k, v in merged.items() if k in {key(s) for s in SLICES}}
        old = merged.get(key(gold_set), {})
        merged[key(gold_set)] = {m: max(s, old.get(m, s)) for m, s in {**old, **scores}.items()}
        BASELINE.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    assert expected, f"no baseline for {key(gold_set)}: run pytest --update-eval-baseline"
    fallen = {
        m: (scores.get(m), floor)
        for m, floor in expected.items()
        if scores.get(m) is None or scores[m] < floor - 1e-9
    }
    assert not fallen, f"{key(gold_set)}: below baseline (now, baseline): {fallen}"
