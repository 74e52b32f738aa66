"""Request text is personal data: it stays out of the audit log, error messages and tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner, Result

from foiclassify import audit
from foiclassify.cli import app, audit_app

SECRET = "Jane Q. Doe of 4 Elm Road asked about her son's arrest"
runner = CliRunner()


def _log() -> Path:
    return Path(os.environ[audit.ENV_VAR])


def _run(*args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=input)


def test_suggest_and_explain_log_a_hash_not_the_text(tiny_bundle: Path, tmp_path: Path) -> None:
    assert _run("suggest", "--model", str(tiny_bundle), "--format", "jsonl", SECRET).exit_code == 0
    assert _run("suggest", "--model", str(tiny_bundle), "-", input=SECRET).exit_code == 0
    explained = _run("explain", "--model", str(tiny_bundle), "--format", "json", SECRET)
    assert explained.exit_code == 0, explained.output
    batch = tmp_path / "in.csv"
    pd.DataFrame({"id": ["p1", "p2"], "request": [SECRET, SECRET + " again"]}).to_csv(batch, index=False)
    done = _run("suggest", "--model", str(tiny_bundle), "--input", str(batch), "--output", str(tmp_path / "o.jsonl"))
    assert done.exit_code == 0, done.output
    raw = _log().read_text(encoding="utf-8")
    records = audit.read_records(_log())
    assert len(records) == 5 and {r.event for r in records} == {"suggest", "explain"}
    for word in ("Jane", "Elm Road", "arrest"):
        assert word not in raw
    assert all("text" not in r.payload and len(r.payload["text_sha256"]) == 64 for r in records)


def test_audit_text_keeps_it_only_when_asked(tiny_bundle: Path) -> None:
    assert _run("suggest", "--model", str(tiny_bundle), "--audit-text", "--format", "jsonl", SECRET).exit_code == 0
    assert audit.read_records(_log())[0].payload["text"] == SECRET


def test_bad_rows_are_named_by_id_never_by_text(tiny_bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    for bad_labels in ("s99", "banana", "[oops"):
        pd.DataFrame({"id": ["case-17"], "request": [SECRET], "exemptions": [bad_labels]}).to_csv(data, index=False)
        result = _run("validate", str(data))
        assert result.exit_code == 1 and "row 1" in result.stderr
        assert "Jane" not in result.stderr and "Elm" not in result.stdout
    pd.DataFrame({"id": ["a", "a"], "request": [SECRET, SECRET], "exemptions": ["", ""]}).to_csv(data, index=False)
    result = _run("validate", str(data))
    assert result.exit_code == 1 and "duplicate id 'a'" in result.stderr and "Jane" not in result.output
    # Rows a batch skips are listed by id, with the reason, and without their text.
    batch = tmp_path / "b.csv"
    pd.DataFrame({"ref": ["k1", "k2", "k3"], "request": [SECRET, "  ", SECRET], "kind": ["police", "", "ministry"]}
                 ).to_csv(batch, index=False)
    result = _run("suggest", "--model", str(tiny_bundle), "--input", str(batch), "--output", str(tmp_path / "o.csv"),
                  "--id-field", "ref", "--authority-type-field", "kind")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Warning: row k2 skipped: empty or unreadable text",
        "Warning: row k3 skipped: unknown authority type 'ministry'",
    ]
    assert "Jane" not in result.output


def test_jsonl_parse_errors_do_not_quote_the_line(tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"id": "a", "request": "fine"}) + "\n" + '{"id": "b", "request": "' + SECRET + "\n",
                    encoding="utf-8")
    result = _run("validate", str(data))
    assert result.exit_code == 1 and "line 2" in result.stderr and "Jane" not in result.stderr


def test_tracebacks_never_show_local_variables() -> None:
    assert app.pretty_exceptions_show_locals is False
    assert audit_app.pretty_exceptions_show_locals is False


@pytest.mark.slow
def test_an_unexpected_crash_does_not_print_the_request(tmp_path: Path) -> None:
    # A bug (not a user error) keeps its traceback, but the frames' local variables, which hold the
    # request text, must not be printed.
    script = tmp_path / "crash.py"
    script.write_text(
        "import sys\n"
        "import foiclassify.cli as cli\n"
        "import foiclassify.predict as predict\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('simulated bug')\n"
        "predict.load_model = broken\n"
        "sys.argv = ['foiclassify', *sys.argv[1:]]\n"  # the text comes from the command line, as for a user
        "cli.main()\n",
        encoding="utf-8",
    )
    proc = subprocess.run([sys.executable, str(script), "suggest", "--no-audit", SECRET], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "COLUMNS": "200"})
    assert proc.returncode != 0
    assert "simulated bug" in proc.stderr  # the traceback is there
    assert "Jane" not in proc.stderr and "Jane" not in proc.stdout
