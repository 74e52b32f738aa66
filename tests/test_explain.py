"""foiclassify.explain: exact decompositions, the hierarchical combination, decisions, HTML page, model card."""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiclassify.errors import InputError, ModelError, OutputError, UnknownLabelError
from foiclassify.explain import (
    Explanation,
    LabelExplanation,
    explain,
    model_info,
    render_html,
    write_html,
)
from foiclassify.features import cross_cues
from foiclassify.model import NCND_HEAD, Head
from foiclassify.predict import Model, load_model
from foiclassify.taxonomy import load_taxonomy
from foiclassify.thresholds import Thresholds

COVERT = "Does the force use covert surveillance cameras, and did MI5 ask officers to monitor the protest group?"
PERSONAL = "Please send the names and home addresses of the officers who attended my neighbour's house in 2023."
COST = "Every email mentioning parking since 2005, broken down by month, by team and by the reason for each ticket."
PLAIN = "How many fire engines does the service have?"
TEXTS = [COVERT, PERSONAL, COST, PLAIN]


@pytest.fixture(scope="module")
def model(tiny_bundle: Path) -> Model:
    return load_model(tiny_bundle)


def _matrix(model: Model, text: str, authority: str | None = None):
    processed = model.preprocessor.process([text])
    return model.bundle.model.transform(model.frame(processed, [authority]))


def _check_label(model: Model, text: str, lab: LabelExplanation, authority: str | None = None) -> None:
    """Every number of a label explanation recomputed from the model itself."""
    clf = model.bundle.model
    x = _matrix(model, text, authority)
    scores = clf.decision_function(x)[0]
    head_p = clf.head_proba(scores[None, :])[0]
    index = {h.name: j for j, h in enumerate(clf.heads_)}
    for head in lab.heads:
        j = index[head.head]
        # exact decomposition, and the same score as the model's own decision_function
        assert sum(c.contribution for c in head.contributions) + head.intercept == pytest.approx(head.score, abs=1e-6)
        assert head.score == pytest.approx(scores[j], abs=1e-6)
        assert head.probability == pytest.approx(head_p[j], abs=1e-9)
        assert head.platt == pytest.approx(tuple(clf.calibration_[j]))
        for c in head.contributions:
            assert c.value * c.weight == pytest.approx(c.contribution, abs=1e-12)
    # the label's probability recomputed from its heads matches predict_proba
    expected = model.predict_proba([text], [authority])[0, model.labels.index(lab.code)]
    assert lab.probability == pytest.approx(expected, abs=1e-6)
    setters = [h for h in lab.heads if h.sign]
    if not setters:
        assert lab.status == "no_head" and expected == 0.0
        return
    group = setters[0]
    if len(setters) == 2:
        ncnd = setters[1]
        assert ncnd.head == NCND_HEAD and ncnd.role == "ncnd"
        assert ncnd.sign == (1 if lab.ncnd else -1)
        factor = ncnd.probability if lab.ncnd else 1 - ncnd.probability
    else:
        assert len(setters) == 1
        factor = 1.0
    assert group.probability * factor == pytest.approx(expected, abs=1e-6)
    # the formula shown to auditors ends with the label's probability
    assert lab.formula.endswith(f"= {expected:.3f}"), lab.formula
    for alt in lab.heads:
        if alt.role == "alternative":
            assert alt.sign == 0
            assert alt.probability * factor <= group.probability * factor + 1e-12
    # word weights: everything tied to words is placed on a word, and sentences add up to the same
    word_bound = sum(
        h.effect(c.contribution)
        for h in setters
        for c in h.contributions
        if c.feature.startswith(("word__", "char__", "num__cue:")) or cross_cues(c.feature)
    )
    assert lab.unattributed == pytest.approx(0.0, abs=1e-9)
    assert sum(t.weight for t in lab.tokens) == pytest.approx(word_bound, abs=1e-6)
    assert lab.word_effect == pytest.approx(word_bound, abs=1e-6)
    assert sum(s.weight for s in lab.sentences) == pytest.approx(word_bound, abs=1e-6)
    logit_sum = sum(h.sign * (h.logit - h.platt[1]) for h in setters)
    assert lab.word_effect + lab.other_effect + sum(h.effect(h.intercept) for h in setters) == pytest.approx(
        logit_sum, abs=1e-6
    )
    # token spans point at the request's own characters
    for t in lab.tokens:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize("text", TEXTS)
