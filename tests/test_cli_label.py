"""``foiclassify label``: read exemptions and the NCND flag out of response letters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foiclassify.cli import app

LETTERS = [
    {"id": "L1", "team": "north",
     "response": "The names are exempt under section 40(2) of the Act. Section 17 notice follows."},
    {"id": "L2", "response": "The force will neither confirm nor deny, relying on Section 24(2) and s.31(3).",
     "team": "south"},
    {"id": "L3", "team": "east",
     "response": "Please find the figures attached. You may complain under section 50."},
]
EXPECTED = [
    {"id": "L1", "labels": ["s40(2)"], "ncnd": False},
    {"id": "L2", "labels": ["s24(2)", "s31(3)"], "ncnd": True},
    {"id": "L3", "labels": [], "ncnd": False},
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "letters.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in LETTERS), encoding="utf-8")
    return path


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "letters.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "response", "team"])
        writer.writeheader()
        writer.writerows(LETTERS)
    return path


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_jsonl_output(runner: CliRunner, jsonl: Path) -> None:
    result = runner.invoke(app, ["label", str(jsonl), "--text-field", "response", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert _jsonl(result.stdout) == EXPECTED


def test_csv_input_and_csv_output(runner: CliRunner, csv_file: Path) -> None:
    result = runner.invoke(app, ["label", str(csv_file), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows == [
        {"id": "L1", "labels": "s40(2)", "ncnd": "false"},
        {"id": "L2", "labels": "s24(2);s31(3)", "ncnd": "true"},
        {"id": "L3", "labels": "", "ncnd": "false"},
    ]


def test_table_output(runner: CliRunner, jsonl: Path) -> None:
    result = runner.invoke(app, ["label", str(jsonl)])
    assert result.exit_code == 0, result.output
    for expected in ("L1", "s40(2)", "s24(2), s31(3)", "NCND", "none"):
        assert expected in result.stdout


def test_parquet_and_excel_inputs(runner: CliRunner, tmp_path: Path) -> None:
    import pandas as pd

    frame = pd.DataFrame(LETTERS)
    frame.to_parquet(tmp_path / "letters.parquet")
    frame.to_excel(tmp_path / "letters.xlsx", index=False)
    for name in ("letters.parquet", "letters.xlsx"):
        result = runner.invoke(app, ["label", str(tmp_path / name), "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        assert _jsonl(result.stdout) == EXPECTED


def test_custom_id_field_and_missing_id_column(runner: CliRunner, jsonl: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["label", str(jsonl), "--id-field", "team", "--format", "jsonl"])
    assert [r["id"] for r in _jsonl(result.stdout)] == ["north", "south", "east"]
    no_ids = tmp_path / "noids.jsonl"
    rows = "".join(json.dumps({"response": r["response"]}) + "\n" for r in LETTERS)
    no_ids.write_text(rows, encoding="utf-8")
    result = runner.invoke(app, ["label", str(no_ids), "--format", "jsonl"])
    assert [r["id"] for r in _jsonl(result.stdout)] == ["1", "2", "3"]


def test_folder_of_text_and_html_letters(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "case-1.txt").write_text("We rely on section 43(2) (commercial interests).", encoding="utf-8")
    (folder / "case-2.html").write_text(
        "<html><body><p>We <b>neither confirm nor deny</b> holding it: Section&nbsp;40(5).</p>"
        "<script>var x = 'section 21';</script></body></html>",
        encoding="utf-8",
    )
    (folder / "notes.md").write_text("section 12", encoding="utf-8")  # not a letter: ignored
    result = runner.invoke(app, ["label", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert _jsonl(result.stdout) == [
        {"id": "case-1", "labels": ["s43(2)"], "ncnd": False},
        {"id": "case-2", "labels": ["s40(5)"], "ncnd": True},
    ]


def test_single_text_file(runner: CliRunner, tmp_path: Path) -> None:
    letter = tmp_path / "reply.txt"
    letter.write_text("Exempt under s.12(1): it would exceed the appropriate limit.", encoding="utf-8")
    result = runner.invoke(app, ["label", str(letter), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert _jsonl(result.stdout) == [{"id": "reply", "labels": ["s12"], "ncnd": False}]


def test_output_file_written_atomically_and_refused_when_present(
    runner: CliRunner, jsonl: Path, tmp_path: Path
) -> None:
    out = tmp_path / "labels.jsonl"
    result = runner.invoke(app, ["label", str(jsonl), "--format", "jsonl", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert _jsonl(out.read_text(encoding="utf-8")) == EXPECTED
    # No temporary file is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels.jsonl", "letters.jsonl"]

    out.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["label", str(jsonl), "--format", "jsonl", "--output", str(out)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "already exists" in result.stderr and "--overwrite" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"

    result = runner.invoke(app, ["label", str(jsonl), "--format", "csv", "--output", str(out), "--overwrite"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("id,labels,ncnd\n")


def test_output_format_follows_the_suffix(runner: CliRunner, jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "labels.csv"
    result = runner.invoke(app, ["label", str(jsonl), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[0] == "id,labels,ncnd"
    result = runner.invoke(app, ["label", str(jsonl), "--output", str(tmp_path / "labels.txt")])
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_missing_column_names_the_existing_ones(runner: CliRunner, jsonl: Path) -> None:
    result = runner.invoke(app, ["label", str(jsonl), "--text-field", "body"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "'body'" in result.stderr
    assert "id, team, response" in result.stderr
    assert "--text-field" in result.stderr


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["label", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "not found" in result.stderr


def test_empty_folder_and_bad_format(runner: CliRunner, tmp_path: Path, jsonl: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["label", str(empty)])
    assert result.exit_code == 1
    assert "no .txt or .html letters" in result.stderr
    result = runner.invoke(app, ["label", str(jsonl), "--format", "xml"])
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_help_lists_the_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["label", "--help"])
    assert result.exit_code == 0
    for option in ("--text-field", "--id-field", "--format", "--output", "--overwrite"):
        assert option in result.stdout
