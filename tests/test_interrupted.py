"""Runs killed with SIGKILL midway never damage the previous bundle or leave a half-written output.

The commands run in a subprocess (``python -m foiclassify``) so the kill is real: no cleanup code,
no ``finally`` blocks and no signal handler runs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from foiclassify.artifacts import load_bundle, verify_bundle
from foiclassify.cli import app

pytestmark = pytest.mark.slow

SMALL_CONFIG = {
    "folds": 2,
    "learning_curve": [],
    "min_support": 3,
    "model": {"features": {"word_max_features": 500, "char_max_features": 500, "min_df": 1}, "min_positives": 2},
}


def _start(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "foiclassify", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "FOICLASSIFY_AUTHORITY_TYPE": ""},
    )


def _kill_when(proc: subprocess.Popen, ready: Callable[[], bool], timeout: float = 240.0) -> None:
    """SIGKILL ``proc`` as soon as ``ready()``; fail if it finishes (or times out) first."""
    deadline = time.monotonic() + timeout
    try:
        while not ready():
            if proc.poll() is not None:
                stderr = proc.stderr.read().decode() if proc.stderr else ""
                pytest.fail(f"the run ended (exit {proc.returncode}) before it could be interrupted: {stderr[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail("the run never reached the point where it should be interrupted")
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_killed_train_keeps_the_previous_bundle(tiny_bundle: Path, tiny_jsonl: Path, tmp_path: Path) -> None:
    import shutil

    models = tmp_path / "models"
    models.mkdir()
    out = models / "current"
    shutil.copytree(tiny_bundle, out)
    before = _files(out)
    config = tmp_path / "config.json"
    config.write_text(json.dumps(SMALL_CONFIG))

    proc = _start("train", str(tiny_jsonl), "--out", str(out), "--overwrite", "--config", str(config), cwd=tmp_path)
    # save_bundle writes the whole new bundle into a temporary sibling folder before swapping it in:
    # kill the run while that folder is being filled.
    _kill_when(proc, lambda: any(p.name.startswith(".current.tmp-") for p in models.iterdir()))

    assert _files(out) == before  # the previous bundle, byte for byte: no half bundle at --out
    verify_bundle(out)
    assert load_bundle(out).bundle_id == json.loads(before["metadata.json"])["bundle_id"]
    assert not any(".old-" in p.name for p in models.iterdir())  # and it was never moved aside


def test_killed_batch_leaves_only_partial_output_and_resumes(tiny_bundle: Path, tmp_path: Path) -> None:
    rows = 600
    subjects = ["the names of staff", "covert cameras", "fire engines", "the waste contract prices", "parking fines"]
    source = tmp_path / "requests.csv"
    pd.DataFrame(
        {
            "id": [f"case-{i:05d}" for i in range(rows)],
            "request": [f"Request {i}: please send details of {subjects[i % len(subjects)]}." for i in range(rows)],
            "team": ["north", "south"] * (rows // 2),
        }
    ).to_csv(source, index=False)
    output = tmp_path / "results.csv"
    partial = tmp_path / "results.csv.partial"
    args = ["suggest", "--model", str(tiny_bundle), "--input", str(source), "--output", str(output),
            "--chunk-size", "20"]

    proc = _start(*args, cwd=tmp_path)
    _kill_when(proc, lambda: (partial / "part-000000.csv").exists())

    assert not output.exists()  # never a half-written output file
    assert partial.is_dir() and (partial / "manifest.json").exists()
    done = sorted(partial.glob("part-*.csv"))
    assert 1 <= len(done) < rows // 20

    result = CliRunner().invoke(app, [*args, "--resume"])
    assert result.exit_code == 0, result.output
    assert f"{rows:,} rows" in result.stdout and "resumed after" in result.stdout
    table = pd.read_csv(output, dtype=str, keep_default_na=False)
    assert len(table) == rows
    assert table["fc_id"].is_unique and list(table["id"]) == [f"case-{i:05d}" for i in range(rows)]
    assert list(table["team"]) == ["north", "south"] * (rows // 2)  # input columns kept through the resume
    assert not partial.exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".results")]  # no temp files left