def test_default_explanation_is_exact(model: Model, text: str) -> None:
    exp = explain(model, text, "police")
    sug = model.predict([text], ["police"])[0]
    assert exp.suggestion is not None and exp.suggestion.labels == sug.labels
    expected = sug.labels or sorted(sug.scores, key=lambda c: -sug.scores[c])[:3]
    assert [lab.code for lab in exp.labels] == expected
    for lab in exp.labels:
        _check_label(model, text, lab, "police")
        assert lab.suggested == (lab.code in sug.labels)
        assert lab.reason[1:] in lab.summary


def test_every_label_and_head_is_exact(model: Model) -> None:
    for code in load_taxonomy().codes:
        exp = explain(model, COVERT, None, label=code)
        assert [lab.code for lab in exp.labels] == [code]
        _check_label(model, COVERT, exp.labels[0])


def test_hierarchical_combination_is_spelled_out(model: Model) -> None:
    ncnd = explain(model, COVERT, label="s31(3)").labels[0]
    withhold = explain(model, COVERT, label="s31(1)").labels[0]
    assert [(h.head, h.role, h.sign) for h in ncnd.heads] == [("s31(1)", "group", 1), (NCND_HEAD, "ncnd", 1)]
    assert [(h.head, h.role, h.sign) for h in withhold.heads] == [("s31(1)", "group", 1), (NCND_HEAD, "ncnd", -1)]
    g, n = ncnd.heads
    assert f"{g.probability:.3f} × {n.probability:.3f}" in ncnd.formula
    assert f"(1 − {n.probability:.3f})" in withhold.formula
    assert "neither-confirm-nor-deny form" in ncnd.summary and "withholding form" in withhold.summary
    # the two forms split the group's probability
    assert ncnd.probability + withhold.probability == pytest.approx(g.probability, abs=1e-9)
    single = explain(model, COST, label="s12").labels[0]
    assert [(h.head, h.role, h.sign) for h in single.heads] == [("s12", "single", 1)]
    assert single.formula == f"P(s12) = P(head s12) = {single.probability:.3f}"


def test_section_code_means_its_usual_label(model: Model) -> None:
    assert explain(model, COVERT, label="s31").labels[0].code == "s31(1)"


def test_label_without_head(model: Model) -> None:
    lab = explain(model, COVERT, label="s22A").labels[0]
    assert lab.status == "no_head" and lab.probability == 0.0 and not lab.heads and not lab.suggested
    assert "no head" in lab.reason


def _with_thresholds(model: Model, **changes: float) -> Model:
    """A copy of the model whose thresholds for some labels are changed (names use _ for brackets)."""
    bundle = copy.copy(model.bundle)
    labels = dict(bundle.thresholds.labels)
    for key, value in changes.items():
        code = key.replace("_", "(", 1) + ")" if "_" in key else key
        labels[code] = dataclasses.replace(labels[code], threshold=value)
    bundle.thresholds = Thresholds(labels, bundle.thresholds.global_threshold, bundle.thresholds.min_support)
    return Model(bundle)


def test_withholding_label_replaced_by_its_ncnd_form(model: Model) -> None:
    forced = _with_thresholds(model, s31_1=0.0, s31_3=0.0)
    lab = explain(forced, COVERT, label="s31(1)").labels[0]
    assert lab.status == "replaced_by_ncnd_form" and not lab.suggested
    assert lab.probability >= lab.threshold
    assert "replaced by its neither-confirm-nor-deny form s31(3)" in lab.reason


def test_ncnd_form_added_by_consistency_rule(model: Model) -> None:
    # s31(1) passes, s31(3) cannot pass on its own, s23(5) passes: the reply is NCND, so s31(3) replaces s31(1).
    forced = _with_thresholds(model, s31_1=0.0, s31_3=1.0, s23_5=0.0)
    exp = explain(forced, COVERT)
    assert exp.suggestion is not None
    assert "s31(3)" in exp.suggestion.labels and "s31(1)" not in exp.suggestion.labels
    lab = next(lab for lab in exp.labels if lab.code == "s31(3)")
    assert lab.status == "added_as_ncnd_form" and lab.suggested and lab.probability < lab.threshold
    assert "form of s31(1)" in lab.reason and "s23(5)" in lab.reason
    _check_label(forced, COVERT, lab)


def test_below_threshold_reason_shows_both_numbers(model: Model) -> None:
    lab = explain(model, PLAIN, label="s40(2)").labels[0]
    assert lab.status == "below_threshold"
    assert f"below the threshold {lab.threshold:.2f}" in lab.reason
    assert lab.summary.endswith(".")


