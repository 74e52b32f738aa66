"""Real-world quality of a model bundle: the table the closing notes quote.

Scores ``foiclassify``'s suggestions on ``../shared/realworld/dev.jsonl`` (86 real UK FOI cases,
relative to the project root) at section level - s31(1) and s31 both count as s31, because many
real letters name no subsection - plus NCND precision/recall on the NCND labels and on the case
flag, the abstention rate, and precision/recall per section. Every number is given twice: with the
authority type (mapped from the authority's name) and without it. Section micro-F1 comes with a 95%
bootstrap interval over the cases; ``--compare OTHER`` scores a second bundle on the same resamples and
reports the paired difference (how often the first model is ahead), which is what decides whether a
change is more than a case or two.

Usage::

    python benchmarks/realworld.py [--model models/default] [--compare OTHER_BUNDLE]

Writes ``benchmarks/results/realworld.json``. Exits 0 with a "skipped" line when ``../shared`` is
absent (it is not part of the product).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import _common as c
import numpy as np


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    c.add_model_argument(parser)
    parser.add_argument("--output", type=Path, default=c.RESULTS / "realworld.json", help="results JSON file")
    parser.add_argument("--compare", type=Path, help="a second bundle: paired bootstrap difference in micro-F1")
    args = parser.parse_args(argv)

    gold = c.load_realworld()
    if gold is None:
        print(c.realworld_skip_note())
        return 0
    model_path = c.check_model(args.model)
    other_path = c.check_model(args.compare) if args.compare else None

    from foiclassify.predict import load_model

    start = time.perf_counter()
    model = load_model(model_path)
    predictions = c.model_predictions(model, gold)
    result = {key: c.quality(gold, pred, P) for key, (pred, P) in predictions.items()}
    elapsed = time.perf_counter() - start
    seen = c.seen_in_training(model, gold.texts)

    print(f"model: {c.relative(model_path)} ({model.bundle_id}); {len(gold.texts)} real cases "
          f"({int(gold.ncnd.sum())} NCND, {result['with_authority']['true_none_rate']:.0%} answered in full)")
    c.print_quality("Real-world quality (section level unless stated)", result)
    c.print_per_section("Per section (P where the model suggested it, R where the truth has it)", result)
    other = load_model(other_path) if other_path else None
    uncertainty = _uncertainty(gold, predictions, c.model_predictions(other, gold) if other else None)
    if other is not None:
        uncertainty["compare_bundle_id"] = other.bundle_id
    _print_uncertainty(uncertainty, other_path)
    c.print_seen_warning("real-world", seen, len(gold.texts))
    c.save_results(args.output, "realworld", model_path, model, {
        "data": str(c.REALWORLD),
        "seconds": round(elapsed, 2),
        "seen_in_training": seen,
        "quality": result,
        "bootstrap": uncertainty,
    })
    return 0


def _uncertainty(
    gold: c.Gold,
    predictions: dict[str, tuple[np.ndarray, np.ndarray]],
    other: dict[str, tuple[np.ndarray, np.ndarray]] | None,
) -> dict[str, Any]:
    """Bootstrap intervals of section micro-F1, and paired differences against ``other``'s predictions."""
    from dataclasses import asdict

    from foiclassify.evaluation import BOOTSTRAP_RESAMPLES, PairedDelta, bootstrap_section_f1
    from foiclassify.taxonomy import load_taxonomy

    codes = load_taxonomy().codes
    out: dict[str, Any] = {"resamples": BOOTSTRAP_RESAMPLES}
    for key, (pred, _) in predictions.items():
        entry: dict[str, Any] = {"section_micro_f1_95": c.interval(bootstrap_section_f1(gold.Y, [pred], codes)[:, 0])}
        if other is not None:
            delta = PairedDelta.of(gold.Y, pred, other[key][0], codes)
            entry["delta_section_micro_f1"] = {k: round(v, 4) if isinstance(v, float) else v
                                               for k, v in asdict(delta).items()}
        out[key] = entry
    return out


def _print_uncertainty(uncertainty: dict[str, Any], other_path: Path | None) -> None:
    rows: list[list[Any]] = []
    for key in ("with_authority", "without_authority"):
        entry = uncertainty[key]
        low, high = entry["section_micro_f1_95"]
        row: list[Any] = [key, f"[{low:.3f}, {high:.3f}]"]
        if other_path is not None:
            d = entry["delta_section_micro_f1"]
            row += [f"{d['mean']:+.3f}", f"[{d['low']:+.3f}, {d['high']:+.3f}]", d["share_ahead"]]
        rows.append(row)
    headers = ["setting", "micro-F1 95% interval"]
    if other_path is not None:
        headers += [f"minus {c.relative(other_path)}", "95% interval", "share ahead"]
    c.print_table(f"Section micro-F1 over {uncertainty['resamples']:,} bootstrap resamples of the cases", headers, rows)


if __name__ == "__main__":
    sys.exit(main())
