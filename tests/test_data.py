"""Reading and validating labelled requests: every format, every label form, every validation error."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from foiclassify.cli import app
from foiclassify.data import (
    Dataset,
    EncodingWarning_,
    cell_text,
    dataset_hash,
    iter_table,
    load_dataset,
    merge_datasets,
    parse_label_cell,
    read_table,
)
from foiclassify.errors import InputError, UnknownLabelError, ValidationError
from foiclassify.taxonomy import load_taxonomy

RECORDS = [
    {"id": "c1", "request": 'Names of the officers, and their "roles";\nplease.', "exemptions": ["s40(2)", "s31(1)"],
     "authority_type": "police"},
    {"id": "c2", "request": "How many fire engines are there?", "exemptions": [], "authority_type": ""},
    {"id": "c3", "request": "Does MI5 monitor the group?", "exemptions": ["s23(5)", "s24(2)"],
     "authority_type": "council"},
]


def _csv_frame() -> pd.DataFrame:
    frame = pd.DataFrame(RECORDS)
    frame["exemptions"] = frame["exemptions"].map(json.dumps)  # a JSON list in a text cell
    return frame


def _write(folder: Path, suffix: str) -> Path:
    path = folder / f"data{suffix}"
    if suffix == ".csv":
        _csv_frame().to_csv(path, index=False)
    elif suffix == ".semicolon.csv":
        _csv_frame().to_csv(path, index=False, sep=";")
    elif suffix == ".tsv":
        _csv_frame().to_csv(path, index=False, sep="\t")
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps(RECORDS), encoding="utf-8")
    elif suffix == ".parquet":
        pd.DataFrame(RECORDS).to_parquet(path)
    elif suffix == ".xlsx":
        with pd.ExcelWriter(path) as writer:
            _csv_frame().to_excel(writer, sheet_name="cases", index=False)
            pd.DataFrame({"notes": ["exported by the case system"]}).to_excel(writer, sheet_name="notes", index=False)
    return path


EXPECTED_LABELS = [["s31(1)", "s40(2)"], [], ["s23(5)", "s24(2)"]]


def test_every_format_gives_the_same_dataset(tmp_path: Path) -> None:
    hashes = set()
    for suffix in (".csv", ".semicolon.csv", ".tsv", ".jsonl", ".json", ".parquet", ".xlsx"):
        ds = load_dataset(_write(tmp_path, suffix))
        assert isinstance(ds, Dataset)
        assert ds.ids == ["c1", "c2", "c3"], suffix
        assert ds.labels == EXPECTED_LABELS, suffix
        assert ds.authority_types == ["police", "", "council"], suffix
        assert ds.texts[0] == RECORDS[0]["request"], suffix  # quotes, ';' and the newline survive
        hashes.add(ds.sha256)
    assert len(hashes) == 1
    ds = load_dataset(tmp_path / "data.csv")
    assert ds.sha256 == dataset_hash(ds.ids, ds.texts, ds.authority_types, ds.labels)


def test_hash_changes_with_content(tmp_path: Path) -> None:
    ds = load_dataset(_write(tmp_path, ".jsonl"))
    changed = [dict(r) for r in RECORDS]
    changed[1]["exemptions"] = ["s12"]
    path = tmp_path / "changed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in changed), encoding="utf-8")
    assert load_dataset(path).sha256 != ds.sha256
    assert ds.subset([0, 2]).ids == ["c1", "c3"] and ds.subset([0, 2]).sha256 != ds.sha256


def test_label_matrix_and_counts_follow_taxonomy_order(tmp_path: Path) -> None:
    ds = load_dataset(_write(tmp_path, ".jsonl"))
    tax = load_taxonomy()
    y = ds.label_matrix()
    assert y.shape == (3, len(tax))
    assert [tax.codes[j] for j in y[0].nonzero()[0]] == ["s31(1)", "s40(2)"]
    counts = ds.label_counts()
    assert list(counts) == list(tax.codes) and counts["s40(2)"] == 1 and counts["s12"] == 0


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (["s40(2)", "s31"], ["s31(1)", "s40(2)"]),  # a list (JSONL / Parquet)
        ('["s40(2)", "s12"]', ["s12", "s40(2)"]),  # a JSON list in a string
        ("Section 40(2) - personal data; s.31(1)(a)", ["s31(1)", "s40(2)"]),  # citation text
        ("Sections 23(5) and 24(2)", ["s23(5)", "s24(2)"]),
        ("s43", ["s43(2)"]),  # section code -> the section's usual label
        ("", []),
        ("none", []),
        ("[]", []),
        (None, []),
        (float("nan"), []),
    ],
)
def test_parse_label_cell_forms(cell: object, expected: list[str]) -> None:
    assert parse_label_cell(cell, "here") == expected


@pytest.mark.parametrize(
    ("cell", "error", "fragment"),
    [
        ("s99", UnknownLabelError, "s99"),
        (["s99"], UnknownLabelError, "s99"),
        ("banana", ValidationError, "no exemption found in 'banana'"),
        ("[s12", ValidationError, "not a valid JSON list"),
        (42, ValidationError, "expected a list of labels, got int"),
    ],
)
def test_parse_label_cell_errors(cell: object, error: type, fragment: str) -> None:
    with pytest.raises(error) as info:
        parse_label_cell(cell, "f.csv: row 3, column 'exemptions'")
    assert str(info.value).startswith("f.csv: row 3, column 'exemptions': ") and fragment in str(info.value)


def test_mixed_label_formats_in_one_column(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        'id,request,exemptions\na,one,"[""s12""]"\nb,two,Section 40(2) - personal data\nc,three,s31(1); s40(2)\n'
        "d,four,\ne,five,S43(2)\n",
        encoding="utf-8",
    )
    assert load_dataset(path).labels == [["s12"], ["s40(2)"], ["s31(1)", "s40(2)"], [], ["s43(2)"]]


def test_labels_from_response_letters(tmp_path: Path) -> None:
    path = tmp_path / "letters.jsonl"
    rows = [
        {"id": "l1", "request": "Names of staff", "response": "We withhold the names under section 40(2) of the Act."},
        {"id": "l2", "request": "Budget figures", "response": "The information is attached."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert load_dataset(path).labels == [["s40(2)"], []]


def test_missing_values_are_empty_not_nan(tmp_path: Path) -> None:
    # JSONL rows without a key become NaN in pandas: no id means a generated id, no authority means unknown.
    path = tmp_path / "gaps.jsonl"
    rows = [{"id": 7, "request": "a", "exemptions": []}, {"request": "b", "authority_type": "police"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ds = load_dataset(path)
    assert ds.ids == ["7", "row-2"] and ds.authority_types == ["", "police"] and ds.labels == [[], []]
    assert cell_text(None) == cell_text(float("nan")) == cell_text(pd.NA) == "" and cell_text(3.0) == "3"


# -- validation errors ----------------------------------------------------------------------------------


def _csv(tmp_path: Path, body: str, name: str = "d.csv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


ERRORS = [
    # (file body, loader kwargs, exception, fragments the message must contain)
    ("id,text,exemptions\na,x,s12\n", {}, InputError,
     ["no column 'request'", "columns are: id, text, exemptions", "--text-field"]),
    ("id,request\na,x\n", {}, InputError, ["need a 'exemptions' column", "columns are: id, request"]),
    ("id,request,exemptions\na,x,s12\nb,  ,\n", {}, ValidationError, ["row 2, column 'request'", "empty request text"]),
    ("id,request,exemptions\na,x,s12\nb,y,\na,z,s21\n", {}, ValidationError,
     ["row 3, column 'id'", "duplicate id 'a'", "first at row 1"]),
    ("id,request,exemptions\na,x,s12\nb,y,s99\n", {}, UnknownLabelError, ["row 2, column 'exemptions'", "s99"]),
    ("id,request,exemptions\na,x,according to the Act\n", {}, ValidationError,
     ["row 1, column 'exemptions'", "no exemption found"]),
    ("id,request,exemptions,authority_type\na,x,s12,ministry\n", {}, ValidationError,
     ["row 1, column 'authority_type'", "unknown authority type 'ministry'", "police"]),
    ("id,request,exemptions\na,x,s12\nb,y,s12\nc,z,s21\n", {"min_examples": 2}, ValidationError,
     ["fewer than 2 examples", "s21 (1)", "--min-examples"]),
    ("id,request,exemptions\n", {}, InputError, ["no data rows"]),
    ("", {}, InputError, ["the file is empty"]),
]


@pytest.mark.parametrize(("body", "kwargs", "error", "fragments"), ERRORS)
def test_validation_errors(tmp_path: Path, body: str, kwargs: dict, error: type, fragments: list[str]) -> None:
    path = _csv(tmp_path, body)
    with pytest.raises(error) as info:
        load_dataset(path, **kwargs)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    for fragment in fragments:
        assert fragment in message
    # The same file through the CLI: one "Error:" line, exit code 1, no traceback.
    args = ["validate", str(path), *(f"--{k.replace('_', '-')}={v}" for k, v in kwargs.items())]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [f"Error: {message}"]
    assert "Traceback" not in result.output


def test_error_messages_name_ids_never_request_text(tmp_path: Path) -> None:
    secret = "My neighbour Jane Smith at 4 Elm Road"
    path = _csv(tmp_path, f"id,request,exemptions\ncase-9,{secret},s99\n")
    with pytest.raises(UnknownLabelError) as info:
        load_dataset(path)
    assert "Jane" not in str(info.value) and "row 1" in str(info.value)


def test_jsonl_bad_line_names_it_and_can_be_skipped(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    good = [json.dumps(r) for r in RECORDS]
    path.write_text("\n".join([good[0], good[1], '{"id": "broken", ', good[2], "[1, 2]"]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 3 is not a JSON object.*--skip-bad-lines"):
        load_dataset(path)
    ds = load_dataset(path, skip_bad_lines=True)
    assert ds.ids == ["c1", "c2", "c3"]
    assert [p.split(":")[0] for p in ds.problems] == ["line 3 skipped", "line 5 skipped"]
    result = CliRunner().invoke(app, ["validate", "--skip-bad-lines", str(path)])
    assert result.exit_code == 0 and "line 3 skipped" in result.stderr
    assert "3 requests" in " ".join(result.stdout.split())  # rich wraps at the terminal width


def test_encodings(tmp_path: Path) -> None:
    body = "id,request,exemptions\na,Café costs £5,s12\n"
    latin = tmp_path / "latin.csv"
    latin.write_bytes(body.encode("latin-1"))
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes(body.encode("utf-16"))
    for path, name in ((latin, "Latin-1"), (utf16, "UTF-16")):
        with pytest.warns(EncodingWarning_, match=name):
            ds = load_dataset(path)
        assert ds.texts == ["Café costs £5"]
        result = CliRunner().invoke(app, ["validate", str(path)])
        assert result.exit_code == 0, result.output
        assert result.stderr.startswith("Warning: ") and name in result.stderr
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary"):
        load_dataset(binary)


def test_unsupported_and_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_table(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="is a folder"):
        read_table(tmp_path)
    (tmp_path / "notes.docx").write_text("x")
    with pytest.raises(InputError, match=r"unsupported file type '\.docx'"):
        read_table(tmp_path / "notes.docx")


def test_excel_reads_the_first_sheet(tmp_path: Path) -> None:
    ds = load_dataset(_write(tmp_path, ".xlsx"))
    assert len(ds) == 3  # the "notes" sheet is ignored


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet", ".xlsx"])
def test_iter_table_chunks_cover_every_row_once(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path, suffix)
    chunks = list(iter_table(path, chunk_size=2))
    assert [len(c) for c in chunks] == [2, 1]
    assert [i for c in chunks for i in c["id"]] == ["c1", "c2", "c3"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(load_taxonomy().codes), max_size=6), st.sampled_from(["; ", ", ", " and "]))
def test_label_cell_round_trips_any_label_set(codes: list[str], sep: str) -> None:
    tax = load_taxonomy()
    expected = tax.sort(codes)
    assert parse_label_cell(codes, "x") == expected
    assert parse_label_cell(json.dumps(codes), "x") == expected
    if codes:
        assert parse_label_cell(sep.join(codes), "x") == expected


def test_groups_come_from_the_group_column_and_follow_subsets_and_merges(tmp_path: Path) -> None:
    plain = load_dataset(_write(tmp_path, ".jsonl"))
    assert plain.groups == []  # no source column: no groups, training folds are stratified
    path = tmp_path / "grouped.csv"
    frame = _csv_frame()
    frame["office"] = ["north", "south", "north"]
    frame.to_csv(path, index=False)
    grouped = load_dataset(path, group_field="office")
    assert grouped.groups == ["north", "south", "north"]
    assert grouped.subset([2, 1]).groups == ["north", "south"]
    assert grouped.sha256 == load_dataset(path).sha256  # where a row came from is not part of its content
    extra = Dataset(["x1"], ["A new request about parking fines."], [""], [[]], "h", str(tmp_path / "feedback.jsonl"))
    merged, replaced = merge_datasets(grouped, extra)
    assert replaced == 0 and merged.groups == ["north", "south", "north", "feedback.jsonl"]
    assert merge_datasets(plain, extra)[0].groups == []