def test_label_fed_by_two_groups_takes_the_larger(model: Model) -> None:
    # s30(3) is the NCND form of both s30(1) and s30(2); give two trained heads those roles.
    clf = copy.deepcopy(model.bundle.model)
    clf.heads_ = [
        Head("s30(1)", ("s30(1)", "s30(3)"), h.positives)
        if h.name == "s40(2)"
        else Head("s30(2)", ("s30(2)", "s30(3)"), h.positives)
        if h.name == "s23(1)"
        else h
        for h in clf.heads_
    ]
    bundle = copy.copy(model.bundle)
    bundle.model = clf
    twice = Model(bundle)
    for text in (COVERT, PERSONAL):
        lab = explain(twice, text, label="s30(3)").labels[0]
        roles = [(h.head, h.role) for h in lab.heads]
        assert ("ncnd", "ncnd") in roles and sum(r == "alternative" for _, r in roles) == 1
        _check_label(twice, text, lab)
        assert lab.formula.startswith("P(s30(3)) = max(")
        assert "takes the largest" in lab.summary


def test_cues_and_sentences(model: Model) -> None:
    lab = explain(model, COVERT, label="s31(3)").labels[0]
    ids = [c.id for c in lab.cues]
    assert "covert_tactic" in ids and "security_body" in ids
    covert = next(c for c in lab.cues if c.id == "covert_tactic")
    assert covert.points_to_label and covert.description
    # cues pointing at the label come first
    flags = [c.points_to_label for c in lab.cues]
    assert flags == sorted(flags, reverse=True)
    weights = [abs(s.weight) for s in lab.sentences]
    assert weights == sorted(weights, reverse=True) and len(lab.sentences) == 1
    assert lab.sentences[0].text == COVERT


def test_bad_input(model: Model) -> None:
    with pytest.raises(InputError):
        explain(model, "   \n")
    with pytest.raises(UnknownLabelError):
        explain(model, COVERT, label="s99")
    with pytest.raises(InputError, match="authority type"):
        explain(model, COVERT, "embassy")


def test_long_request_is_cut_and_spans_stay_inside(model: Model) -> None:
    from foiclassify.preprocess import MAX_CHARS

    text = COVERT + " " + "x " * MAX_CHARS
    exp = explain(model, text, label="s31(3)")
    assert exp.truncated and exp.analysed_chars == MAX_CHARS
    assert all(t.end <= MAX_CHARS for t in exp.labels[0].tokens)


_WORDS = st.sampled_from(
    [
        "covert",
        "MI5",
        "surveillance",
        "officers'",
        "e-mail",
        "2019",
        "2015/16",
        "3",
        "a",
        "I",
        "don't",
        "names",
        "home-addresses",
        "(b)",
        "£1,000",
        "every",
        "since",
        "neighbour's",
        "café",
        "NHS",
        "—",
        "?",
        "\n",
        "1.",
        "x",
    ]
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_WORDS, min_size=1, max_size=25), code=st.sampled_from(["s31(3)", "s40(2)", "s12", "s24(1)"]))
def test_every_text_contribution_lands_on_a_word(model: Model, words: list[str], code: str) -> None:
    text = " ".join(words)
    if not text.strip():
        return
    lab = explain(model, text, label=code).labels[0]
    _check_label(model, text, lab)


# -- HTML -----------------------------------------------------------------------------------------


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)

    def panels(self) -> list[str]:
        return [
            str(a.get("data-label"))
            for tag, a in self.tags
            if tag == "section" and "label-panel" in (a.get("class") or "").split()
        ]


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_html_one_panel_per_suggested_label(model: Model) -> None:
    exp = explain(model, COVERT, "police")
    assert exp.suggestion is not None and exp.suggestion.labels
    page = _parse(render_html(exp, model.bundle.metadata, model.bundle.thresholds))
    assert page.panels() == exp.suggestion.labels
    assert any(tag == "section" and "model-card" in (a.get("class") or "") for tag, a in page.tags)
    text = "".join(page.text)
    assert model.bundle_id in text
    assert model.bundle.metadata["training_data"]["sha256"] in text
    assert "Neither confirm nor deny suggested" in text
    for lab in exp.labels:
        assert lab.formula in text
        assert f"{lab.threshold:.2f}" in text


def test_html_is_self_contained(model: Model) -> None:
    page = render_html(explain(model, PERSONAL), model.bundle.metadata, model.bundle.thresholds)
    parsed = _parse(page)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "audio", "video", "source"}
    for _, attrs in parsed.tags:
        assert "src" not in attrs
        href = attrs.get("href")
        assert href is None or href.startswith("#")
        assert not any(k.startswith("on") for k in attrs)
    assert "@import" not in parsed.style and "url(" not in parsed.style
    assert "http://" not in page and "https://" not in page


