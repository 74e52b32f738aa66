"""`evaluate`, `compare`, `promote`, `rollback` and retraining `train` from letters and feedback.

Commands run through CliRunner: exit codes, output, and one-line errors without tracebacks. The
library parts behind retraining (reading letters, quoted requests, reviewer feedback) are tested here
too, next to the commands that use them.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from cli_checks import ok, one_line_error
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from foiclassify import audit
from foiclassify.artifacts import verify_bundle, write_checksums
from foiclassify.cli import app
from foiclassify.data import (
    dataset_from_feedback,
    dataset_from_letters,
    letter_labels,
    load_dataset,
    quoted_request,
    read_letter_example,
)
from foiclassify.errors import AuditError

runner = CliRunner()

TINY_CONFIG = {
    "folds": 2,
    "learning_curve": [],
    "min_support": 3,
    "model": {"features": {"word_max_features": 500, "char_max_features": 500, "min_df": 1}, "min_positives": 2},
}
NCND_TRIO = {"s23(5)", "s24(2)", "s31(3)"}


def _run(*args: str) -> Result:
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def config_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("config") / "tiny.json"
    path.write_text(json.dumps(TINY_CONFIG))
    return path


@pytest.fixture
def worse(tmp_path: Path, tiny_bundle: Path) -> Path:
    path = shutil.copytree(tiny_bundle, tmp_path / "worse")
    doc = json.loads((path / "thresholds.json").read_text())
    doc["global_threshold"] = 0.99
    for entry in doc["labels"].values():
        entry["threshold"] = 0.99
    (path / "thresholds.json").write_text(json.dumps(doc))
    write_checksums(path)
    return path


# -- evaluate -------------------------------------------------------------------------------------------


def test_evaluate_prints_model_vs_baselines_and_writes_report(tiny_bundle: Path, tiny_jsonl: Path,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = ok(_run("evaluate", str(tiny_jsonl), "--model", str(tiny_bundle), "--report", str(out)))
    for text in ("keyword rules", "label frequency", "ncnd_recall", "section_micro_f1", "abstention_rate", "NCND:"):
        assert text in result.stdout
    assert "training data" in result.stderr  # evaluated on its own training rows: warned
    assert {"metrics.json", "report.md", "report.html", "pr_curves.png"} <= {p.name for p in out.iterdir()}
    again = _run("evaluate", str(tiny_jsonl), "--model", str(tiny_bundle), "--report", str(out))
    assert "--overwrite" in one_line_error(again, 1)


def test_evaluate_uses_the_default_model(tiny_bundle: Path, tiny_jsonl: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOICLASSIFY_MODEL", str(tiny_bundle))
    result = ok(_run("evaluate", str(tiny_jsonl)))
    assert "foiclassify-" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["missing.jsonl"], "file not found"),
        (["{data}", "--model", "{tmp}/nope"], "no model bundle"),
        (["{bad}"], "unknown exemption label"),
    ],
)
def test_evaluate_bad_input_is_one_line(args: list[str], expected: str, tiny_bundle: Path, tiny_jsonl: Path,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOICLASSIFY_MODEL", str(tiny_bundle))
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "1", "request": "Some request text here", "exemptions": ["s99"]}) + "\n")
    filled = [a.format(data=tiny_jsonl, tmp=tmp_path, bad=bad) for a in args]
    assert expected in one_line_error(_run("evaluate", *filled), 1)


# -- compare, promote, rollback -------------------------------------------------------------------------


def test_compare_shows_deltas_and_blocking_labels(worse: Path, tiny_bundle: Path, tiny_jsonl: Path) -> None:
    result = ok(_run("compare", str(worse), str(tiny_bundle), "--data", str(tiny_jsonl)))
    assert "s40(2)" in result.stdout and "blocks" in result.stdout and "NCND recall" in result.stdout
    assert "Promotion would be refused" in result.stdout
    assert "paired bootstrap" in result.stdout and "95% interval" in result.stdout
    same = ok(_run("compare", str(tiny_bundle), str(tiny_bundle), "--data", str(tiny_jsonl)))
    assert "Promotion check passes." in same.stdout
    assert "+0.000, 95% interval [+0.000, +0.000], new ahead in 0%" in same.stdout


def test_promote_refuse_force_and_rollback(worse: Path, tiny_bundle: Path, tiny_jsonl: Path, tmp_path: Path) -> None:
    to = tmp_path / "models" / "default"
    first = ok(_run("promote", str(shutil.copytree(tiny_bundle, tmp_path / "first")), "--to", str(to)))
    assert "Promoted" in first.stdout
    refused = one_line_error(_run("promote", str(worse), "--to", str(to), "--data", str(tiny_jsonl)), 1)
    assert "refused" in refused and "s40(2)" in refused and "NCND recall" in refused
    assert "--data" in one_line_error(_run("promote", str(worse), "--to", str(to)), 2)
    assert "--reason" in one_line_error(_run("promote", str(worse), "--to", str(to), "--force"), 2)
    assert "--force" in one_line_error(_run("promote", str(worse), "--to", str(to), "--reason", "why"), 2)
    forced = ok(_run("promote", str(worse), "--to", str(to), "--data", str(tiny_jsonl), "--force",
                      "--reason", "ministerial deadline"))
    assert "forced" in forced.stderr and "s40(2)" in forced.stderr
    meta = json.loads((to / "metadata.json").read_text())
    assert meta["promotion"]["reason"] == "ministerial deadline" and "s40(2)" in meta["promotion"]["blocking"]
    verify_bundle(to)
    back = ok(_run("rollback", "--to", str(to)))
    assert "Rolled back" in back.stdout
    assert "promotion" not in json.loads((to / "metadata.json").read_text())
    assert "promotion" in json.loads((to.parent / "previous" / "metadata.json").read_text())


def test_rollback_without_previous_is_one_line(tmp_path: Path) -> None:
    assert "no previous model" in one_line_error(_run("rollback", "--to", str(tmp_path / "models" / "default")), 1)


# -- quoted requests and letters (library) --------------------------------------------------------------


@pytest.mark.parametrize(
    "letter",
    [
        'Dear Sir,\n\nThank you for your request, in which you asked:\n\n"How many drones does the force own?"\n\n'
        "The information is provided below.",
        "Dear Requester,\n\nYou asked for the following information:\n\nHow many drones does the force own?\n\n"
        "DECISION\nWe hold it.",
        "Our ref 123\n\nREQUEST\nHow many drones does the force own?\n\nWe have handled your request.",
        "Your request: How many drones does the force own?\n\nThe answer is four.",
        "Your request read: “How many drones does the force own?” We hold it.",
    ],
)
def test_quoted_request_forms(letter: str) -> None:
    found = quoted_request(letter)
    assert found is not None
    text, start, end = found
    assert text == "How many drones does the force own?" and letter[start:end].strip() == text


def test_quoted_request_keeps_numbered_parts_and_misses_nothing_else() -> None:
    letter = ("You asked:\n\n1. How many drones do you own?\n2. What did they cost?\n\n"
              "3. Who supplied them?\n\nWe hold some of the information.")
    text = quoted_request(letter)[0]  # type: ignore[index]
    assert text.startswith("1. How many") and text.endswith("Who supplied them?")
    assert quoted_request("Dear Sir, we enclose the figures. Regards.") is None
    assert quoted_request('You asked: "ok"') is None  # too short to be a request


_WORD = st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=10)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORD, min_size=3, max_size=40), st.sampled_from(["quoted", "asked", "heading"]))
def test_quoted_request_round_trip(words: list[str], form: str) -> None:
    request = " ".join(words) + "?"
    letter = {
        "quoted": f'Dear Sir,\n\nThank you for your email, in which you asked:\n\n"{request}"\n\nWe hold it.',
        "asked": f"Dear Madam,\n\nYou asked:\n\n{request}\n\nWe hold it.",
        "heading": f"Reference 1\n\nREQUEST\n{request}\n\nDECISION\nWe hold it.",
    }[form]
    assert quoted_request(letter)[0] == request  # type: ignore[index]


def test_letter_labels_follow_the_ncnd_wording() -> None:
    assert letter_labels(["s31", "s40(2)"], ncnd=False) == ["s31(1)", "s40(2)"]
    assert letter_labels(["s31", "s40(2)"], ncnd=True) == ["s31(3)", "s40(2)"]  # named subsections stay
    assert letter_labels(["s12"], ncnd=True) == ["s12"]  # no NCND form


def test_request_citations_do_not_label_the_letter(tmp_path: Path) -> None:
    letter = tmp_path / "x.txt"
    letter.write_text('You asked:\n\n"Why did you apply section 38 to my last request?"\n\n'
                      "The information is exempt under section 40(2) of the Act.")
    example = read_letter_example(letter)
    assert example.labels == ["s40(2)"] and example.request_source == "quoted in letter"
    assert any("40(2)" in e for e in example.evidence)


def _letter(labels: list[str], request: str | None) -> str:
    if set(labels) == NCND_TRIO:
        decision = ("We can neither confirm nor deny whether we hold this information, by virtue of sections "
                    "23(5), 24(2) and 31(3) of the Act.")
    elif labels:
        decision = "The information is withheld under " + " and ".join(f"section {c[1:]}" for c in labels) + "."
    else:
        decision = "I can confirm that we hold the information; it is provided below in full."
    asked = f'Thank you for your request, in which you asked:\n\n"{request}"\n\n' if request else (
        "Thank you for your request of 3 May.\n\n")
    return f"Dear Requester,\n\n{asked}{decision}\n\nYours sincerely\nInformation Rights Team\n"


@pytest.fixture
def letters_dir(tmp_path: Path, tiny_records: list[dict]) -> Path:
    """The tiny requests as response letters: even ones quote the request, odd ones have NAME.request.txt."""
    folder = tmp_path / "letters"
    folder.mkdir()
    for i, rec in enumerate(tiny_records):
        if i % 2:
            (folder / f"{rec['id']}.txt").write_text(_letter(rec["exemptions"], None))
            (folder / f"{rec['id']}.request.txt").write_text(rec["request"])
        elif i % 4 == 0:
            body = _letter(rec["exemptions"], rec["request"]).replace("\n\n", "</p><p>")
            (folder / f"{rec['id']}.html").write_text(f"<html><body><p>{body}</p></body></html>")
        else:
            (folder / f"{rec['id']}.txt").write_text(_letter(rec["exemptions"], rec["request"]))
    (folder / "orphan.txt").write_text(_letter(["s40(2)"], None))
    return folder


def test_dataset_from_letters(letters_dir: Path, tiny_records: list[dict]) -> None:
    result = dataset_from_letters(letters_dir, authority_type="police")
    assert len(result.letters) == len(tiny_records) + 1
    assert [x.id for x in result.skipped] == ["orphan"]
    truth = {r["id"]: (r["request"], sorted(r["exemptions"])) for r in tiny_records}
    got = {rid: (text, sorted(labs)) for rid, text, labs in zip(result.dataset.ids, result.dataset.texts,
                                                                  result.dataset.labels, strict=True)}
    assert got == truth
    assert set(result.dataset.authority_types) == {"police"}
    assert any("orphan" in p for p in result.dataset.problems)


def test_train_from_letters_folder_with_review_csv(letters_dir: Path, tmp_path: Path, config_file: Path,
                                                   tiny_records: list[dict]) -> None:
    review = tmp_path / "review.csv"
    out = tmp_path / "model"
    result = ok(_run("train", str(letters_dir), "--out", str(out), "--config", str(config_file),
                      "--review-csv", str(review), "--authority-type", "police"))
    assert f"{len(tiny_records) + 1} read, {len(tiny_records)} usable" in result.stdout
    assert "orphan" in result.stderr and "Model written" in result.stdout
    meta = json.loads((out / "metadata.json").read_text())
    assert meta["training_data"]["rows"] == len(tiny_records)
    with open(review, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(tiny_records) + 1
    assert {"id", "request", "exemptions", "ncnd", "evidence"} <= set(rows[0])
    ncnd_row = next(r for r in rows if set(r["exemptions"].split("; ")) == NCND_TRIO)
    assert ncnd_row["ncnd"] == "true" and "neither confirm nor deny" in ncnd_row["evidence"]
    # The analyst fills in the missing request and corrects a label; the CSV then loads for training.
    for row in rows:
        if row["id"] == "orphan":
            row["request"] = "Please send the names of every officer in the dog unit."
        if row["id"] == "t000":
            row["exemptions"] = "s23(5); s24(2); s31(3); s30(3)"
    with open(review, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    corrected = load_dataset(review)
    assert len(corrected) == len(tiny_records) + 1
    assert corrected.labels[corrected.ids.index("t000")] == ["s23(5)", "s24(2)", "s30(3)", "s31(3)"]
    # An existing review CSV is not overwritten without --overwrite.
    again = _run("train", str(letters_dir), "--out", str(tmp_path / "m2"), "--review-csv", str(review))
    assert "--overwrite" in one_line_error(again, 1)


def test_train_review_csv_needs_letters(tiny_jsonl: Path, tmp_path: Path) -> None:
    result = _run("train", str(tiny_jsonl), "--out", str(tmp_path / "m"), "--review-csv", str(tmp_path / "r.csv"))
    assert "folder of response letters" in one_line_error(result, 2)


def test_train_letters_bad_authority_type(letters_dir: Path, tmp_path: Path) -> None:
    result = _run("train", str(letters_dir), "--out", str(tmp_path / "m"), "--authority-type", "ministry")
    assert "unknown authority type" in one_line_error(result, 1)


# -- feedback from the audit log ------------------------------------------------------------------------


def _suggest(log: Path, text: str, labels: list[str], store_text: bool = True) -> str:
    payload = audit.suggestion_payload(
        text, model_id="m", model_checksum="0" * 64, taxonomy_version="1", labels=labels, scores={},
        thresholds={}, ncnd=False, abstained=not labels, store_text=store_text,
    )
    return audit.append(log, "suggest", payload, user="officer").id


@pytest.fixture
def feedback_log(tmp_path: Path, tiny_records: list[dict]) -> Path:
    log = tmp_path / "feedback.jsonl"
    a = _suggest(log, "Please list the home addresses of every PCSO in the Northfield team.", ["s40(2)"])
    audit.decide(log, a, accept=["s31(1)"], reject=["s40(2)"], reason="addresses give away patrol bases")
    audit.decide(log, a, accept=["s40(2)"], reason="on reflection the names are personal data too")
    b = _suggest(log, tiny_records[24]["request"], ["s43(2)"])  # a tiny training request, decided differently
    audit.decide(log, b, accept=["s21"], reject=["s43(2)"], reason="the prices are on Contracts Finder")
    c = _suggest(log, "How many tasers were discharged last year?", ["s31(1)"], store_text=False)
    audit.decide(log, c, accept=["s31(1)"], reason="agreed")
    _suggest(log, "Never decided on.", ["s21"])
    audit.append(log, "decision", {"record_id": "000000000000", "accept": ["s12"], "reject": [], "reason": "x"})
    return log


def test_dataset_from_feedback(feedback_log: Path, tiny_records: list[dict]) -> None:
    result = dataset_from_feedback(feedback_log, authority_type="police")
    assert (result.decisions, result.usable, result.without_text, result.unknown) == (5, 2, 1, 1)
    ds = result.dataset
    assert ds is not None
    by_text = dict(zip(ds.texts, ds.labels, strict=True))
    assert by_text["Please list the home addresses of every PCSO in the Northfield team."] == ["s31(1)", "s40(2)"]
    assert by_text[tiny_records[24]["request"]] == ["s21"]
    assert all(i.startswith("feedback-") for i in ds.ids) and set(ds.authority_types) == {"police"}
    assert "2 usable" in result.summary() and "--audit-text" in result.summary()


def test_feedback_from_an_altered_log_is_refused(feedback_log: Path) -> None:
    lines = feedback_log.read_text().splitlines()
    lines[1] = lines[1].replace("patrol bases", "patrol routes")
    feedback_log.write_text("\n".join(lines) + "\n")
    with pytest.raises(AuditError, match="fails verification"):
        dataset_from_feedback(feedback_log)


def test_train_with_feedback(tiny_jsonl: Path, feedback_log: Path, tmp_path: Path, config_file: Path,
                             tiny_records: list[dict]) -> None:
    out = tmp_path / "model"
    result = ok(_run("train", str(tiny_jsonl), "--out", str(out), "--config", str(config_file),
                      "--feedback", str(feedback_log)))
    assert "5 decision(s); 2 usable as training examples" in result.stdout
    assert "1 training row(s) replaced" in result.stdout
    meta = json.loads((out / "metadata.json").read_text())
    assert meta["training_data"]["rows"] == len(tiny_records) + 1
    precedents = [json.loads(line) for line in (out / "precedents.jsonl").read_text().splitlines()]
    replaced = next(p for p in precedents if p["text"] == tiny_records[24]["request"])
    assert replaced["id"].startswith("feedback-") and replaced["labels"] == ["s21"]


def test_train_with_altered_feedback_is_one_line(tiny_jsonl: Path, feedback_log: Path, tmp_path: Path) -> None:
    feedback_log.write_text(feedback_log.read_text().replace("agreed", "agreed!"))
    result = _run("train", str(tiny_jsonl), "--out", str(tmp_path / "m"), "--feedback", str(feedback_log))
    assert "fails verification" in one_line_error(result, 1)
