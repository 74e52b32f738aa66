"""Cross-validation folds: grouped by source when the data says where rows came from, stratified otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foiclassify.data import load_dataset
from foiclassify.training import TrainConfig, make_splits, train


def _check_partition(splits: list[tuple[np.ndarray, np.ndarray]], n: int) -> None:
    tested = np.concatenate([test for _, test in splits])
    assert sorted(tested.tolist()) == list(range(n))  # every row is scored exactly once
    for train_idx, test_idx in splits:
        assert not set(train_idx.tolist()) & set(test_idx.tolist())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from("abcdefgh"), min_size=12, max_size=60), st.integers(2, 5))
def test_grouped_folds_never_split_a_group(groups: list[str], folds: int) -> None:
    Y = np.zeros((len(groups), 3), dtype=np.int8)
    Y[::2, 0] = 1
    splits, how = make_splits(Y, folds, seed=0, groups=groups)
    _check_partition(splits, len(groups))
    if len(set(groups)) >= folds:
        assert how == f"grouped by source ({len(set(groups))} groups)" and len(splits) == folds
        for train_idx, test_idx in splits:
            assert not {groups[i] for i in train_idx} & {groups[i] for i in test_idx}
    else:  # too few groups for the folds asked: stratified, said so
        assert how == "iterative stratified"


def test_without_groups_the_folds_are_stratified() -> None:
    Y = np.zeros((40, 4), dtype=np.int8)
    Y[:10, 1] = 1
    splits, how = make_splits(Y, 5, seed=0)
    assert how == "iterative stratified"
    _check_partition(splits, 40)
    assert [int(Y[test, 1].sum()) for _, test in splits] == [2, 2, 2, 2, 2]  # the rare label in every fold


@pytest.mark.parametrize(("group_folds", "expected"), [(True, "grouped by source (2 groups)"),
                                                        (False, "iterative stratified")])
def test_training_uses_the_source_column(tiny_records: list[dict], tmp_path: Path, group_folds: bool,
                                         expected: str) -> None:
    path = tmp_path / "grouped.jsonl"
    rows = [{**r, "source": "writer-a" if i % 2 else "writer-b"} for i, r in enumerate(tiny_records)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    dataset = load_dataset(path)
    assert dataset.groups == [r["source"] for r in rows]
    config = {"folds": 2, "learning_curve": [], "group_folds": group_folds,
              "model": {"features": {"word_max_features": 300, "min_df": 1}, "min_positives": 2}}
    result = train(dataset, TrainConfig.model_validate(config))
    assert result.cv.split == expected
