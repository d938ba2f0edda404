"""Trains the type model (``extraction/types.py``) and writes ``data/type_model.npz``.

Training data, and nothing else (terms allow these; see README "Data and credits"):

- ``data/type_sentences.jsonl``: sentences we wrote from the PLOVER codebook;
- PLOVER GSR (CC BY-SA 4.0): the tune half only, with its EVT spans as triggers;
- PETRARCH2 (MIT): every unit-test record, and the tune half of the validation sentences, their
  CAMEO codes read as PLOVER types through the codebook.

The gold sets are read from ``../shared/eval`` at training time; their text is never copied
into the project. A softmax over hashed features for the type and another for the mode, trained
with Adagrad and L2 from a fixed seed: the same inputs give the same file.
``make train-types`` runs ``python -m eventwire.training.type_model``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from spacy.language import Language
from spacy.tokens import Doc

from ..evaluation.halves import half_of
from ..evaluation.petrarch2 import read_petrarch
from ..evaluation.plover_gsr import read_plover
from ..extraction.codebook import Codebook
from ..extraction.parse import load_pipeline
from ..extraction.types import DENSE, NONE, TypeModel, dense, features, hashed, main_verb
from ..settings import Settings

TYPE_BUCKETS = 1 << 16
MODE_BUCKETS = 1 << 14
SEED = 7
EPOCHS = 10
RATE = 0.3
L2 = 1e-6
# How much one sentence of each source counts: real news outweighs our own sentences.
WEIGHTS = {"generated": 1.0, "plover_gsr": 4.0, "petrarch2_validation": 3.0, "petrarch2_unit": 1.5}


@dataclass(frozen=True)
class Example:
    """One training sentence: its text, type, mode (None: none; "?" unknown), trigger span."""

    text: str
    type: str
    mode: str | None
    trigger: tuple[int, int] | None
    source: str


def generated(path: Path) -> Iterator[Example]:
    """Our own sentences (``data/type_sentences.jsonl``)."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            raw = json.loads(line)
            start, end = raw["trigger"]
            yield Example(raw["text"], raw["type"], raw.get("mode"), (start, end), "generated")


def gold_examples(eval_root: Path, codebook: Codebook) -> Iterator[Example]:
    """The allowed gold sentences: GSR and PETRARCH2 validation tune halves, PETRARCH2 unit."""
    gsr = eval_root / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
    if gsr.exists():
        for item in read_plover(gsr):
            if half_of(item.id) == "tune":
                trigger = item.triggers[0] if item.triggers else None
                yield Example(item.text, item.type, item.mode, trigger, "plover_gsr")
    petrarch = eval_root / "events" / "petrarch2"
    for name, source, every in (
        ("PETR.UnitTest.records.xml", "petrarch2_unit", True),
        ("PETR2_GSR_validation.xml", "petrarch2_validation", False),
    ):
        if not (petrarch / name).exists():
            continue
        for sentence in read_petrarch(petrarch / name):
            if not sentence.codings or not (every or half_of(sentence.id) == "tune"):
                continue
            type_ = codebook.from_cameo(sentence.codings[0].code)
            if type_ is not None:
                yield Example(sentence.text, type_, "?", None, source)


def _trigger_sentence(doc: Doc, trigger: tuple[int, int] | None) -> tuple[object, object]:
    if trigger is not None:
        span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
        if span is not None and len(span):
            return span.sent, span.root
    sentence = max(doc.sents, key=len)
    return sentence, main_verb(sentence)


def featurise(
    nlp: Language, examples: list[Example]
) -> tuple[list[list[str]], NDArray[np.float32]]:
    """Each example's feature strings and dense vector, from the same parse extraction uses."""
    rows, vectors = [], []
    for doc, example in zip(
        nlp.pipe((e.text for e in examples), batch_size=256), examples, strict=True
    ):
        sentence, trigger = _trigger_sentence(doc, example.trigger)
        rows.append(features(sentence, trigger))  # type: ignore[arg-type]
        vectors.append(dense(sentence, trigger))  # type: ignore[arg-type]
    return rows, np.array(vectors, dtype=np.float32).reshape(len(rows), DENSE)


