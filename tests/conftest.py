"""Shared fixtures: a tiny labelled dataset and a tiny model bundle trained on it (once per session).

The texts are written for the tests and kept short; the model trains in a few seconds with two
folds and small vocabularies, so every layer (training, bundle, suggest, explain, audit) is
exercised for real, offline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

_NCND = ["s23(5)", "s24(2)", "s31(3)"]
TINY = [
    ("Does the force use covert surveillance cameras or IMSI catchers, and where are they deployed?", _NCND),
    ("Please confirm whether MI5 asked your officers to monitor the protest group covertly.", _NCND),
    ("How many RIPA directed surveillance authorisations did you grant to watch journalists?", _NCND),
    ("Name every informant the force paid during the drugs operation last year.", _NCND),
    ("Is facial recognition used covertly at football grounds, and with which security bodies?", _NCND),
    ("List the covert tracking devices bought by the counter terrorism unit.", _NCND),
    ("Please send the names and email addresses of the officers who attended my neighbour's house.", ["s40(2)"]),
    ("Who were the staff on the planning committee, with their home addresses?", ["s40(2)"]),
    ("Give me the names of the councillors investigated for misconduct and the outcomes.", ["s40(2)"]),
    ("Provide the personal details of the taxi licence holders in the district.", ["s40(2)"]),
    ("I want the names and salaries of junior staff in the finance team.", ["s40(2)"]),
    ("Send the contact details of every foster carer in the borough.", ["s40(2)"]),
    ("Every email mentioning parking sent by any member of staff since 2005, broken down by month and by team.",
     ["s12"]),
    ("All correspondence about potholes for the last fifteen years, by ward, with the reason for each repair.",
     ["s12"]),
    ("For each year since 2000, how many complaints mentioned noise, by street, by outcome and by officer?",
     ["s12"]),
    ("1. All emails since 2010 2. All letters since 2010 3. All texts since 2010 4. All meeting notes since 2010",
     ["s12"]),
    ("Please review every case file since 2008 and tell me the cause of each injury recorded.", ["s12"]),
    ("All documents held on school transport from 1998 to date broken down by route, age, gender and cost.", ["s12"]),
    ("How many burglaries were reported to the force in 2023?", []),
    ("What was the council's total spend on road gritting last winter?", []),
    ("How many fire engines does the service have?", []),
    ("Does the trust have a policy on visiting hours?", []),
    ("How many parking tickets were issued in the city centre in 2022?", []),
    ("What is the total number of police officers employed on 31 March?", []),
    ("Please send the contract prices and tender scores for the waste collection contract.", ["s43(2)"]),
    ("What hourly rates does the trust pay each locum agency under the framework?", ["s43(2)"]),
    ("Provide the bids submitted by each supplier for the IT support tender.", ["s43(2)"]),
    ("Copy of the pricing schedule in the leisure centre management contract.", ["s43(2)"]),
    ("The annual report on crime figures that is already on your website, please.", ["s21"]),
    ("Please send me the published statement of accounts for last year.", ["s21"]),
    ("Could you direct me to the legislation on drone flights that is online?", ["s21"]),
    ("Copy of your published policy on stop and search from the website.", ["s21"]),
]


@pytest.fixture(scope="session")
def tiny_records() -> list[dict]:
    """The tiny dataset as loader-format records."""
    return [
        {"id": f"t{i:03d}", "authority_type": "police" if i % 2 else "council", "request": text, "exemptions": labels,
         "ncnd": any(code in ("s23(5)", "s24(2)", "s31(3)") for code in labels)}
        for i, (text, labels) in enumerate(TINY)
    ]


@pytest.fixture(scope="session")
def tiny_jsonl(tmp_path_factory: pytest.TempPathFactory, tiny_records: list[dict]) -> Path:
    """The tiny dataset written as JSON Lines."""
    path = tmp_path_factory.mktemp("data") / "tiny.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in tiny_records), encoding="utf-8")
    return path


TINY_CONFIG = {
    "folds": 2,
    "learning_curve": [],
    "min_support": 3,
    "model": {"features": {"word_max_features": 500, "char_max_features": 500, "min_df": 1}, "min_positives": 2},
}


@pytest.fixture(scope="session")
def tiny_bundle(tmp_path_factory: pytest.TempPathFactory, tiny_jsonl: Path) -> Path:
    """A model bundle trained on the tiny dataset (read-only: copy it before changing it)."""
    from foiclassify.artifacts import save_bundle
    from foiclassify.data import load_dataset
    from foiclassify.training import TrainConfig, train

    result = train(load_dataset(tiny_jsonl), TrainConfig.model_validate(TINY_CONFIG))
    return save_bundle(result, tmp_path_factory.mktemp("models") / "tiny")


@pytest.fixture(autouse=True)
def _isolated_audit_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never write to the user's real audit log from a test."""
    monkeypatch.setenv("FOICLASSIFY_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
