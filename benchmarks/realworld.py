"""Real-world quality of a model bundle: the table the closing notes quote.

Scores ``foiclassify``'s suggestions on ``../shared/realworld/dev.jsonl`` (86 real UK FOI cases,
relative to the project root) at section level - s31(1) and s31 both count as s31, because many
real letters name no subsection - plus NCND precision/recall on the NCND labels and on the case
flag, the abstention rate, and precision/recall per section. Every number is given twice: with the
authority type (mapped from the authority's name) and without it.

Usage::

    python benchmarks/realworld.py [--model models/default]

Writes ``benchmarks/results/realworld.json``. Exits 0 with a "skipped" line when ``../shared`` is
absent (it is not part of the product).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import _common as c


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    c.add_model_argument(parser)
    parser.add_argument("--output", type=Path, default=c.RESULTS / "realworld.json", help="results JSON file")
    args = parser.parse_args(argv)

    gold = c.load_realworld()
    if gold is None:
        print(c.realworld_skip_note())
        return 0
    model_path = c.check_model(args.model)

    from foiclassify.predict import load_model

    start = time.perf_counter()
    model = load_model(model_path)
    result = c.model_quality(model, gold)
    elapsed = time.perf_counter() - start
    seen = c.seen_in_training(model, gold.texts)

    print(f"model: {c.relative(model_path)} ({model.bundle_id}); {len(gold.texts)} real cases "
          f"({int(gold.ncnd.sum())} NCND, {result['with_authority']['true_none_rate']:.0%} answered in full)")
    c.print_quality("Real-world quality (section level unless stated)", result)
    c.print_per_section("Per section (P where the model suggested it, R where the truth has it)", result)
    note = c.contamination_note("real-world", seen, len(gold.texts))
    if note:
        print(f"\n{note}")
    c.write_json_atomic(args.output, {
        "benchmark": "realworld",
        "model": c.relative(model_path),
        "bundle_id": model.bundle_id,
        "data": str(c.REALWORLD),
        "environment": c.environment(),
        "seconds": round(elapsed, 2),
        "seen_in_training": seen,
        "quality": result,
    })
    print(f"\nwritten: {c.relative(args.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
