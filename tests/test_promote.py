"""compare, promote and rollback: refused promotions, forced ones on record, atomic and reversible swaps."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from foiclassify.artifacts import load_bundle, sha256_file, verify_bundle, write_checksums
from foiclassify.errors import ModelError, UsageError
from foiclassify.evaluation import NCND_RECALL, PromotionRefused, compare, promote, promotion_check, rollback


def _copy(bundle: Path, to: Path) -> Path:
    shutil.copytree(bundle, to)
    return to


def _bundle_state(path: Path) -> str:
    """One value pinning every file of a bundle (the hash of its checksum file)."""
    return sha256_file(path / "SHA256SUMS")


@pytest.fixture
def worse(tmp_path: Path, tiny_bundle: Path) -> Path:
    """The tiny bundle with every threshold at 0.99: it suggests (almost) nothing, but still verifies."""
    path = _copy(tiny_bundle, tmp_path / "worse")
    doc = json.loads((path / "thresholds.json").read_text())
    doc["global_threshold"] = 0.99
    for entry in doc["labels"].values():
        entry["threshold"] = 0.99
    (path / "thresholds.json").write_text(json.dumps(doc, indent=2))
    write_checksums(path)
    verify_bundle(path)
    return path


@pytest.fixture
def models(tmp_path: Path, tiny_bundle: Path) -> Path:
    """A models folder whose current model (models/default) is a copy of the tiny bundle."""
    folder = tmp_path / "models"
    result = promote(_copy(tiny_bundle, tmp_path / "first"), to=folder / "default")
    assert result.previous is None and result.old_id is None  # nothing to compare with: no data needed
    return folder


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_compare_finds_the_worse_labels(worse: Path, tiny_bundle: Path, tiny_jsonl: Path) -> None:
    comparison = compare(worse, tiny_bundle, tiny_jsonl)
    assert comparison.per_label["s40(2)"].old_f1 > comparison.per_label["s40(2)"].new_f1
    assert comparison.per_label["s40(2)"].delta_f1 == pytest.approx(
        comparison.per_label["s40(2)"].new_f1 - comparison.per_label["s40(2)"].old_f1
    )
    assert comparison.new_ncnd_recall < comparison.old_ncnd_recall
    blocking = promotion_check(comparison)
    assert "s40(2)" in blocking and "s12" in blocking and blocking[-1] == NCND_RECALL
    assert "s21" not in blocking  # 4 examples: under min_support
    # The same model compared with itself changes nothing.
    same = compare(tiny_bundle, tiny_bundle, tiny_jsonl)
    assert promotion_check(same) == [] and all(d.delta_f1 == 0 for d in same.per_label.values())
    assert comparison.section_f1_delta.mean < 0 and comparison.section_f1_delta.share_ahead < 0.5
    assert same.section_f1_delta.mean == 0 and same.section_f1_delta.share_ahead == 0


def test_refused_promotion_changes_nothing(models: Path, worse: Path, tiny_jsonl: Path) -> None:
    current = _bundle_state(models / "default")
    with pytest.raises(PromotionRefused) as info:
        promote(worse, to=models / "default", data=tiny_jsonl)
    assert info.value.exit_code == 1
    message = str(info.value)
    assert "s40(2)" in message and "NCND recall" in message and "--force" in message and "\n" not in message
    assert "s40(2)" in info.value.blocking
    assert _bundle_state(models / "default") == current
    assert not (models / "previous").exists()
    assert _leftovers(models) == []


def test_promotion_needs_data_unless_forced(models: Path, worse: Path) -> None:
    with pytest.raises(UsageError, match="--data"):
        promote(worse, to=models / "default")
    with pytest.raises(UsageError, match="--reason"):
        promote(worse, to=models / "default", force_reason="  ")


def test_forced_promotion_is_recorded_and_verifies(models: Path, worse: Path, tiny_jsonl: Path) -> None:
    original = _bundle_state(models / "default")
    source = _bundle_state(worse)
    result = promote(worse, to=models / "default", force_reason="urgent fix for s22 wording", data=tiny_jsonl)
    assert result.forced and result.checked and "s40(2)" in result.blocking
    meta = json.loads((models / "default" / "metadata.json").read_text())
    record = meta["promotion"]
    assert record["forced"] is True and record["reason"] == "urgent fix for s22 wording"
    assert record["blocking"] == result.blocking and record["at"].endswith("Z")
    verify_bundle(models / "default")
    assert load_bundle(models / "default").bundle_id == result.new_id
    assert _bundle_state(models / "previous") == original  # the replaced model is kept, untouched
    assert _bundle_state(worse) == source  # the promoted folder itself is not modified
    assert "promotion" not in json.loads((worse / "metadata.json").read_text())
    assert _leftovers(models) == []


def test_forced_promotion_without_data_is_marked_unchecked(models: Path, worse: Path) -> None:
    result = promote(worse, to=models / "default", force_reason="no held-out data yet")
    assert result.forced and not result.checked
    record = json.loads((models / "default" / "metadata.json").read_text())["promotion"]
    assert record["checked"] is False and record["blocking"] == []


def test_rollback_restores_and_is_reversible(models: Path, worse: Path) -> None:
    original = _bundle_state(models / "default")
    promote(worse, to=models / "default", force_reason="trying it")
    promoted = _bundle_state(models / "default")
    back = rollback(models / "default")
    assert _bundle_state(models / "default") == original
    assert _bundle_state(models / "previous") == promoted
    assert back.previous_id is not None
    rollback(models / "default")
    assert _bundle_state(models / "default") == promoted
    assert _bundle_state(models / "previous") == original
    assert _leftovers(models) == []


def test_promotion_passes_and_replaces_older_previous(models: Path, tiny_bundle: Path, tiny_jsonl: Path,
                                                      tmp_path: Path) -> None:
    first = _bundle_state(models / "default")
    result = promote(_copy(tiny_bundle, tmp_path / "second"), to=models / "default", data=tiny_jsonl)
    assert result.blocking == [] and not result.forced and result.checked
    assert "promotion" not in json.loads((models / "default" / "metadata.json").read_text())
    assert _bundle_state(models / "previous") == first
    third = _copy(tiny_bundle, tmp_path / "third")
    meta = json.loads((third / "metadata.json").read_text())
    meta["bundle_id"] = "third"
    (third / "metadata.json").write_text(json.dumps(meta))
    write_checksums(third)
    second = _bundle_state(models / "default")
    promote(third, to=models / "default", data=tiny_jsonl)
    assert load_bundle(models / "default").bundle_id == "third"
    assert _bundle_state(models / "previous") == second
    assert sorted(p.name for p in models.iterdir() if not p.name.startswith(".")) == ["default", "previous"]


def test_rollback_without_previous(models: Path) -> None:
    with pytest.raises(ModelError, match="no previous model"):
        rollback(models / "default")


def test_promote_refuses_tampered_or_same_bundle(models: Path, worse: Path) -> None:
    (worse / "thresholds.json").write_text("{}")
    with pytest.raises(ModelError, match="checksum mismatch"):
        promote(worse, to=models / "default", force_reason="x")
    with pytest.raises(UsageError, match="already the current model"):
        promote(models / "default", to=models / "default", force_reason="x")


def test_swap_without_renameat2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the atomic exchange is not available, three renames give the same result."""
    import ctypes

    from foiclassify.artifacts import exchange_dirs

    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        (folder / "name").write_text(folder.name)

    def no_libc(*args: object, **kwargs: object) -> None:
        raise OSError("no C library")

    monkeypatch.setattr(ctypes, "CDLL", no_libc)
    exchange_dirs(a, b)
    assert (a / "name").read_text() == "b" and (b / "name").read_text() == "a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_concurrent_promotion_is_refused(models: Path, worse: Path) -> None:
    import fcntl
    import os

    from foiclassify.errors import OutputError

    promote(worse, to=models / "default", force_reason="so that there is a previous model")
    fd = os.open(models, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another promote or rollback holds the folder
    try:
        with pytest.raises(OutputError, match="another promote or rollback"):
            promote(worse, to=models / "default", force_reason="x")
        with pytest.raises(OutputError, match="another promote or rollback"):
            rollback(models / "default")
    finally:
        os.close(fd)
    assert _leftovers(models) == []
