"""Bad input across every command, in one table.

Each case runs the real CLI (CliRunner) in a fresh working folder holding only the files the case
needs. For an error it asserts the exit code, that stderr is exactly one line starting "Error:" with
the expected substring, that no traceback appears anywhere, and that the folder is byte-for-byte as
it was (nothing half-written left behind). For input that must work it asserts exit 0, the expected
substring in the output, and that stderr holds nothing but "Warning:" lines.
"""

from __future__ import annotations

import json
import pickle
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from foiclassify.artifacts import write_checksums
from foiclassify.cli import app

Setup = Callable[[Path, Path], None]


@dataclass(frozen=True)
class Case:
    id: str
    args: tuple[str, ...]
    exit_code: int
    expect: str
    files: dict[str, bytes | str] = field(default_factory=dict)
    stdin: str | None = None
    setup: Setup | None = None
    xfail: str = ""


GOOD = "id,request,exemptions\na1,Names of the staff please,s40(2)\na2,How many fire engines are there?,\n"
JL = json.dumps
GOOD_JSONL = "".join(JL({"id": f"j{i}", "request": f"Request number {i} about staff names"}) + "\n" for i in range(4))
BROKEN_JSONL = (
    JL({"id": "j1", "request": "names of staff", "exemptions": []}) + "\n"
    + JL({"id": "j2", "request": "fire engines", "exemptions": []}) + "\n"
    + '{"id": "j3", "request": "cut off here\n'
    + JL({"id": "j4", "request": "budget", "exemptions": ["s43(2)"]}) + "\n"
)
BINARY = bytes(range(256)) * 64
FIVE_MB = "Please send every email about parking. " * 130_000  # ~5 MB
LATIN1_CSV = "id,request,exemptions\na1,Caf\xe9 licences in the borough,s40(2)\n".encode("latin-1")
UTF16_CSV = "id,request,exemptions\na1,Café licences in the borough,s40(2)\n".encode("utf-16")
LETTER = "We hold the information but withhold it under section 40(2) of the Act."


def _excel(workdir: Path, _: Path) -> None:
    with pd.ExcelWriter(workdir / "data.xlsx") as writer:
        pd.DataFrame({"id": ["x1", "x2"], "request": ["Names of staff", "Fire engines"], "exemptions": ["s40(2)", ""]}
                     ).to_excel(writer, sheet_name="cases", index=False)
        pd.DataFrame({"notes": ["exported 2025-01-01"]}).to_excel(writer, sheet_name="notes", index=False)


def _bundle(workdir: Path, tiny: Path) -> Path:
    dest = workdir / "model"
    shutil.copytree(tiny, dest)
    return dest


def _one_byte_changed(workdir: Path, tiny: Path) -> None:
    path = _bundle(workdir, tiny) / "model.skops"
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))


def _newer_major(workdir: Path, tiny: Path) -> None:
    bundle = _bundle(workdir, tiny)
    meta = json.loads((bundle / "metadata.json").read_text())
    meta["format_version"] = "3.0"
    (bundle / "metadata.json").write_text(json.dumps(meta))
    write_checksums(bundle)


def _untrusted(workdir: Path, tiny: Path) -> None:
    import skops.io as sio
    from sklearn.preprocessing import StandardScaler

    bundle = _bundle(workdir, tiny)
    sio.dump({"vectorizer": StandardScaler()}, bundle / "model.skops")
    write_checksums(bundle)


def _other_tools_pickle(workdir: Path, _: Path) -> None:
    folder = workdir / "model"
    folder.mkdir()
    (folder / "model.pkl").write_bytes(pickle.dumps({"classifier": "someone else's"}))
    (folder / "model.joblib").write_bytes(pickle.dumps([1, 2, 3]))


def _copy_model(workdir: Path, tiny: Path) -> None:
    _bundle(workdir, tiny)


def _excel_and_model(workdir: Path, tiny: Path) -> None:
    _excel(workdir, tiny)
    _copy_model(workdir, tiny)


