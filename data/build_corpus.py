"""Assemble the training corpus: hand-written requests plus generated ones, split train/test.

Run from the project root after changing anything under data/:

    python data/generate.py          # composed requests -> data/generated.jsonl
    python data/build_corpus.py      # -> data/train.jsonl, data/test.jsonl

The split is multi-label stratified (iterative stratification, fixed seed), so every label keeps
its share in both parts. Deterministic: the same inputs always give the same files.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from iterstrat.ml_stratifiers import MultilabelStratifiedShuffleSplit

from foiclassify.taxonomy import load_taxonomy

HERE = Path(__file__).resolve().parent
FIELDS = ("id", "authority_type", "request", "exemptions", "ncnd")


def read_sources() -> list[dict]:
    """Every record of data/written/*.jsonl and data/generated.jsonl, validated."""
    tax = load_taxonomy()
    records: list[dict] = []
    sources = [*sorted((HERE / "written").glob("*.jsonl")), HERE / "generated.jsonl"]
    for path in sources:
        if not path.exists():
            continue
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            rec = json.loads(line)
            labels = tax.sort(rec["exemptions"])
            if bool(rec["ncnd"]) != any(tax.label(c).ncnd for c in labels):
                raise SystemExit(f"{path}:{line_no}: ncnd flag disagrees with labels {labels}")
            records.append({**{k: rec[k] for k in FIELDS}, "exemptions": labels, "source": path.stem})
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate ids across sources")
    return records


def split(records: list[dict], test_size: float, seed: int) -> tuple[list[dict], list[dict]]:
    """Multi-label stratified train/test split."""
    tax = load_taxonomy()
    Y = np.zeros((len(records), len(tax)), dtype=int)
    for i, rec in enumerate(records):
        for code in rec["exemptions"]:
            Y[i, tax.index(code)] = 1
    # A "no exemption" column keeps the answered-in-full share equal in both parts.
    Y = np.column_stack([Y, Y.sum(axis=1) == 0])
    splitter = MultilabelStratifiedShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    train_idx, test_idx = next(splitter.split(np.zeros(len(records)), Y))
    return [records[i] for i in sorted(train_idx)], [records[i] for i in sorted(test_idx)]


def write(path: Path, records: list[dict]) -> None:
    """One JSON object per line, fields in a fixed order."""
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps({k: rec[k] for k in (*FIELDS, "source")}, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test-size", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=20261126)
    args = parser.parse_args()
    records = read_sources()
    train, test = split(records, args.test_size, args.seed)
    write(HERE / "train.jsonl", train)
    write(HERE / "test.jsonl", test)
    print(f"{len(records)} records -> train {len(train)}, test {len(test)}")


if __name__ == "__main__":
    main()
