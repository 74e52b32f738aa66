"""Neither confirm nor deny against withholding, on matched requests the model never saw.

``data/contrast/*.jsonl`` holds 255 hand-written requests in contrast sets: two to four requests on one
topic that differ only in what is asked (a named person, place or operation against force-wide totals;
whether a covert tactic is used against the cost of an overt one), each labelled as an authority would
answer it. About 55% call for an NCND reply. They are kept out of the training corpus: on the real cases,
training on them did not raise NCND recall and lowered micro-F1 (see ``data/README.md``), so they serve
as a test of the one confusion the product must not make.

For every true label that has a sibling form (``s31(1)`` / ``s31(3)``, ``s40(2)`` / ``s40(5)`` ...) the
script counts whether the model suggested that form, the *other* form (the confusion), or neither;
plus case-level NCND precision/recall and the usual quality table.

Usage::

    python benchmarks/contrast.py [--model models/default]

Writes ``benchmarks/results/contrast.json``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import _common as c
import numpy as np

from foiclassify.taxonomy import load_taxonomy

CONTRAST = c.ROOT / "data" / "contrast"


def load_contrast() -> c.Gold:
    """The contrast requests as :class:`_common.Gold`."""
    records = [r for path in sorted(CONTRAST.glob("*.jsonl")) for r in c.read_jsonl(path)]
    if not records:
        sys.exit(f"error: no contrast requests under {c.relative(CONTRAST)}")
    return c.Gold(
        "contrast",
        [r["id"] for r in records],
        [r["request"] for r in records],
        [r["authority_type"] for r in records],
        c.label_matrix([r["exemptions"] for r in records]),
        np.array([bool(r["ncnd"]) for r in records]),
    )


def form_confusion(gold: c.Gold, pred: np.ndarray) -> dict[str, dict[str, int]]:
    """For true labels with a sibling form: how often the model gave that form, the sibling, or neither.

    Keys are ``"ncnd"`` (true label is an NCND form) and ``"withholding"`` (true label has an NCND form).
    """
    tax = load_taxonomy()
    out = {kind: {"same_form": 0, "other_form": 0, "neither": 0} for kind in ("ncnd", "withholding")}
    for j, code in enumerate(tax.codes):
        lab = tax.label(code)
        sibling = lab.withholding_form if lab.ncnd else lab.ncnd_form
        if not sibling:
            continue
        k = tax.index(sibling)
        counts = out["ncnd" if lab.ncnd else "withholding"]
        for i in np.flatnonzero(gold.Y[:, j]):
            if pred[i, j]:
                counts["same_form"] += 1
            elif pred[i, k]:
                counts["other_form"] += 1
            else:
                counts["neither"] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    c.add_model_argument(parser)
    parser.add_argument("--output", type=Path, default=c.RESULTS / "contrast.json", help="results JSON file")
    args = parser.parse_args(argv)
    model_path = c.check_model(args.model)

    from foiclassify.predict import load_model

    gold = load_contrast()
    start = time.perf_counter()
    model = load_model(model_path)
    pred, P = c.predict_matrices(model, gold.texts, gold.authority_types)
    quality = c.quality(gold, pred, P)
    confusion = form_confusion(gold, pred)
    elapsed = time.perf_counter() - start
    seen = c.seen_in_training(model, gold.texts)

    print(f"model: {c.relative(model_path)} ({model.bundle_id}); {len(gold.ids)} contrast requests "
          f"({int(gold.ncnd.sum())} NCND)")
    c.print_quality("Contrast sets (section level unless stated)", {"with_authority": quality})
    rows: list[list[Any]] = []
    for kind, counts in confusion.items():
        total = sum(counts.values())
        rows.append([kind, total, counts["same_form"], counts["other_form"], counts["neither"],
                     counts["other_form"] / max(total, 1)])
    c.print_table("True label with a sibling form: what the model suggested",
                  ["true form", "labels", "that form", "the other form", "neither", "confused"], rows)
    c.print_seen_warning("contrast", seen, len(gold.ids))
    c.save_results(args.output, "contrast", model_path, model, {
        "data": c.relative(CONTRAST),
        "seconds": round(elapsed, 2),
        "seen_in_training": seen,
        "quality": quality,
        "form_confusion": confusion,
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())