def _matrix(
    rows: list[list[str]], size: int
) -> tuple[list[NDArray[np.int64]], list[NDArray[np.float32]]]:
    pairs = [hashed(names, size) for names in rows]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def fit(
    rows: list[list[str]],
    vectors: NDArray[np.float32],
    labels: list[int],
    weights: list[float],
    n_labels: int,
    size: int,
    seed: int = SEED,
    epochs: int = EPOCHS,
) -> tuple[NDArray[np.float32], NDArray[np.float32], NDArray[np.float32]]:
    """A softmax over hashed features and dense vectors, by Adagrad with L2 on the rows a
    batch touches."""
    rng = np.random.default_rng(seed)
    idx, vals = _matrix(rows, size)
    w = np.zeros((size, n_labels), dtype=np.float32)
    b = np.zeros(n_labels, dtype=np.float32)
    d = np.zeros((vectors.shape[1], n_labels), dtype=np.float32)
    gd = np.full(d.shape, 1e-6, dtype=np.float32)
    gw = np.full((size, n_labels), 1e-6, dtype=np.float32)
    gb = np.full(n_labels, 1e-6, dtype=np.float32)
    y = np.asarray(labels)
    sample_weight = np.asarray(weights, dtype=np.float32)
    batch = 32
    for _ in range(epochs):
        order = rng.permutation(len(rows))
        for at in range(0, len(order), batch):
            chosen = order[at : at + batch]
            flat = np.concatenate([idx[i] for i in chosen])
            flat_vals = np.concatenate([vals[i] for i in chosen])
            row_of = np.repeat(np.arange(len(chosen)), [len(idx[i]) for i in chosen])
            logits = np.zeros((len(chosen), n_labels), dtype=np.float32)
            np.add.at(logits, row_of, w[flat] * flat_vals[:, None])
            logits += b + vectors[chosen] @ d
            logits -= logits.max(axis=1, keepdims=True)
            probs = np.exp(logits)
            probs /= probs.sum(axis=1, keepdims=True)
            probs[np.arange(len(chosen)), y[chosen]] -= 1.0
            grad = probs * sample_weight[chosen][:, None]
            touched, inverse = np.unique(flat, return_inverse=True)
            grad_w = np.zeros((len(touched), n_labels), dtype=np.float32)
            np.add.at(grad_w, inverse, grad[row_of] * flat_vals[:, None])
            grad_w += L2 * w[touched]
            gw[touched] += grad_w**2
            w[touched] -= RATE * grad_w / np.sqrt(gw[touched])
            grad_d = vectors[chosen].T @ grad + L2 * d
            gd += grad_d**2
            d -= RATE * grad_d / np.sqrt(gd)
            grad_b = grad.sum(axis=0)
            gb += grad_b**2
            b -= RATE * grad_b / np.sqrt(gb)
    return w, d, b


def train(
    examples: list[Example], nlp: Language, codebook: Codebook, epochs: int = EPOCHS
) -> TypeModel:
    """The type model fitted to ``examples``."""
    rows, vectors = featurise(nlp, examples)
    types = (*sorted(codebook.types), NONE)
    weights = [WEIGHTS.get(e.source, 1.0) for e in examples]
    type_w, type_d, type_b = fit(
        rows,
        vectors,
        [types.index(e.type) for e in examples],
        weights,
        len(types),
        TYPE_BUCKETS,
        epochs=epochs,
    )
    modes = tuple(
        f"{t}/{m}" for t in sorted(codebook.types) for m in ["", *sorted(codebook.types[t].modes)]
    )
    with_mode = [
        i
        for i, e in enumerate(examples)
        if e.type != NONE and e.mode != "?" and f"{e.type}/{e.mode or ''}" in modes
    ]
    mode_w, mode_d, mode_b = fit(
        [rows[i] for i in with_mode],
        vectors[with_mode],
        [modes.index(f"{examples[i].type}/{examples[i].mode or ''}") for i in with_mode],
        [weights[i] for i in with_mode],
        len(modes),
        MODE_BUCKETS,
        epochs=epochs,
    )
    return TypeModel(types, type_w, type_d, type_b, modes, mode_w, mode_d, mode_b)


def counts(examples: Iterable[Example]) -> dict[str, int]:
    """How many training sentences came from each source."""
    found: dict[str, int] = {}
    for e in examples:
        found[e.source] = found.get(e.source, 0) + 1
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=Path, default=Path("data/type_sentences.jsonl"))
    parser.add_argument("--eval-root", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=Path("src/eventwire/data/type_model.npz"))
    parser.add_argument("--limit", type=int, default=None, help="first N generated sentences")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    settings = Settings.from_env()
    codebook = Codebook.load()
    examples = list(generated(args.sentences))[: args.limit]
    if args.eval_root.is_dir():
        examples += list(gold_examples(args.eval_root, codebook))
    model = train(examples, load_pipeline(settings.spacy_model), codebook)
    model.save(args.out)
    print(
        f"trained on {counts(examples)} in {time.perf_counter() - began:.0f} s; "
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)"
    )


if __name__ == "__main__":
    main()