def test_html_escapes_the_request(model: Model) -> None:
    hostile = 'Covert cameras <script>alert("x")</script> & <img src=x onerror=alert(1)> "quoted" names?'
    exp = explain(model, hostile, label="s31(3)")
    page = render_html(exp, model.bundle.metadata, model.bundle.thresholds)
    parsed = _parse(page)
    assert not {tag for tag, _ in parsed.tags} & {"script", "img"}
    text = "".join(parsed.text)
    assert '<script>alert("x")</script>' in text and "<img src=x onerror=alert(1)>" in text
    assert "<script>" not in page


def test_html_colours_words_by_sign(model: Model) -> None:
    exp = explain(model, COVERT, label="s31(3)")
    lab = exp.labels[0]
    page = render_html(exp, model.bundle.metadata, model.bundle.thresholds)
    strongest = max(lab.tokens, key=lambda t: abs(t.weight))
    colour = "22,163,74" if strongest.weight > 0 else "220,38,38"
    assert f'style="background:rgba({colour},0.70)"' in page


def test_html_without_thresholds_or_metadata(model: Model) -> None:
    exp = explain(model, PLAIN)
    assert exp.suggestion is not None and exp.suggestion.abstained
    page = render_html(exp, {}, None)
    assert _parse(page).panels() == [lab.code for lab in exp.labels]
    assert "No confident suggestion" in page


def test_write_html_atomic_and_refuses_existing(model: Model, tmp_path: Path) -> None:
    exp = explain(model, COVERT)
    out = tmp_path / "page.html"
    write_html(exp, model.bundle.metadata, model.bundle.thresholds, out)
    first = out.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>")
    with pytest.raises(OutputError, match="already exists"):
        write_html(exp, model.bundle.metadata, model.bundle.thresholds, out)
    assert out.read_text(encoding="utf-8") == first
    write_html(explain(model, PERSONAL), model.bundle.metadata, model.bundle.thresholds, out, overwrite=True)
    assert out.read_text(encoding="utf-8") != first
    with pytest.raises(OutputError, match="does not exist"):
        write_html(exp, {}, None, tmp_path / "missing" / "page.html")
    with pytest.raises(OutputError, match="is a folder"):
        write_html(exp, {}, None, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="headless Chromium is not installed (apt-get install chromium)"
)
def test_page_renders_in_headless_chromium(model: Model, tmp_path: Path) -> None:
    exp = explain(model, COVERT, "police")
    out = write_html(exp, model.bundle.metadata, model.bundle.thresholds, tmp_path / "page.html")
    result = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            out.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = _parse(result.stdout)
    assert exp.suggestion is not None
    assert dom.panels() == exp.suggestion.labels
    assert "Model card" in "".join(dom.text)


# -- model card -----------------------------------------------------------------------------------


def test_model_info(tiny_bundle: Path) -> None:
    info = model_info(tiny_bundle)
    metadata = json.loads((tiny_bundle / "metadata.json").read_text())
    thresholds = Thresholds.load(tiny_bundle / "thresholds.json")
    assert info.bundle_id == metadata["bundle_id"] and info.created == metadata["created_at"]
    assert info.training_sha256 == metadata["training_data"]["sha256"] and info.training_rows == 32
    assert info.folds == 2 and "micro_f1_std" in info.cv and "section_micro_f1" in info.cv
    assert [lab.code for lab in info.labels] == list(load_taxonomy().codes)
    for lab in info.labels:
        t = thresholds.labels.get(lab.code)
        assert lab.threshold == (t.threshold if t else thresholds.global_threshold)
        assert lab.support == metadata["cv_per_label"][lab.code]["support"]
    assert info.intended_use.startswith("Triage support") and "does not decide" in info.intended_use
    assert len(info.limits) == 4 and any("EIR" in limit for limit in info.limits)
    assert all("\n" not in limit for limit in info.limits)
    assert len(info.checksum) == 64


def test_model_info_refuses_altered_or_missing_bundle(tiny_bundle: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no model bundle"):
        model_info(tmp_path / "nothing")
    copy_ = tmp_path / "copy"
    shutil.copytree(tiny_bundle, copy_)
    (copy_ / "MODEL_CARD.md").write_text("# changed\n", encoding="utf-8")
    with pytest.raises(ModelError, match="checksum mismatch"):
        model_info(copy_)


def test_explanation_is_json_serialisable(model: Model) -> None:
    exp = explain(model, COVERT)
    assert isinstance(exp, Explanation)
    doc = json.loads(json.dumps(dataclasses.asdict(exp)))
    assert doc["labels"][0]["heads"][0]["contributions"]
    assert np.isfinite([lab["probability"] for lab in doc["labels"]]).all()
