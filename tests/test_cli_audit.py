"""`foiclassify audit verify|show|decide`: exit codes, output, and one-line errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_checks import one_line_error
from typer.testing import CliRunner, Result

from foiclassify import audit
from foiclassify.cli import app

runner = CliRunner()


def _run(*args: str) -> Result:
    return runner.invoke(app, ["audit", *args])


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "audit.jsonl"
    audit.append(path, "suggest", {"labels": ["s40(2)"], "ncnd": False, "abstained": False}, user="alice")
    audit.append(path, "explain", {"labels": ["s31(1)", "s24(1)"], "abstained": False}, user="alice")
    audit.append(path, "suggest", {"labels": [], "abstained": True}, user="bob")
    return path


def _ids(path: Path) -> list[str]:
    return [r.id for r in audit.read_records(path)]


# -- verify ------------------------------------------------------------------------------------------


def test_verify_clean(log: Path) -> None:
    result = _run("verify", str(log))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("OK: ") and "3 records" in result.stdout and result.stderr == ""


def test_verify_uses_env_path(log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audit.ENV_VAR, str(log))
    result = _run("verify")
    assert result.exit_code == 0 and str(log) in result.stdout


def test_verify_names_changed_record(log: Path) -> None:
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace('"alice"', '"mallory"')
    log.write_text("".join(lines), encoding="utf-8")
    message = one_line_error(_run("verify", str(log)), 1)
    assert f"line 2 (seq 2, id {_ids(log)[1]}) was changed" in message


def test_verify_names_removed_and_inserted_records(log: Path) -> None:
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    log.write_text(lines[0] + lines[2], encoding="utf-8")
    assert "seq 2 was removed" in one_line_error(_run("verify", str(log)), 1)
    log.write_text(lines[0] + lines[1] + lines[0] + lines[2], encoding="utf-8")
    assert "line 3 (seq 1" in one_line_error(_run("verify", str(log)), 1)


def test_verify_warns_about_truncated_line(log: Path) -> None:
    with log.open("ab") as fh:
        fh.write(b'{"seq":4,"id":"ab')
    result = _run("verify", str(log))
    assert result.exit_code == 0, result.output
    assert "3 records" in result.stdout
    warning = result.stderr.strip().splitlines()
    assert len(warning) == 1 and warning[0].startswith("Warning: ") and "line(s) (4)" in warning[0]


def test_verify_bad_input(tmp_path: Path) -> None:
    assert "does not exist" in one_line_error(_run("verify", str(tmp_path / "missing.jsonl")), 1)
    junk = tmp_path / "junk.jsonl"
    junk.write_text("this is not JSON\n{also not\n", encoding="utf-8")
    assert "line 1 is not valid JSON" in one_line_error(_run("verify", str(junk)), 1)


# -- show --------------------------------------------------------------------------------------------


def test_show_table(log: Path) -> None:
    result = _run("show", str(log))
    assert result.exit_code == 0, result.output
    for rec_id in _ids(log):
        assert rec_id in result.stdout
    assert "3 of 3 records" in result.stdout and "abstained" in result.stdout


def test_show_json_and_jsonl(log: Path) -> None:
    result = _run("show", str(log), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in json.loads(result.stdout)] == _ids(log)
    result = _run("show", str(log), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stdout == log.read_text(encoding="utf-8")


def test_show_filters(log: Path) -> None:
    def seqs(*args: str) -> list[int]:
        result = _run("show", str(log), "--format", "json", *args)
        assert result.exit_code == 0, result.output
        return [r["seq"] for r in json.loads(result.stdout)]

    assert seqs("--event", "explain") == [2]
    assert seqs("--label", "s31") == [2]
    assert seqs("--label", "s40(2)", "--event", "suggest") == [1]
    assert seqs("--since", "2000-01-01") == [1, 2, 3]
    assert seqs("--since", "2999-01-01T00:00Z") == []


def test_show_bad_input(log: Path, tmp_path: Path) -> None:
    assert "does not exist" in one_line_error(_run("show", str(tmp_path / "missing.jsonl")), 1)
    junk = tmp_path / "junk.jsonl"
    junk.write_text("id,text\n1,hello\n", encoding="utf-8")
    assert "not a foiclassify audit log" in one_line_error(_run("show", str(junk)), 1)
    assert "unknown exemption label 's99'" in one_line_error(_run("show", str(log), "--label", "s99"), 1)
    assert "unknown audit event" in one_line_error(_run("show", str(log), "--event", "guess"), 1)
    assert "--since" in one_line_error(_run("show", str(log), "--since", "yesterday"), 1)
    assert "--format" in one_line_error(_run("show", str(log), "--format", "xml"), 2)


def test_show_skips_unreadable_lines_with_one_warning(log: Path) -> None:
    with log.open("a", encoding="utf-8") as fh:
        fh.write("garbage\nmore garbage\n")
    result = _run("show", str(log), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3
    warning = result.stderr.strip().splitlines()
    assert len(warning) == 1 and "skipped 2 line(s) (4, 5)" in warning[0]


# -- decide ------------------------------------------------------------------------------------------


def test_decide(log: Path) -> None:
    target = _ids(log)[0]
    result = _run(
        "decide", target, "--accept", "s40(2)", "--reject", "s31(1)", "--reject", "s42",
        "--reason", "personal data of a third party", "--log", str(log), "--user", "carol",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"on record {target}" in result.stdout and "rejected s31(1), s42(1)" in result.stdout
    decision = audit.read_records(log, event="decision")[0]
    assert (decision.user, decision.payload["record_id"]) == ("carol", target)
    assert decision.payload["accept"] == ["s40(2)"]
    assert _run("verify", str(log)).exit_code == 0


def test_decide_unknown_id(log: Path) -> None:
    result = _run("decide", "ffffffffffff", "--accept", "s40(2)", "--reason", "x", "--log", str(log))
    assert "no record with id 'ffffffffffff'" in one_line_error(result, 1)
    assert len(_ids(log)) == 3


def test_decide_bad_input(log: Path, tmp_path: Path) -> None:
    target = _ids(log)[0]
    base = ["decide", target, "--log", str(log)]
    assert "unknown exemption label" in one_line_error(_run(*base, "--accept", "s99", "--reason", "x"), 1)
    assert "needs a reason" in one_line_error(_run(*base, "--accept", "s12"), 1)
    assert "nothing to decide" in one_line_error(_run(*base, "--reason", "x"), 2)
    missing = ["decide", target, "--accept", "s12", "--reason", "x", "--log", str(tmp_path / "nope.jsonl")]
    assert "does not exist" in one_line_error(_run(*missing), 1)
    assert len(_ids(log)) == 3


@pytest.mark.slow
def test_audit_help_imports_no_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from foiclassify.cli import app\n"
        "for cmd in ('verify', 'show', 'decide'):\n"
        "    assert CliRunner().invoke(app, ['audit', cmd, '--help']).exit_code == 0\n"
        "heavy = sorted(m for m in ('pandas', 'sklearn', 'spacy', 'numpy') if m in sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
