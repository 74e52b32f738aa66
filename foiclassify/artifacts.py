"""Model bundles on disk: safe persistence, checksums, provenance, atomic writes.

A bundle is a directory::

    model.skops        the fitted estimator state (skops, loaded with a fixed trusted-type list)
    labels.json        label codes in column order, with the taxonomy version
    thresholds.json    per-label thresholds (auditors read this)
    config.json        the training configuration
    metadata.json      versions, training-data SHA-256 and size, creation time, CV scores
    precedents.jsonl   training requests (id, text, labels) for "similar past cases"
    MODEL_CARD.md      intended use, limits, per-label performance, data provenance
    SHA256SUMS         checksum of every other file, verified on every load

skops never runs code from the file: only the types in :data:`TRUSTED_TYPES` may be rebuilt, and a
file asking for anything else is refused with the type named. Pickle/joblib files run code when
loaded, so they are read only with an explicit ``allow_pickle=True`` (legacy bundles).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foiclassify import __version__
from foiclassify.errors import ModelError, OutputError
from foiclassify.taxonomy import load_taxonomy
from foiclassify.thresholds import Thresholds

if TYPE_CHECKING:
    from foiclassify.model import ExemptionClassifier
    from foiclassify.training import TrainResult

#: Bundle layout version. A different major version is refused.
FORMAT_VERSION = "2.0"

#: The only non-builtin types a bundle may contain. Written here, in code, on purpose: a bundle
#: cannot extend this list.
TRUSTED_TYPES: tuple[str, ...] = (
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "numpy.ndarray",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._encoders.OneHotEncoder",
    # ColumnTransformer stores its "passthrough" columns as an identity FunctionTransformer. A function
    # it would call is itself a type in the file, and none is listed here, so none can be loaded.
    "sklearn.preprocessing._function_transformer.FunctionTransformer",
    "sklearn.preprocessing._polynomial.PolynomialFeatures",
    "builtins.slice",
)

#: Plain containers and scalars that carry no behaviour.
_BUILTIN_TYPES = frozenset(
    f"builtins.{name}" for name in ("dict", "list", "tuple", "str", "int", "float", "bool", "NoneType")
)

BUNDLE_FILES = (
    "model.skops",
    "labels.json",
    "thresholds.json",
    "config.json",
    "metadata.json",
    "precedents.jsonl",
    "MODEL_CARD.md",
)
PRECEDENT_CHARS = 600


@dataclass
class Bundle:
    """A loaded, verified model bundle."""

    path: Path
    model: ExemptionClassifier
    thresholds: Thresholds
    metadata: dict[str, Any]
    config: dict[str, Any]
    index: Any
    precedents: list[dict[str, Any]]
    checksum: str  # SHA-256 of SHA256SUMS: one value that pins every file of the bundle

    @property
    def bundle_id(self) -> str:
        """Stable identifier written into every suggestion and audit record."""
        return str(self.metadata["bundle_id"])


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _versions() -> dict[str, str]:
    import numpy
    import sklearn
    import skops
    import spacy

    return {
        "foiclassify": __version__,
        "scikit-learn": sklearn.__version__,
        "spacy": spacy.__version__,
        "skops": skops.__version__,
        "numpy": numpy.__version__,
        "python": platform.python_version(),
        "taxonomy": load_taxonomy().version,
    }


def save_bundle(result: TrainResult, out: Path, *, overwrite: bool = False, extra_metadata: dict | None = None) -> Path:
    """Write a training result as a bundle, atomically.

    Everything is written into a temporary sibling directory first and moved into place only when
    complete, so an interrupted or failed run never leaves a half bundle and never damages the
    bundle already at ``out``.

    Parameters
    ----------
    result : TrainResult
    out : Path
        Bundle directory to create.
    overwrite : bool
        Replace an existing bundle at ``out``.
    extra_metadata : dict, optional
        Merged into ``metadata.json`` (e.g. a forced promotion's reason).

    Returns
    -------
    Path
        ``out``.
    """
    import skops.io as sio

    out = Path(out)
    check_bundle_target(out, overwrite=overwrite)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the bundle there ({exc.strerror}); choose another --out") from None
    try:
        state = result.model.get_state()
        state["index"] = result.index
        sio.dump(state, tmp / "model.skops", compression=8)
        model_sha = sha256_file(tmp / "model.skops")
        created = datetime.now(UTC).replace(microsecond=0)
        tax = load_taxonomy()
        metadata = {
            "bundle_id": f"foiclassify-{created:%Y%m%d%H%M%S}-{model_sha[:10]}",
            "format_version": FORMAT_VERSION,
            "created_at": created.isoformat().replace("+00:00", "Z"),
            "versions": _versions(),
            "training_data": {
                "sha256": result.dataset.sha256,
                "rows": len(result.dataset),
                "source": Path(result.dataset.source).name,
                "label_counts": result.dataset.label_counts(),
            },
            "cv": result.cv.summary(),
            "cv_split": result.cv.split,
            "cv_per_label": {
                code: {
                    "support": s.support,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "brier": round(result.cv.brier[code], 5),
                }
                for code, s in result.cv.label_scores.per_label.items()
            },
            "learning_curve": result.cv.learning_curve,
            **(extra_metadata or {}),
        }
        (tmp / "metadata.json").write_text(json.dumps(metadata, indent=2, default=float), encoding="utf-8")
        labels_doc = {"taxonomy_version": tax.version, "labels": list(result.model.labels_)}
        (tmp / "labels.json").write_text(json.dumps(labels_doc, indent=2), encoding="utf-8")
        (tmp / "thresholds.json").write_text(result.thresholds.to_json(), encoding="utf-8")
        (tmp / "config.json").write_text(result.config.model_dump_json(indent=2), encoding="utf-8")
        with open(tmp / "precedents.jsonl", "w", encoding="utf-8") as fh:
            ds = result.dataset
            for rid, text, labels in zip(ds.ids, ds.texts, ds.labels, strict=True):
                row = {"id": rid, "text": text[:PRECEDENT_CHARS], "labels": labels}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        from foiclassify.explain import model_card

        (tmp / "MODEL_CARD.md").write_text(model_card(metadata, result.thresholds), encoding="utf-8")
        write_checksums(tmp)
        os.chmod(tmp, 0o755)
        replace_dir(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def check_bundle_target(out: Path, *, overwrite: bool = False) -> None:
    """Refuse a bundle destination that cannot or must not be written, before any work is done.

    An existing path is replaced only with ``overwrite`` and only when it is a bundle (or an empty
    folder): ``--out ~/Documents --overwrite`` must never delete someone's files.

    Raises
    ------
    OutputError
        ``out`` exists (without ``overwrite``), is not a bundle, or its folder is not writable.
    """
    out = Path(out)
    if out.exists():
        if not overwrite:
            raise OutputError(f"{out}: already exists; choose another --out or pass --overwrite")
        if not out.is_dir():
            raise OutputError(f"{out}: is a file, not a model bundle folder; choose another --out")
        if any(out.iterdir()) and not (out / "SHA256SUMS").exists() and not (out / "model.skops").exists():
            raise OutputError(
                f"{out}: is a folder with other files, not a model bundle; --overwrite only replaces bundles, "
                "choose another --out"
            )
    parent = out.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{parent}: is a file, not a folder; choose another --out")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{parent}: folder is not writable; choose another --out")


def write_checksums(folder: Path) -> None:
    """(Re)write ``SHA256SUMS`` for every bundle file in ``folder``."""
    lines = [f"{sha256_file(folder / name)}  {name}\n" for name in BUNDLE_FILES if (folder / name).exists()]
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def replace_dir(new: Path, out: Path) -> None:
    """Move the complete folder ``new`` to ``out``; an existing ``out`` is kept until ``new`` is in place.

    Used for bundles and reports alike: whatever fails, ``out`` holds either the old or the new folder
    (and on Linux a reader never finds it missing, see :func:`exchange_dirs`).
    """
    if not out.exists():
        os.replace(new, out)
        return
    exchange_dirs(new, out)  # now ``out`` is the new folder and ``new`` the old one
    shutil.rmtree(new, ignore_errors=True)


def exchange_dirs(a: Path, b: Path) -> None:
    """Swap two folders. Atomic on Linux (``renameat2`` with ``RENAME_EXCHANGE``): a reader sees
    one bundle or the other, never none. Elsewhere three renames, undone on failure."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        renameat2 = None
    if renameat2 is not None:
        at_fdcwd, rename_exchange = -100, 2
        if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
            return
    tmp = a.with_name(f".{a.name}.swap-{os.getpid()}")
    os.replace(a, tmp)
    try:
        os.replace(b, a)
    except BaseException:
        os.replace(tmp, a)
        raise
    try:
        os.replace(tmp, b)
    except BaseException:  # put both back: ``b`` must never be left missing
        os.replace(a, b)
        os.replace(tmp, a)
        raise


def verify_bundle(path: Path) -> str:
    """Check every file against ``SHA256SUMS``; return the SHA-256 of ``SHA256SUMS`` itself.

    Raises :class:`ModelError` naming the first file that is missing or altered.
    """
    path = Path(path)
    if not path.exists():
        raise ModelError(f"{path}: no model bundle here; train one with 'foiclassify train' or pass --model")
    if not path.is_dir():
        raise ModelError(f"{path}: is a file, but a model bundle is a folder (with model.skops and SHA256SUMS)")
    sums = path / "SHA256SUMS"
    if not sums.exists():
        raise ModelError(f"{path}: not a foiclassify bundle (no SHA256SUMS); pass the bundle folder")
    expected: dict[str, str] = {}
    for line_no, line in enumerate(sums.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        parts = line.split()
        if len(parts) != 2 or len(parts[0]) != 64:
            raise ModelError(f"{sums}: line {line_no} is malformed; the bundle was altered, retrain or restore it")
        expected[parts[1]] = parts[0]
    for name in BUNDLE_FILES:
        if name not in expected:
            raise ModelError(f"{sums}: no checksum for {name}; the bundle was altered, retrain or restore it")
        file = path / name
        if not file.exists():
            raise ModelError(f"{file}: missing from the bundle; retrain or restore it")
        if sha256_file(file) != expected[name]:
            raise ModelError(f"{file}: checksum mismatch (file changed after training); retrain or restore the bundle")
    return sha256_file(sums)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ModelError(f"{path}: not valid JSON ({exc})") from None


def load_bundle(path: Path, *, allow_pickle: bool = False) -> Bundle:
    """Load and verify a bundle.

    Parameters
    ----------
    path : Path
        Bundle directory.
    allow_pickle : bool
        Read a legacy ``model.joblib`` instead of ``model.skops``. Pickle runs code from the file:
        only for bundles you made yourself.

    Raises
    ------
    ModelError
        Missing, altered, incompatible or unsafe bundle, with the reason.
    """
    import skops.io as sio

    from foiclassify.model import ExemptionClassifier

    path = Path(path)
    legacy = path / "model.joblib"
    if allow_pickle and path.is_dir() and legacy.exists() and not (path / "model.skops").exists():
        import joblib

        state = joblib.load(legacy)
        checksum = sha256_file(legacy)
    else:
        checksum = verify_bundle(path)
        metadata = _read_json(path / "metadata.json")
        _check_compatible(path, metadata)
        data = (path / "model.skops").read_bytes()
        try:
            # skops' own check trusts every scikit-learn class (a Pipeline could carry anything): check
            # every type the file names against our list as well.
            named = skops_types(data) | set(sio.get_untrusted_types(data=data))
        except Exception as exc:
            raise ModelError(f"{path / 'model.skops'}: not a skops file ({type(exc).__name__}); retrain") from None
        refused = sorted(named - set(TRUSTED_TYPES) - _BUILTIN_TYPES)
        if refused:
            raise ModelError(f"{path / 'model.skops'}: refusing to load untrusted type(s) {', '.join(refused)}")
        state = sio.loads(data, trusted=list(TRUSTED_TYPES))
    metadata = _read_json(path / "metadata.json")
    labels_doc = _read_json(path / "labels.json")
    tax = load_taxonomy()
    if list(labels_doc.get("labels", [])) != list(tax.codes):
        raise ModelError(
            f"{path}: labels were trained with taxonomy {labels_doc.get('taxonomy_version')} but this is "
            f"{tax.version}; retrain the model"
        )
    precedents = [json.loads(line) for line in (path / "precedents.jsonl").read_text(encoding="utf-8").splitlines()]
    index = state.pop("index", None)
    return Bundle(
        path=path,
        model=ExemptionClassifier.from_state(state),
        thresholds=Thresholds.load(path / "thresholds.json"),
        metadata=metadata,
        config=_read_json(path / "config.json"),
        index=index,
        precedents=precedents,
        checksum=checksum,
    )


def skops_types(data: bytes) -> set[str]:
    """Every type (and function) a skops file would rebuild, as ``"module.name"``, read from its schema."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        schema = json.loads(archive.read("schema.json"))
    found: set[str] = set()
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            module, name = node.get("__module__"), node.get("__class__")
            if isinstance(module, str) and isinstance(name, str):
                found.add(f"{module}.{name}")
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _check_compatible(path: Path, metadata: dict[str, Any]) -> None:
    fmt = str(metadata.get("format_version", "0"))
    if fmt.split(".")[0] != FORMAT_VERSION.split(".")[0]:
        raise ModelError(
            f"{path}: bundle format {fmt} is not supported by foiclassify {__version__} (format {FORMAT_VERSION}); "
            "retrain it with this version or upgrade foiclassify"
        )
    made_by = str(metadata.get("versions", {}).get("foiclassify", "0"))
    if made_by.split(".")[0] != __version__.split(".")[0]:
        raise ModelError(
            f"{path}: made by foiclassify {made_by}, incompatible with {__version__}; retrain it with this version"
        )


def default_model_path() -> Path:
    """Where the default model is: ``$FOICLASSIFY_MODEL``, else ``models/default`` in the current
    folder, else ``models/default`` beside the package (a source checkout)."""
    env = os.environ.get("FOICLASSIFY_MODEL")
    if env:
        return Path(env)
    here = Path.cwd() / "models" / "default"
    if here.exists():
        return here
    return Path(__file__).resolve().parent.parent / "models" / "default"
