"""Model bundles: round trip, checksums, versions, the trusted-type list, pickle refusal, atomic saves."""

from __future__ import annotations

import collections
import json
import os
import pickle
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from foiclassify import artifacts
from foiclassify.artifacts import (
    BUNDLE_FILES,
    load_bundle,
    save_bundle,
    skops_types,
    verify_bundle,
    write_checksums,
)
from foiclassify.data import load_dataset
from foiclassify.errors import ModelError, OutputError
from foiclassify.preprocess import Preprocessor, to_frame
from foiclassify.training import TrainConfig, TrainResult, cross_validation_report


class SneakyDict(collections.OrderedDict):
    """A dict subclass: skops would rebuild it with our code, so it is not on the trusted list."""


@pytest.fixture(scope="module")
def X(tiny_records: list[dict]) -> pd.DataFrame:
    processed = Preprocessor().process([r["request"] for r in tiny_records])
    return to_frame(processed, [r["authority_type"] for r in tiny_records])


@pytest.fixture(scope="module")
def result(tiny_bundle: Path, tiny_jsonl: Path, X: pd.DataFrame) -> TrainResult:
    """A TrainResult rebuilt from the shared tiny bundle (no second model is trained)."""
    bundle = load_bundle(tiny_bundle)
    dataset = load_dataset(tiny_jsonl)
    Y = dataset.label_matrix()
    P = bundle.model.predict_proba(X)
    everything = np.arange(len(Y))
    cv = cross_validation_report(Y, P, bundle.thresholds, bundle.model.labels_, [(everything, everything)],
                                 "iterative stratified")
    return TrainResult(bundle.model, bundle.thresholds, cv, TrainConfig.model_validate(bundle.config), dataset,
                       bundle.index)


def _copy(tiny_bundle: Path, tmp_path: Path, name: str = "bundle") -> Path:
    dest = tmp_path / name
    shutil.copytree(tiny_bundle, dest)
    return dest


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_bundle_has_every_file_and_verifies(tiny_bundle: Path) -> None:
    names = {p.name for p in tiny_bundle.iterdir()}
    assert names == {*BUNDLE_FILES, "SHA256SUMS"}
    checksum = verify_bundle(tiny_bundle)
    assert len(checksum) == 64 and checksum == artifacts.sha256_file(tiny_bundle / "SHA256SUMS")
    metadata = json.loads((tiny_bundle / "metadata.json").read_text())
    assert metadata["format_version"] == artifacts.FORMAT_VERSION
    assert metadata["training_data"]["rows"] == 32 and len(metadata["training_data"]["sha256"]) == 64
    assert skops_types((tiny_bundle / "model.skops").read_bytes()) <= set(artifacts.TRUSTED_TYPES) | {
        f"builtins.{n}" for n in ("dict", "list", "tuple", "str", "int", "float", "bool", "NoneType")
    }


def test_save_load_round_trip_gives_identical_probabilities(
    result: TrainResult, tiny_bundle: Path, tmp_path: Path, X: pd.DataFrame
) -> None:
    out = save_bundle(result, tmp_path / "copy")
    again = load_bundle(out)
    original = load_bundle(tiny_bundle)
    assert np.array_equal(again.model.predict_proba(X), original.model.predict_proba(X))
    assert np.array_equal(again.model.predict_proba(X), result.model.predict_proba(X))
    assert again.thresholds == result.thresholds
    assert [p["id"] for p in again.precedents] == result.dataset.ids
    assert (again.index != original.index).nnz == 0
    assert again.metadata["training_data"]["sha256"] == result.dataset.sha256
    assert again.bundle_id.startswith("foiclassify-") and again.checksum == verify_bundle(out)
    assert (out / "MODEL_CARD.md").read_text().strip()


def test_one_changed_byte_is_detected_naming_the_file(tiny_bundle: Path, tmp_path: Path) -> None:
    bundle = _copy(tiny_bundle, tmp_path)
    model = bundle / "model.skops"
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0x01
    model.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=r"model\.skops: checksum mismatch") as info:
        load_bundle(bundle)
    assert str(model) in str(info.value)


def test_tampered_checksum_file_is_detected(tiny_bundle: Path, tmp_path: Path) -> None:
    bundle = _copy(tiny_bundle, tmp_path)
    sums = bundle / "SHA256SUMS"
    lines = sums.read_text().splitlines()
    _, name = lines[0].split()
    lines[0] = f"{'0' * 64}  {name}"
    sums.write_text("\n".join(lines) + "\n")
    with pytest.raises(ModelError, match=f"{name}: checksum mismatch"):
        verify_bundle(bundle)
    sums.write_text("garbage\n")
    with pytest.raises(ModelError, match="SHA256SUMS: line 1 is malformed"):
        verify_bundle(bundle)
    sums.write_text("".join(line + "\n" for line in lines[1:]))
    with pytest.raises(ModelError, match=f"no checksum for {name}"):
        verify_bundle(bundle)


