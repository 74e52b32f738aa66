"""`foiclassify suggest`: one request (TEXT, '-', --file) in every format, and batches in every format."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from cli_checks import ok, one_line_error
from typer.testing import CliRunner, Result

from foiclassify import audit
from foiclassify.cli import app
from foiclassify.preprocess import MAX_CHARS
from foiclassify.taxonomy import load_taxonomy

TAX = load_taxonomy()
CONTRACT_KEYS = {"id", "labels", "scores", "ncnd", "abstained", "model"}
NAMES = "Please send the names and home addresses of the staff on the planning committee."
COVERT = "Does the force use covert surveillance cameras, and which security bodies are involved?"

runner = CliRunner()


def _suggest(bundle: Path, *args: str, input: str | None = None) -> Result:
    return runner.invoke(app, ["suggest", "--model", str(bundle), *args], input=input)


def _records() -> list[audit.AuditRecord]:
    path = Path(os.environ[audit.ENV_VAR])
    return audit.read_records(path) if path.exists() else []


def _contract(line: str) -> dict:
    record = json.loads(line)
    assert set(record) == CONTRACT_KEYS
    assert isinstance(record["id"], str) and isinstance(record["model"], str)
    assert list(record["scores"]) == list(TAX.codes)  # every taxonomy label, taxonomy order
    assert all(0.0 <= v <= 1.0 for v in record["scores"].values())
    assert all(c in TAX.codes for c in record["labels"])
    assert isinstance(record["ncnd"], bool) and record["abstained"] == (not record["labels"])
    return record


# -- one request ---------------------------------------------------------------------------------------


def test_text_as_a_table(tiny_bundle: Path) -> None:
    result = ok(_suggest(tiny_bundle, COVERT))
    out = result.stdout
    assert "NEITHER CONFIRM NOR DENY" in out and "s23(5)" in out and "Suggested exemptions" in out
    assert "Similar past requests" in out  # the table shows 3 precedents by default
    assert result.stderr == ""
    quiet = ok(_suggest(tiny_bundle, "--similar", "0", NAMES)).stdout
    assert "s40(2)" in quiet and "Similar past requests" not in quiet


def test_stdin_and_file_give_the_same_answer(tiny_bundle: Path, tmp_path: Path) -> None:
    from_text = _contract(ok(_suggest(tiny_bundle, "--format", "jsonl", NAMES)).stdout)
    from_stdin = _contract(ok(_suggest(tiny_bundle, "--format", "jsonl", "-", input=NAMES)).stdout)
    path = tmp_path / "request.txt"
    path.write_text(NAMES, encoding="utf-8")
    from_file = _contract(ok(_suggest(tiny_bundle, "--format", "jsonl", "--file", str(path))).stdout)
    assert from_text == from_stdin == from_file
    assert from_text["labels"] == ["s40(2)"] and from_text["id"] == "request-1"


def test_jsonl_contract_is_one_line(tiny_bundle: Path) -> None:
    out = ok(_suggest(tiny_bundle, "--format", "jsonl", COVERT)).stdout
    assert out.count("\n") == 1
    record = _contract(out)
    assert record["ncnd"] is True and "s23(5)" in record["labels"]


def test_json_format_with_similar(tiny_bundle: Path) -> None:
    record = json.loads(ok(_suggest(tiny_bundle, "--format", "json", "--similar", "2", COVERT)).stdout)
    assert set(record) == CONTRACT_KEYS | {"precedents"}
    assert 1 <= len(record["precedents"]) <= 2
    assert set(record["precedents"][0]) == {"id", "text", "labels", "similarity"}
    assert record["precedents"][0]["labels"] == ["s23(5)", "s24(2)", "s31(3)"]
    no_similar = json.loads(ok(_suggest(tiny_bundle, "--format", "json", COVERT)).stdout)
    assert no_similar["precedents"] == []


def test_csv_format(tiny_bundle: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(ok(_suggest(tiny_bundle, "--format", "csv", NAMES)).stdout)))
    assert len(rows) == 1
    row = rows[0]
    assert list(row)[:5] == ["id", "labels", "ncnd", "abstained", "model"]
    assert [k.removeprefix("score_") for k in list(row)[5:]] == list(TAX.codes)
    assert row["labels"] == "s40(2)" and row["abstained"] == "False"


def test_authority_type_option_and_environment(tiny_bundle: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def scores(*args: str) -> dict:
        return _contract(ok(_suggest(tiny_bundle, "--format", "jsonl", *args, NAMES)).stdout)["scores"]

    police = scores("--authority-type", "police")
    council = scores("--authority-type", "council")
    assert police != council  # the model does use the authority type
    monkeypatch.setenv("FOICLASSIFY_AUTHORITY_TYPE", "police")
    assert scores() == police
    assert scores("--authority-type", "council") == council  # the option wins over the environment
    monkeypatch.setenv("FOICLASSIFY_AUTHORITY_TYPE", "ministry")
    assert "'ministry'" in one_line_error(_suggest(tiny_bundle, NAMES))


@pytest.mark.parametrize(("args", "stdin"), [([""], None), (["  \n\t "], None), (["-"], ""), (["-"], " \n")])
def test_empty_input_is_refused(tiny_bundle: Path, args: list[str], stdin: str | None) -> None:
    assert "empty" in one_line_error(_suggest(tiny_bundle, *args, input=stdin))
    assert _records() == []


def test_one_megabyte_request_is_truncated_with_a_warning(tiny_bundle: Path, tmp_path: Path) -> None:
    path = tmp_path / "dossier.txt"
    path.write_text(("Names of the staff on the committee. " * 30_000)[:1_000_000], encoding="utf-8")
    result = ok(_suggest(tiny_bundle, "--format", "jsonl", "--file", str(path)))
    _contract(result.stdout)
    assert result.stderr.splitlines() == [
        f"Warning: the request is 1,000,000 characters; only the first {MAX_CHARS:,} were read"
    ]
    via_stdin = ok(_suggest(tiny_bundle, "--format", "jsonl", "-", input=path.read_text(encoding="utf-8")))
    assert "only the first" in via_stdin.stderr


# -- audit ----------------------------------------------------------------------------------------------


def test_each_suggestion_is_audited_without_its_text(tiny_bundle: Path) -> None:
    record = _contract(ok(_suggest(tiny_bundle, "--format", "jsonl", "--user", "clerk", NAMES)).stdout)
    (rec,) = _records()
    assert rec.event == "suggest" and rec.user == "clerk"
    assert rec.payload["labels"] == record["labels"] and rec.payload["model_id"] == record["model"]
    assert rec.payload["text_sha256"] == audit.text_sha256(NAMES) and "text" not in rec.payload
    ok(_suggest(tiny_bundle, "--format", "jsonl", "--audit-text", COVERT))
    assert _records()[-1].payload["text"] == COVERT
    assert audit.verify(Path(os.environ[audit.ENV_VAR])).ok


def test_no_audit_writes_nothing(tiny_bundle: Path, tmp_path: Path) -> None:
    ok(_suggest(tiny_bundle, "--no-audit", "--format", "jsonl", NAMES))
    batch = tmp_path / "in.csv"
    pd.DataFrame({"id": ["a", "b"], "request": [NAMES, COVERT]}).to_csv(batch, index=False)
    ok(_suggest(tiny_bundle, "--no-audit", "--input", str(batch), "--output", str(tmp_path / "out.csv")))
    assert not Path(os.environ[audit.ENV_VAR]).exists()


def test_audit_log_option(tiny_bundle: Path, tmp_path: Path) -> None:
    log = tmp_path / "elsewhere" / "log.jsonl"
    ok(_suggest(tiny_bundle, "--audit-log", str(log), "--format", "jsonl", NAMES))
    assert len(audit.read_records(log)) == 1 and _records() == []


# -- batches --------------------------------------------------------------------------------------------

BATCH = pd.DataFrame(
    {
        "id": ["e1", "e2", "e3", "e4", "e5"],
        "request": [NAMES, "", COVERT, "How many fire engines does the service have?",
                    'Line one,\n"quoted"; line two'],
        "team": ["north", "south", "east", "west", "north"],
        "received": ["2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05", "2025-01-06"],
    }
)


def _write_input(folder: Path, suffix: str) -> Path:
    path = folder / f"requests{suffix}"
    if suffix == ".csv":
        BATCH.to_csv(path, index=False)
    elif suffix == ".jsonl":
        BATCH.to_json(path, orient="records", lines=True)
    elif suffix == ".parquet":
        BATCH.to_parquet(path, index=False)
    else:
        BATCH.to_excel(path, index=False)
    return path


def _read_output(path: Path) -> list[dict]:
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("records")
    if path.suffix == ".parquet":
        return pd.read_parquet(path).to_dict("records")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("in_suffix", [".csv", ".jsonl", ".parquet", ".xlsx"])
@pytest.mark.parametrize("out_suffix", [".csv", ".jsonl", ".parquet"])
def test_batch_every_format_keeps_every_input_column(
    tiny_bundle: Path, tmp_path: Path, in_suffix: str, out_suffix: str
) -> None:
    source = _write_input(tmp_path, in_suffix)
    output = tmp_path / f"results{out_suffix}"
    result = ok(_suggest(tiny_bundle, "--input", str(source), "--output", str(output), "--chunk-size", "2"))
    assert "5 rows: " in result.stdout and "1 skipped" in result.stdout
    assert result.stderr.splitlines() == ["Warning: row e2 skipped: empty or unreadable text"]
    rows = _read_output(output)
    assert len(rows) == 5
    expected = BATCH.to_dict("records")
    if out_suffix == ".jsonl":
        assert [r["id"] for r in rows] == list(BATCH["id"])
        for row, original in zip(rows, expected, strict=True):
            assert {k: str(v) for k, v in row["input"].items()} == original  # every input column, as read
            assert set(row) >= CONTRACT_KEYS and list(row["scores"]) in ([], list(TAX.codes))
        assert rows[1]["status"].startswith("skipped") and rows[1]["labels"] == []
        assert rows[0]["labels"] == ["s40(2)"]
    else:
        for row, original in zip(rows, expected, strict=True):
            assert {k: str(row[k]) for k in original} == original
        assert [r["fc_status"] for r in rows][:3] == ["suggested", "skipped: empty or unreadable text", "suggested"]
        assert rows[0]["fc_labels"] == "s40(2)"
        assert all(f"fc_score_{code}" in rows[0] for code in TAX.codes)
    assert sorted(p.name for p in tmp_path.iterdir() if p != source) == sorted([output.name, "audit.jsonl"])
    recs = _records()
    assert len(recs) == 4  # one per scored row; the empty row is not a suggestion
    assert {r.payload["text_sha256"] for r in recs} == {audit.text_sha256(t) for t in BATCH["request"] if t}


def test_batch_wrong_text_field_names_the_columns(tiny_bundle: Path, tmp_path: Path) -> None:
    source = _write_input(tmp_path, ".csv")
    output = tmp_path / "out.jsonl"
    message = one_line_error(
        _suggest(tiny_bundle, "--input", str(source), "--output", str(output), "--text-field", "body")
    )
    assert "no column 'body'" in message and "columns are: id, request, team, received" in message
    assert "--text-field" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["requests.csv"]  # no output, no .partial left
    # So the corrected command runs straight away, without --resume.
    ok(_suggest(tiny_bundle, "--input", str(source), "--output", str(output)))


def test_batch_id_field_and_authority_field(tiny_bundle: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [{"ref": 7, "text": NAMES, "kind": "police"}, {"text": COVERT, "kind": None}, {"ref": 9, "kind": "nhs"}]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = ok(_suggest(tiny_bundle, "--input", str(source), "--output", str(output), "--text-field", "text",
                          "--id-field", "ref", "--authority-type-field", "kind"))
    out = _read_output(output)
    assert [r["id"] for r in out] == ["7", "row-2", "9"]  # a missing id gets its row number, not "nan"
    assert [r["status"] for r in out] == ["suggested", "suggested", "skipped: empty or unreadable text"]
    assert "row 9 skipped" in result.stderr


def test_batch_existing_output_needs_overwrite(tiny_bundle: Path, tmp_path: Path) -> None:
    source = _write_input(tmp_path, ".csv")
    output = tmp_path / "out.csv"
    output.write_text("keep me")
    assert "--overwrite" in one_line_error(_suggest(tiny_bundle, "--input", str(source), "--output", str(output)))
    assert output.read_text() == "keep me"
    ok(_suggest(tiny_bundle, "--input", str(source), "--output", str(output), "--overwrite"))
    assert len(_read_output(output)) == 5


def test_batch_jsonl_bad_lines_stop_or_are_skipped(tiny_bundle: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    good = [json.dumps({"id": f"r{i}", "request": NAMES}) for i in range(4)]
    source.write_text("\n".join([good[0], good[1], "{broken", good[2], good[3]]) + "\n", encoding="utf-8")
    output = tmp_path / "out.csv"
    message = one_line_error(
        _suggest(tiny_bundle, "--input", str(source), "--output", str(output), "--chunk-size", "10")
    )
    assert "line 3" in message and "--skip-bad-lines" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    result = ok(_suggest(tiny_bundle, "--input", str(source), "--output", str(output), "--skip-bad-lines"))
    assert "skipped 1 unparseable line(s): 3" in result.stderr
    assert [r["id"] for r in _read_output(output)] == ["r0", "r1", "r2", "r3"]


def test_batch_resume_after_a_partial_run(tiny_bundle: Path, tmp_path: Path) -> None:
    from foiclassify.predict import load_model, run_batch

    source = tmp_path / "in.csv"
    pd.DataFrame({"id": [f"q{i}" for i in range(7)], "request": [NAMES, COVERT] * 3 + [NAMES]}).to_csv(source,
                                                                                                       index=False)
    output = tmp_path / "out.jsonl"
    model = load_model(tiny_bundle)

    class Stop(Exception):
        pass

    def stop_at_the_third(done: int, results: list, texts: list) -> None:
        if done >= 6:
            raise Stop

    with pytest.raises(Stop):
        run_batch(model, source, output, chunk_size=2, on_chunk=stop_at_the_third)
    partial = tmp_path / "out.jsonl.partial"
    assert not output.exists() and partial.is_dir()
    # The callback (the audit record) comes before the part: the third chunk, whose callback failed,
    # has no part, so no output row can exist without its audit record.
    assert sorted(p.name for p in partial.iterdir()) == [
        "manifest.json", "part-000000.json", "part-000000.jsonl", "part-000001.json", "part-000001.jsonl"
    ]
    # As if killed between writing a part and its stats: that chunk is redone, and still listed once.
    (partial / "part-000001.json").unlink()
    assert "--resume" in one_line_error(_suggest(tiny_bundle, "--input", str(source), "--output", str(output),
                                         "--chunk-size", "2"))
    # Other settings than the interrupted run's are refused rather than mixed.
    assert "other settings" in one_line_error(_suggest(tiny_bundle, "--input", str(source), "--output", str(output),
                                               "--chunk-size", "3", "--resume"))
    result = ok(_suggest(tiny_bundle, "--input", str(source), "--output", str(output), "--chunk-size", "2",
                          "--resume"))
    assert "resumed after 2 chunks" in result.stdout and "7 rows" in result.stdout
    ids = [r["id"] for r in _read_output(output)]
    assert ids == [f"q{i}" for i in range(7)]
    assert not partial.exists()
    assert len(_records()) == 5  # the rows scored by the resumed run (chunk 1 again, then 2 and 3)


def test_batch_needs_output_and_excludes_single_request(tiny_bundle: Path, tmp_path: Path) -> None:
    source = _write_input(tmp_path, ".csv")
    assert "--output" in one_line_error(_suggest(tiny_bundle, "--input", str(source)), 2)
    assert "not both" in one_line_error(_suggest(tiny_bundle, "--input", str(source), "--output", "x.csv", NAMES), 2)
