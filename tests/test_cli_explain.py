"""`foiclassify explain` and `foiclassify model-info`: output, HTML page, audit records, one-line errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_checks import ok, one_line_error
from typer.testing import CliRunner, Result

from foiclassify import audit
from foiclassify.cli import app

runner = CliRunner()

COVERT = "Does the force use covert surveillance cameras, and did MI5 ask officers to monitor the protest group?"
PERSONAL = "Please send the names and home addresses of the officers who attended my neighbour's house."


def _run(*args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=input)


def _records() -> list[audit.AuditRecord]:
    path = Path(os.environ["FOICLASSIFY_AUDIT_LOG"])
    return audit.read_records(path) if path.exists() else []


def test_explain_text(tiny_bundle: Path) -> None:
    result = ok(_run("explain", COVERT, "--model", str(tiny_bundle), "--authority-type", "police"))
    out = result.stdout
    assert "Suggested: s23(5), s24(2), s31(3)" in out
    for code in ("s23(5)", "s24(2)", "s31(3)"):
        assert f"{code} " in out
    assert "Top contributions" in out and "P(s31(3)) = P(group s31(1)) × P(NCND)" in out
    assert "NEITHER CONFIRM NOR DENY" in out
    assert "Sentences carrying most weight" in out and "Matched practice cues" in out
    assert "asks about covert tactics" in out
    assert result.stderr == ""


def test_explain_writes_one_audit_record(tiny_bundle: Path) -> None:
    ok(_run("explain", COVERT, "--model", str(tiny_bundle), "--user", "auditor1"))
    records = _records()
    assert len(records) == 1
    rec = records[0]
    assert rec.event == "explain" and rec.user == "auditor1"
    assert rec.payload["labels"] == ["s23(5)", "s24(2)", "s31(3)"] and rec.payload["ncnd"] is True
    assert rec.payload["text_sha256"] == audit.text_sha256(COVERT) and "text" not in rec.payload


def test_explain_audit_text_and_custom_log(tiny_bundle: Path, tmp_path: Path) -> None:
    log = tmp_path / "other.jsonl"
    ok(_run("explain", PERSONAL, "--model", str(tiny_bundle), "--audit-log", str(log), "--audit-text"))
    (rec,) = audit.read_records(log)
    assert rec.payload["text"] == PERSONAL
    assert _records() == []


def test_explain_no_audit_writes_nothing(tiny_bundle: Path) -> None:
    ok(_run("explain", COVERT, "--model", str(tiny_bundle), "--no-audit"))
    assert _records() == []
    assert not Path(os.environ["FOICLASSIFY_AUDIT_LOG"]).exists()


def test_explain_json(tiny_bundle: Path) -> None:
    result = ok(_run("explain", COVERT, "--model", str(tiny_bundle), "--format", "json"))
    doc = json.loads(result.stdout)
    assert [lab["code"] for lab in doc["labels"]] == doc["suggestion"]["labels"] == ["s23(5)", "s24(2)", "s31(3)"]
    assert doc["bundle_id"].startswith("foiclassify-") and doc["truncated"] is False
    lab = doc["labels"][0]
    for head in lab["heads"]:
        total = sum(c["contribution"] for c in head["contributions"]) + head["intercept"]
        assert total == pytest.approx(head["score"], abs=1e-6)
    assert lab["reason"] and lab["summary"] and lab["formula"] and lab["tokens"] and lab["cues"]


def test_explain_one_label(tiny_bundle: Path) -> None:
    result = ok(_run("explain", COVERT, "--model", str(tiny_bundle), "--label", "s40(2)", "--format", "json"))
    doc = json.loads(result.stdout)
    assert [lab["code"] for lab in doc["labels"]] == ["s40(2)"]
    assert doc["labels"][0]["suggested"] is False and doc["labels"][0]["status"] == "below_threshold"
    text = ok(_run("explain", COVERT, "--model", str(tiny_bundle), "--label", "s40(2)", "--no-audit")).stdout
    assert "not suggested" in text and "below the threshold" in text


def test_explain_stdin(tiny_bundle: Path) -> None:
    result = ok(_run("explain", "-", "--model", str(tiny_bundle), "--format", "json", input=PERSONAL))
    assert json.loads(result.stdout)["text"] == PERSONAL
    assert "s40(2)" in json.loads(result.stdout)["suggestion"]["labels"]


def test_explain_file(tiny_bundle: Path, tmp_path: Path) -> None:
    path = tmp_path / "request.txt"
    path.write_text(PERSONAL + "\n", encoding="utf-8")
    result = ok(_run("explain", "--file", str(path), "--model", str(tiny_bundle), "--format", "json"))
    assert json.loads(result.stdout)["text"].strip() == PERSONAL


def test_explain_html(tiny_bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "why.html"
    result = ok(_run("explain", COVERT, "--model", str(tiny_bundle), "--html", str(out)))
    page = out.read_text(encoding="utf-8")
    assert page.count('class="label-panel"') == 3 and 'data-label="s31(3)"' in page
    assert f"written to {out}" in result.stdout
    # with JSON on stdout the note goes to stderr, so stdout stays parseable
    out2 = tmp_path / "why2.html"
    result = ok(_run("explain", COVERT, "--model", str(tiny_bundle), "--html", str(out2), "--format", "json"))
    json.loads(result.stdout)
    assert f"written to {out2}" in result.stderr


def test_explain_html_refuses_existing_file(tiny_bundle: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    out = folder / "why.html"
    out.write_text("keep me", encoding="utf-8")
    line = one_line_error(_run("explain", COVERT, "--model", str(tiny_bundle), "--html", str(out)))
    assert "already exists" in line and "--overwrite" in line
    assert out.read_text(encoding="utf-8") == "keep me"
    assert _records() == []  # refused before anything was explained
    ok(_run("explain", COVERT, "--model", str(tiny_bundle), "--html", str(out), "--overwrite"))
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in folder.iterdir()) == ["why.html"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("args", "needle", "code"),
    [
        (["   "], "empty", 1),
        ([COVERT, "--label", "s99"], "s99", 1),
        ([COVERT, "--authority-type", "embassy"], "authority type", 1),
        ([COVERT, "--format", "xml"], "--format", 2),
        ([], "exactly one", 2),
        ([COVERT, "--no-audit", "--audit-text"], "contradict", 2),
    ],
)
def test_explain_bad_input(tiny_bundle: Path, args: list[str], needle: str, code: int) -> None:
    line = one_line_error(_run("explain", *args, "--model", str(tiny_bundle)), code)
    assert needle in line
    assert _records() == []


def test_explain_missing_model(tmp_path: Path) -> None:
    line = one_line_error(_run("explain", COVERT, "--model", str(tmp_path / "nope")))
    assert "no model bundle" in line and str(tmp_path / "nope") in line


def test_explain_missing_html_folder(tiny_bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "a" / "b.html"
    line = one_line_error(_run("explain", COVERT, "--model", str(tiny_bundle), "--html", str(out)))
    assert "does not exist" in line


def test_model_info_table(tiny_bundle: Path) -> None:
    result = ok(_run("model-info", "--model", str(tiny_bundle)))
    out = result.stdout
    metadata = json.loads((tiny_bundle / "metadata.json").read_text())
    assert metadata["bundle_id"] in out and metadata["training_data"]["sha256"] in out
    assert "Cross-validated quality (2 folds, iterative stratified)" in out and "±" in out
    assert "s31(3)" in out and "global" in out
    assert "Intended use" in out and "Limits" in out and "(all files verified)" in out


def test_model_info_json(tiny_bundle: Path) -> None:
    doc = json.loads(ok(_run("model-info", "--model", str(tiny_bundle), "--format", "json")).stdout)
    assert doc["training_rows"] == 32 and doc["folds"] == 2
    assert len(doc["labels"]) == 40
    assert {"code", "precision", "recall", "f1", "threshold", "source"} <= set(doc["labels"][0])
    assert doc["limits"] and doc["intended_use"]


def test_model_info_errors(tmp_path: Path, tiny_bundle: Path) -> None:
    assert "no model bundle" in one_line_error(_run("model-info", "--model", str(tmp_path / "nope")))
    assert "--format" in one_line_error(_run("model-info", "--model", str(tiny_bundle), "--format", "csv"), 2)