M = ("--model", "model")  # a copy of the tiny bundle, made by setup=_copy_model
T = "Names of the staff on the planning committee"

CASES = [
    # ---- validate ---------------------------------------------------------------------------------------
    Case("validate-missing-file", ("validate", "nope.csv"), 1, "nope.csv: file not found"),
    Case("validate-folder", ("validate", "."), 1, "is a folder"),
    Case("validate-empty-file", ("validate", "data.csv"), 1, "the file is empty", {"data.csv": ""}),
    Case("validate-binary", ("validate", "data.csv"), 1, "looks like a binary file", {"data.csv": BINARY}),
    Case("validate-latin1", ("validate", "data.csv"), 0, "decoded as Latin-1", {"data.csv": LATIN1_CSV}),
    Case("validate-utf16-bom", ("validate", "data.csv"), 0, "decoded as UTF-16", {"data.csv": UTF16_CSV}),
    Case("validate-wrong-delimiter", ("validate", "data.csv"), 1, "columns are: id:request:exemptions",
         {"data.csv": "id:request:exemptions\na1:Names of staff:s40(2)\n"}),
    Case("validate-missing-header", ("validate", "data.csv"), 1, "no column 'request'",
         {"data.csv": "a1,Names of staff,s40(2)\na2,Fire engines,\n"}),
    Case("validate-missing-text-column", ("validate", "data.csv", "--text-field", "body"), 1,
         "no column 'body' (columns are: id, request, exemptions)", {"data.csv": GOOD}),
    Case("validate-newlines-and-quotes", ("validate", "data.csv"), 0, "2 requests",
         {"data.csv": 'id,request,exemptions\na1,"Names of staff,\nand their ""roles""; please",s40(2)\n'
                      'a2,"Fire\r\nengines",\n'}),
    Case("validate-zero-rows", ("validate", "data.csv"), 1, "no data rows", {"data.csv": "id,request,exemptions\n"}),
    Case("validate-jsonl-broken-line", ("validate", "data.jsonl"), 1, "line 3 is not a JSON object",
         {"data.jsonl": BROKEN_JSONL}),
    Case("validate-jsonl-skip-bad-lines", ("validate", "--skip-bad-lines", "data.jsonl"), 0, "line 3 skipped",
         {"data.jsonl": BROKEN_JSONL}),
    Case("validate-excel-several-sheets", ("validate", "data.xlsx"), 0, "2 requests", setup=_excel),
    Case("validate-label-s99", ("validate", "data.csv"), 1, "row 1, column 'exemptions': unknown exemption",
         {"data.csv": "id,request,exemptions\na1,Names,s99\n"}),
    Case("validate-label-section-1", ("validate", "data.csv"), 1, "no exemption found in 'section 1(1)(a)'",
         {"data.csv": "id,request,exemptions\na1,Names,section 1(1)(a)\n"}),
    Case("validate-mixed-label-formats", ("validate", "data.csv"), 0, "4 requests",
         {"data.csv": 'id,request,exemptions\na,x,"[""s12""]"\nb,y,Section 40(2) - personal data\n'
                      "c,z,s31(1); S43(2)\nd,w,\n"}),
    Case("validate-duplicate-ids", ("validate", "data.csv"), 1, "duplicate id 'a1' (first at row 1)",
         {"data.csv": GOOD + "a1,Another request,\n"}),
    Case("validate-whitespace-text", ("validate", "data.csv"), 1, "row 2, column 'request': empty request text",
         {"data.csv": GOOD.replace("How many fire engines are there?", "   ")}),
    Case("validate-unsupported-type", ("validate", "data.docx"), 1, "unsupported file type '.docx'",
         {"data.docx": "x"}),
    Case("validate-json-not-a-list", ("validate", "data.json"), 1, "expected a JSON list of objects",
         {"data.json": '{"request": "x"}'}),
    Case("validate-min-examples", ("validate", "data.csv", "--min-examples", "2"), 1,
         "labels with fewer than 2 examples: s40(2) (1)", {"data.csv": GOOD}),
    # ---- suggest: one request ---------------------------------------------------------------------------
    Case("suggest-empty-text", ("suggest", *M, ""), 1, "the request text is empty", setup=_copy_model),
    Case("suggest-whitespace-text", ("suggest", *M, " \t\n "), 1, "the request text is empty", setup=_copy_model),
    Case("suggest-empty-stdin", ("suggest", *M, "-"), 1, "the request text is empty", stdin="", setup=_copy_model),
    Case("suggest-5mb-file", ("suggest", *M, "--format", "jsonl", "--file", "big.txt"), 0,
         "only the first 20,000 were read", {"big.txt": FIVE_MB}, setup=_copy_model),
    Case("suggest-5mb-stdin", ("suggest", *M, "--format", "jsonl", "-"), 0, "only the first 20,000 were read",
         stdin=FIVE_MB, setup=_copy_model),
    Case("suggest-binary-file", ("suggest", *M, "--file", "blob.txt"), 1, "looks like a binary file",
         {"blob.txt": BINARY}, setup=_copy_model),
    Case("suggest-latin1-file", ("suggest", *M, "--format", "jsonl", "--file", "r.txt"), 0, "decoded as Latin-1",
         {"r.txt": "Caf\xe9 staff names and addresses".encode("latin-1")}, setup=_copy_model),
    Case("suggest-utf16-file", ("suggest", *M, "--format", "jsonl", "--file", "r.txt"), 0, "decoded as UTF-16",
         {"r.txt": "Café staff names and addresses".encode("utf-16")}, setup=_copy_model),
    Case("suggest-missing-file", ("suggest", *M, "--file", "nope.txt"), 1, "nope.txt: file not found",
         setup=_copy_model),
    Case("suggest-file-is-folder", ("suggest", *M, "--file", "model"), 1, "is a folder", setup=_copy_model),
    Case("suggest-model-is-a-file", ("suggest", "--model", "model.pkl", T), 1, "is a file, but a model bundle",
         {"model.pkl": pickle.dumps({"x": 1})}),
    Case("suggest-model-missing", ("suggest", "--model", "nowhere", T), 1, "nowhere: no model bundle here"),
    Case("suggest-model-other-tools-pickle", ("suggest", *M, T), 1, "not a foiclassify bundle",
         setup=_other_tools_pickle),
    Case("suggest-model-one-byte-changed", ("suggest", *M, T), 1, "model.skops: checksum mismatch",
         setup=_one_byte_changed),
    Case("suggest-model-newer-major", ("suggest", *M, T), 1, "bundle format 3.0 is not supported",
         setup=_newer_major),
    Case("suggest-model-untrusted-type", ("suggest", *M, T), 1,
         "untrusted type(s) sklearn.preprocessing._data.StandardScaler", setup=_untrusted),
    Case("suggest-bad-format", ("suggest", *M, "--format", "xml", T), 2, "--format 'xml' is not one of",
         setup=_copy_model),
    Case("suggest-text-and-file", ("suggest", *M, "--file", "r.txt", T), 2, "exactly one", {"r.txt": T},
         setup=_copy_model),
    Case("suggest-nothing", ("suggest", *M), 2, "exactly one", setup=_copy_model),
    Case("suggest-audit-contradiction", ("suggest", *M, "--no-audit", "--audit-text", T), 2, "contradict",
         setup=_copy_model),
    Case("suggest-bad-authority-type", ("suggest", *M, "--authority-type", "ministry", T), 1,
         "unknown authority type 'ministry'", setup=_copy_model),
    Case("suggest-negative-similar", ("suggest", *M, "--similar", "-1", T), 2, "--similar must be 0 or more",
         setup=_copy_model),
    # ---- suggest: batches -------------------------------------------------------------------------------
    Case("batch-no-output", ("suggest", *M, "--input", "in.csv"), 2, "--input needs --output",
         {"in.csv": GOOD}, setup=_copy_model),
    Case("batch-wrong-text-field", ("suggest", *M, "--input", "in.csv", "--output", "out.csv", "--text-field",
                                    "text"), 1, "no column 'text' (columns are: id, request, exemptions)",
         {"in.csv": GOOD}, setup=_copy_model),
    Case("batch-existing-output", ("suggest", *M, "--input", "in.csv", "--output", "out.csv"), 1,
         "out.csv: already exists", {"in.csv": GOOD, "out.csv": "old results"}, setup=_copy_model),
    Case("batch-unwritable-output", ("suggest", *M, "--input", "in.csv", "--output", "in.csv/out.csv"), 1,
         "output folder", {"in.csv": GOOD}, setup=_copy_model),
    Case("batch-unsupported-output", ("suggest", *M, "--input", "in.csv", "--output", "out.txt"), 1,
         "unsupported output type", {"in.csv": GOOD}, setup=_copy_model),
    Case("batch-jsonl-broken-line", ("suggest", *M, "--input", "in.jsonl", "--output", "out.jsonl"), 1,
         "line 3 is not a JSON object", {"in.jsonl": BROKEN_JSONL}, setup=_copy_model),
    Case("batch-jsonl-skip-bad-lines", ("suggest", *M, "--input", "in.jsonl", "--output", "out.jsonl",
                                        "--skip-bad-lines"), 0, "skipped 1 unparseable line(s): 3",
         {"in.jsonl": BROKEN_JSONL}, setup=_copy_model),
    Case("batch-binary-input", ("suggest", *M, "--input", "in.csv", "--output", "out.csv"), 1,
         "looks like a binary file", {"in.csv": BINARY}, setup=_copy_model),
    Case("batch-zero-rows", ("suggest", *M, "--input", "in.csv", "--output", "out.csv"), 1, "no data rows",
         {"in.csv": "id,request\n"}, setup=_copy_model),
    Case("batch-newlines-and-quotes", ("suggest", *M, "--input", "in.csv", "--output", "out.csv"), 0,
         "2 rows: ", {"in.csv": 'id,request\nq1,"Names of staff,\nand ""roles"""\nq2,"Fire; engines"\n'},
         setup=_copy_model),
    Case("batch-excel-several-sheets", ("suggest", *M, "--input", "data.xlsx", "--output", "out.jsonl"), 0,
         "2 rows: ", setup=_excel_and_model),
    Case("batch-missing-input", ("suggest", *M, "--input", "nope.jsonl", "--output", "out.jsonl"), 1,
         "nope.jsonl: file not found", setup=_copy_model),
    Case("batch-wrong-id-field", ("suggest", *M, "--input", "in.jsonl", "--output", "out.jsonl", "--id-field",
                                  "ref"), 1, "no column 'ref'", {"in.jsonl": GOOD_JSONL}, setup=_copy_model),
    # ---- train ------------------------------------------------------------------------------------------
    Case("train-existing-out", ("train", "data.csv", "--out", "model"), 1, "model: already exists",
         {"data.csv": GOOD}, setup=_copy_model),
    Case("train-unwritable-out", ("train", "data.csv", "--out", "data.csv/bundle"), 1, "is a file, not a folder",
         {"data.csv": GOOD}),
    Case("train-overwrite-non-bundle", ("train", "data.csv", "--out", "docs", "--overwrite"), 1,
         "not a model bundle", {"data.csv": GOOD, "docs/thesis.txt": "precious"}),
    Case("train-duplicate-ids", ("train", "data.csv", "--out", "new"), 1, "duplicate id 'a1'",
         {"data.csv": GOOD + "a1,Again,\n"}),
    Case("train-label-s99", ("train", "data.csv", "--out", "new"), 1, "unknown exemption",
         {"data.csv": "id,request,exemptions\na1,Names,s99\n"}),
    Case("train-config-not-json", ("train", "data.csv", "--out", "new", "--config", "c.json"), 1, "not valid JSON",
         {"data.csv": GOOD, "c.json": "{folds: 2"}),
    Case("train-config-unknown-key", ("train", "data.csv", "--out", "new", "--config", "c.json"), 1, "fold",
         {"data.csv": GOOD, "c.json": '{"fold": 2}'}),
    Case("train-config-missing", ("train", "data.csv", "--out", "new", "--config", "c.json"), 1,
         "config file not found", {"data.csv": GOOD}),
    Case("train-too-few-rows", ("train", "data.csv", "--out", "new"), 1, "too few to train", {"data.csv": GOOD}),
    # ---- label ------------------------------------------------------------------------------------------
    Case("label-missing-file", ("label", "nope.csv"), 1, "nope.csv"),
    Case("label-bad-format", ("label", "letter.txt", "--format", "xml"), 2, "--format 'xml'", {"letter.txt": LETTER}),
    Case("label-existing-output", ("label", "letter.txt", "--format", "jsonl", "--output", "out.jsonl"), 1,
         "already exists", {"letter.txt": LETTER, "out.jsonl": "old"}),
    Case("label-binary-letter", ("label", "letter.txt"), 1, "binary", {"letter.txt": BINARY}),
    # ---- explain, model-info, evaluate, promote ---------------------------------------------------------
    Case("explain-empty-text", ("explain", *M, ""), 1, "the request text is empty", setup=_copy_model),
    Case("explain-unknown-label", ("explain", *M, "--label", "s99", T), 1, "'s99'", setup=_copy_model),
    Case("explain-tampered-model", ("explain", *M, T), 1, "checksum mismatch", setup=_one_byte_changed),
    Case("model-info-missing-model", ("model-info", "--model", "nowhere"), 1, "no model bundle here"),
    Case("evaluate-missing-data", ("evaluate", "nope.jsonl", *M), 1, "nope.jsonl", setup=_copy_model),
    Case("evaluate-newer-major-model", ("evaluate", "data.csv", *M), 1, "bundle format 3.0",
         {"data.csv": GOOD}, setup=_newer_major),
    Case("promote-force-without-reason", ("promote", "model", "--force"), 2, "--force needs --reason",
         setup=_copy_model),
    # ---- audit ------------------------------------------------------------------------------------------
    Case("audit-show-bad-format", ("audit", "show", "--format", "xml"), 2, "--format 'xml' is not supported"),
    Case("audit-verify-missing-log", ("audit", "verify", "nope.jsonl"), 1, "does not exist"),
    Case("audit-decide-nothing", ("audit", "decide", "abc123"), 2, "nothing to decide"),
]


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))
    }