def test_a_bundle_file_changed_and_rehashed_by_hand_still_loads_only_if_valid(tiny_bundle: Path,
                                                                                 tmp_path: Path) -> None:
    # Checksums catch accidents; an attacker who rewrites SHA256SUMS is caught by the other checks.
    bundle = _copy(tiny_bundle, tmp_path)
    (bundle / "labels.json").write_text(json.dumps({"taxonomy_version": "0.1", "labels": ["s12"]}))
    write_checksums(bundle)
    with pytest.raises(ModelError, match=r"taxonomy 0\.1"):
        load_bundle(bundle)


@pytest.mark.parametrize("name", ["model.skops", "thresholds.json", "precedents.jsonl", "SHA256SUMS"])
def test_missing_file(tiny_bundle: Path, tmp_path: Path, name: str) -> None:
    bundle = _copy(tiny_bundle, tmp_path)
    (bundle / name).unlink()
    with pytest.raises(ModelError, match=name if name != "SHA256SUMS" else "no SHA256SUMS"):
        load_bundle(bundle)


def test_missing_folder_and_a_file_instead_of_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no model bundle here"):
        load_bundle(tmp_path / "nothing")
    (tmp_path / "model.pkl").write_bytes(b"x")
    with pytest.raises(ModelError, match="is a file"):
        load_bundle(tmp_path / "model.pkl")


def _edit_metadata(bundle: Path, **changes: object) -> None:
    metadata = json.loads((bundle / "metadata.json").read_text())
    for key, value in changes.items():
        if key == "foiclassify":
            metadata["versions"]["foiclassify"] = value
        else:
            metadata[key] = value
    (bundle / "metadata.json").write_text(json.dumps(metadata))
    write_checksums(bundle)


def test_newer_major_format_is_refused(tiny_bundle: Path, tmp_path: Path) -> None:
    bundle = _copy(tiny_bundle, tmp_path)
    _edit_metadata(bundle, format_version="3.0")
    verify_bundle(bundle)  # the checksums are consistent: the version check is what refuses it
    with pytest.raises(ModelError, match=r"bundle format 3\.0 is not supported.*upgrade foiclassify"):
        load_bundle(bundle)


def test_newer_minor_format_is_accepted(tiny_bundle: Path, tmp_path: Path) -> None:
    bundle = _copy(tiny_bundle, tmp_path)
    _edit_metadata(bundle, format_version="2.7")
    assert load_bundle(bundle).metadata["format_version"] == "2.7"


def test_bundle_made_by_another_major_release_is_refused(tiny_bundle: Path, tmp_path: Path) -> None:
    bundle = _copy(tiny_bundle, tmp_path)
    _edit_metadata(bundle, foiclassify="3.2.0")
    with pytest.raises(ModelError, match=r"made by foiclassify 3\.2\.0"):
        load_bundle(bundle)


def _replace_model(bundle: Path, state: dict) -> None:
    import skops.io as sio

    sio.dump(state, bundle / "model.skops")
    write_checksums(bundle)


def test_untrusted_type_is_refused_naming_it(tiny_bundle: Path, tmp_path: Path) -> None:
    bundle = _copy(tiny_bundle, tmp_path)
    _replace_model(bundle, {"config": SneakyDict(a=1)})
    with pytest.raises(ModelError, match=r"refusing to load untrusted type\(s\) .*SneakyDict"):
        load_bundle(bundle)


def test_an_sklearn_type_off_the_list_is_refused_although_skops_trusts_sklearn(tiny_bundle: Path,
                                                                                   tmp_path: Path) -> None:
    from sklearn.preprocessing import StandardScaler

    bundle = _copy(tiny_bundle, tmp_path)
    state = load_bundle(bundle).model.get_state()
    state["extra"] = StandardScaler()
    _replace_model(bundle, state)
    with pytest.raises(ModelError, match=r"untrusted type\(s\) sklearn\.preprocessing\._data\.StandardScaler"):
        load_bundle(bundle)


def test_a_function_reference_is_refused(tiny_bundle: Path, tmp_path: Path) -> None:
    from sklearn.preprocessing import FunctionTransformer

    bundle = _copy(tiny_bundle, tmp_path)
    state = load_bundle(bundle).model.get_state()
    state["extra"] = FunctionTransformer(func=os.system)  # FunctionTransformer is trusted; os.system is not
    _replace_model(bundle, state)
    with pytest.raises(ModelError, match=r"untrusted type\(s\) .*system"):
        load_bundle(bundle)


