"""The shipped model and the shipped data never drift apart, and the model does what the README shows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "models" / "default"


def test_default_model_was_trained_on_current_data() -> None:
    from foiclassify.data import load_dataset

    metadata = json.loads((DEFAULT / "metadata.json").read_text(encoding="utf-8"))
    data = load_dataset(ROOT / "data" / "train.jsonl")
    assert metadata["training_data"]["sha256"] == data.sha256, (
        "retrain: foiclassify train data/train.jsonl --out models/default --overwrite"
    )
    assert metadata["training_data"]["rows"] == len(data)


def test_default_bundle_verifies_and_is_small() -> None:
    from foiclassify.artifacts import verify_bundle

    verify_bundle(DEFAULT)
    size = sum(f.stat().st_size for f in DEFAULT.iterdir())
    assert size <= 20 * 1024 * 1024


@pytest.fixture(scope="module")
def default_model():  # type: ignore[no-untyped-def]
    from foiclassify.predict import load_model

    return load_model(DEFAULT)


def test_covert_facial_recognition_is_ncnd(default_model) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Does your force use facial recognition technology covertly, for example hidden cameras at protests or in "
        "shopping centres? Please tell me where it has been deployed and whether any security bodies were involved."
    )
    sug = default_model.predict([text], ["police"])[0]
    assert sug.ncnd
    assert {"s23(5)", "s24(2)", "s31(3)"} <= set(sug.labels)
    assert "s31(1)" not in sug.labels and "s24(1)" not in sug.labels


def test_plain_statistics_request_is_not_refused(default_model) -> None:  # type: ignore[no-untyped-def]
    sug = default_model.predict(["How many missing person reports did the force receive in each of the last "
                                 "three years?"])[0]
    # Answered in full, or at most pointed to published figures (s21: missing-person statistics are
    # published nationally); never withheld, never the cost limit, and never with confidence.
    assert set(sug.labels) <= {"s21"}
    assert max(sug.scores.values()) < 0.5


def test_corpus_files_are_reproducible(tmp_path: Path) -> None:
    """data/generated.jsonl is exactly what data/generate.py writes (seeded, deterministic)."""
    out = tmp_path / "generated.jsonl"
    subprocess.run([sys.executable, str(ROOT / "data" / "generate.py"), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (ROOT / "data" / "generated.jsonl").read_bytes()


def _readme_examples() -> list[tuple[list[str], str]]:
    """(suggest arguments, output) for each example of `foiclassify suggest` output in the README."""
    import re
    import shlex

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = re.search(r"\.venv/bin/foiclassify (suggest .*)\n", readme)
    shown = re.search(r"real output of the shipped model\):\n\n```\n(.*?)```", readme, re.S)
    plain = re.search(r"```\n\$ foiclassify (suggest [^\n]*)\n(.*?)```", readme, re.S)
    assert quick and shown and plain, "the README's suggest examples moved: update this test"
    return [(shlex.split(quick.group(1))[1:], shown.group(1)), (shlex.split(plain.group(1))[1:], plain.group(2))]


@pytest.mark.parametrize("args, shown", _readme_examples(), ids=["quick start", "no confident suggestion"])
def test_readme_shows_the_shipped_models_real_output(args: list[str], shown: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from foiclassify.cli import app

    env = {"COLUMNS": "114", "FOICLASSIFY_AUDIT_LOG": str(tmp_path / "audit.jsonl"), "FOICLASSIFY_MODEL": str(DEFAULT)}
    result = CliRunner().invoke(app, ["suggest", *args], env=env)
    assert result.exit_code == 0, result.output
    # After retraining, paste the new output into the README (COLUMNS=114 foiclassify suggest ...).
    assert result.stdout == shown