def _params() -> list:
    out = []
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
        out.append(pytest.param(case, id=case.id, marks=marks))
    return out


def test_cases_cover_the_brief() -> None:
    assert len(CASES) >= 30 and len({c.id for c in CASES}) == len(CASES)
    commands = {c.args[0] for c in CASES}
    assert {"validate", "train", "suggest", "label", "audit", "explain", "evaluate"} <= commands


@pytest.mark.parametrize("case", _params())
def test_bad_input(case: Case, tiny_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workdir = tmp_path / "work"
    workdir.mkdir()
    for name, content in case.files.items():
        path = workdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if case.setup:
        case.setup(workdir, tiny_bundle)
    monkeypatch.chdir(workdir)
    monkeypatch.delenv("FOICLASSIFY_MODEL", raising=False)
    monkeypatch.delenv("FOICLASSIFY_AUTHORITY_TYPE", raising=False)
    before = _snapshot(workdir)

    result = CliRunner().invoke(app, list(case.args), input=case.stdin)

    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == case.exit_code, (result.stdout[-500:], result.stderr)
    if case.exit_code:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("Error: ") and case.expect in lines[0], lines[0]
        assert result.stdout == ""
        assert _snapshot(workdir) == before  # nothing written, nothing half-written, nothing changed
    else:
        assert all(line.startswith("Warning: ") for line in result.stderr.splitlines()), result.stderr
        assert case.expect in result.stderr or case.expect in " ".join(result.stdout.split())
        leftovers = [p.name for p in workdir.rglob("*") if ".partial" in p.name or ".tmp" in p.name]
        assert leftovers == []
