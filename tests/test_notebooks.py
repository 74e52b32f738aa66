"""The analysts' notebooks run top to bottom on a small sample (and are kept without outputs).

Each notebook's first cell (tagged ``parameters``) sets the data paths and ``SAMPLE = None``; the test
inserts a cell right after it setting ``SAMPLE`` small, then executes the notebook with nbclient in a
fresh kernel whose working folder is ``notebooks/``. Skipped when nbclient, nbformat or a Python
kernel is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ("01-explore-corpus.ipynb", "02-train-evaluate.ipynb")
SAMPLE = 90


def _kernel() -> str:
    try:
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

        KernelSpecManager().get_kernel_spec("python3")
    except (ImportError, NoSuchKernel):
        pytest.skip("no python3 Jupyter kernel installed (pip install ipykernel)")
    return "python3"


def _read(name: str):
    path = NOTEBOOKS / name
    if not path.exists():
        pytest.fail(f"{path} is missing")
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_kept_without_outputs(name: str) -> None:
    book = _read(name)
    code = [c for c in book.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    first = code[0]
    assert "parameters" in first.metadata.get("tags", []) and "SAMPLE = None" in first.source


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_on_a_sample(name: str) -> None:
    kernel = _kernel()
    book = _read(name)
    index = next(i for i, c in enumerate(book.cells) if "parameters" in c.metadata.get("tags", []))
    book.cells.insert(index + 1, nbformat.v4.new_code_cell(f"SAMPLE = {SAMPLE}  # injected by the test"))
    client = nbclient.NotebookClient(
        book, timeout=180, kernel_name=kernel, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    outputs = [o for c in book.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plots were drawn
    text = "".join(o.get("text", "") for o in outputs)
    assert f"{SAMPLE} requests" in text or f"train {SAMPLE} requests" in text