def test_not_a_skops_file(tiny_bundle: Path, tmp_path: Path) -> None:
    bundle = _copy(tiny_bundle, tmp_path)
    (bundle / "model.skops").write_bytes(b"not a zip file at all")
    write_checksums(bundle)
    with pytest.raises(ModelError, match="not a skops file"):
        load_bundle(bundle)


class _Payload:
    """Unpickling this creates a marker directory: proof that pickle ran code from the file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (os.mkdir, (str(self.marker),))


def test_pickle_is_never_loaded_without_allow_pickle(tiny_bundle: Path, tmp_path: Path) -> None:
    marker = tmp_path / "code-ran"
    for name in ("model.joblib",):
        bundle = _copy(tiny_bundle, tmp_path, "legacy")
        (bundle / "model.skops").unlink()
        (bundle / name).write_bytes(pickle.dumps(_Payload(marker)))
        with pytest.raises(ModelError):
            load_bundle(bundle)
        assert not marker.exists()
        # The same file as model.skops: skops reads it as a zip, never as a pickle.
        shutil.copy(bundle / name, bundle / "model.skops")
        write_checksums(bundle)
        with pytest.raises(ModelError, match="not a skops file"):
            load_bundle(bundle)
        assert not marker.exists()
        # Only an explicit allow_pickle=True runs it (which is why it is off by default).
        (bundle / "model.skops").unlink()
        with pytest.raises(Exception):  # noqa: B017 - the payload is not a model state
            load_bundle(bundle, allow_pickle=True)
        assert marker.exists()


def test_legacy_joblib_bundle_loads_with_allow_pickle(tiny_bundle: Path, tmp_path: Path, X: pd.DataFrame) -> None:
    import joblib

    original = load_bundle(tiny_bundle)
    bundle = _copy(tiny_bundle, tmp_path, "legacy")
    (bundle / "model.skops").unlink()
    joblib.dump({**original.model.get_state(), "index": original.index}, bundle / "model.joblib")
    with pytest.raises(ModelError):
        load_bundle(bundle)
    legacy = load_bundle(bundle, allow_pickle=True)
    assert np.array_equal(legacy.model.predict_proba(X), original.model.predict_proba(X))


def test_save_into_existing_bundle_needs_overwrite(result: TrainResult, tmp_path: Path) -> None:
    out = save_bundle(result, tmp_path / "b")
    before = _snapshot(out)
    with pytest.raises(OutputError, match=r"already exists.*--overwrite"):
        save_bundle(result, out)
    assert _snapshot(out) == before
    save_bundle(result, out, overwrite=True)
    verify_bundle(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"]  # no temp or backup folder left


def test_overwrite_only_replaces_bundles(result: TrainResult, tmp_path: Path) -> None:
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work")
    with pytest.raises(OutputError, match="not a model bundle"):
        save_bundle(result, precious, overwrite=True)
    assert (precious / "thesis.docx").read_text() == "years of work"
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        save_bundle(result, afile, overwrite=True)
    with pytest.raises(OutputError, match="is a file, not a folder"):
        save_bundle(result, afile / "sub" / "bundle")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents", "file"]


@pytest.mark.parametrize("where", ["model_card", "write_checksums", "swap"])
def test_failed_save_keeps_the_previous_bundle(
    result: TrainResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    out = save_bundle(result, tmp_path / "current")
    before = _snapshot(out)

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    if where == "model_card":
        monkeypatch.setattr("foiclassify.explain.model_card", boom)
    elif where == "write_checksums":
        monkeypatch.setattr(artifacts, "write_checksums", boom)
    else:  # the swap itself fails, on the path without the atomic exchange (renames only)
        import ctypes

        real_replace = os.replace

        def no_libc(*args: object, **kwargs: object) -> None:
            raise OSError("no C library")

        failed: list[object] = []

        def replace(src: object, dst: object) -> None:  # the rename of the new bundle into place fails once
            if Path(str(dst)) == out and ".tmp-" in str(src) and not failed:
                failed.append(src)
                raise OSError(28, "No space left on device")
            real_replace(src, dst)  # type: ignore[arg-type]

        monkeypatch.setattr(ctypes, "CDLL", no_libc)
        monkeypatch.setattr(artifacts.os, "replace", replace)
    with pytest.raises((RuntimeError, OSError)):
        save_bundle(result, out, overwrite=True)
    monkeypatch.undo()
    assert _snapshot(out) == before
    verify_bundle(out)
    load_bundle(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current"]  # no temp dir, no backup left
