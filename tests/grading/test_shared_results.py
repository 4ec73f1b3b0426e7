"""Reference results shared between learners (fairhire.memo): same answers, only for the judge.

The zygote runs the trainer's notebooks once and hands what they computed to
the judge's kernels only. These tests check that a shared result is what
computing gives, that a learner's kernel never sees the store, and that a
learner's kernel that fakes or poisons one changes nothing for the judge.
"""

from __future__ import annotations

import json
import os
import sys

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbclient import NotebookClient

from fairhire import memo
from fairhire.grading import kernel_guard, warm
from fairhire.grading.processes import CHILD_ENV
from fairhire.paths import repo_root

RECIPE = "from fairhire.models import new_round\nsmall = new_round(40)\n"
PROBE = (
    "import sys, json\n"
    "from fairhire.models import new_round\n"
    "store = sys.modules.get('_fairhire_shared_results')\n"
    "print(json.dumps({'store': store is not None, 'n': len(store.results) if store else 0,"
    " 'first': new_round(40)['suitability'].round(6).tolist()[:5]}))"
)
POISON = (
    "import sys, types\n"
    "fake = sys.modules.get('_fairhire_shared_results') or types.ModuleType('x')\n"
    "fake.results = getattr(fake, 'results', {})\n"
    "sys.modules['_fairhire_shared_results'] = fake\n"
    "from fairhire import memo\n"
    "from fairhire.models import labels\n"
    "import pandas as pd\n"
    "k = memo.key(labels.new_round.__wrapped__, (40,), {})\n"
    "fake.results[k] = pd.DataFrame({'suitability': [0.0] * 40})\n"
    "for key in list(fake.results):\n"
    "    fake.results[key] = fake.results[k]\n"
)


@pytest.fixture
def no_store():
    memo.uninstall()
    yield
    memo.uninstall()


def test_without_a_store_every_call_computes(no_store):
    calls = []

    @memo.shared
    def f(x):
        calls.append(x)
        return [x]

    assert f(1) == [1] and f(1) == [1]
    assert calls == [1, 1]


def test_a_store_answers_equal_calls_with_copies(no_store):
    calls = []

    @memo.shared
    def f(frame, *, scale=1):
        calls.append(1)
        return frame * scale

    memo.install()
    frame = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", None]})
    first = f(frame[["a"]], scale=2)
    again = f(frame[["a"]].copy(), scale=2)  # an equal frame, another object
    assert calls == [1]
    pd.testing.assert_frame_equal(first, again)
    again.loc[0, "a"] = 99  # a caller that changes its result changes no one else's
    assert f(frame[["a"]], scale=2).loc[0, "a"] == 2
    f(frame[["a"]], scale=3)
    changed = frame[["a"]].copy()
    changed.loc[1, "a"] = 7
    f(changed, scale=2)
    assert calls == [1, 1, 1]  # other arguments, other contents: computed


def test_keys_follow_contents_types_and_order():
    a = np.array([1, 2, 3])
    assert memo.key(len, (a,), {}) == memo.key(len, (a.copy(),), {})
    assert memo.key(len, (a,), {}) != memo.key(len, (a.astype(float),), {})
    assert memo.key(len, (1,), {}) != memo.key(len, (True,), {})
    assert memo.key(len, ("1",), {}) != memo.key(len, (1,), {})
    assert memo.key(len, ([1, 2],), {}) != memo.key(len, ([2, 1],), {})
    assert memo.key(len, (), {"x": 1}) != memo.key(len, (), {"y": 1})
    assert memo.key(len, (object(),), {}) is None  # not fingerprinted: the call computes


def test_the_tripwire_sees_a_store_made_in_a_learners_kernel(no_store):
    before = kernel_guard.state()
    memo.install({"forged": 1})
    assert kernel_guard.changes(before, kernel_guard.state())


def test_shared_m06_results_are_what_computing_gives(tmp_path, no_store):
    """The zygote's recording of m06 answers the hidden tests' calls, with the same values."""
    from fairhire.models import mitigation_decisions, new_round
    from fairhire.models.mitigation import fit_exponentiated_gradient
    from fairhire.world import load_history

    source = repo_root() / "solutions" / "m06" / "m06_opdracht.ipynb"
    recorded = warm._record([warm.code_cells(source)], tmp_path)
    methods = ["blind", "zonder proxies", "reweighing", "ThresholdOptimizer", "beter label"]
    history = load_history()
    computed_round = new_round()
    computed_eg = fit_exponentiated_gradient(history, computed_round, group="origin")
    computed_md = mitigation_decisions(history, computed_round, methods=methods)
    store = memo.install(recorded)
    n_shared = len(store.results)
    shared_round = new_round()
    shared_eg = fit_exponentiated_gradient(load_history(), shared_round, group="origin")
    shared_md = mitigation_decisions(load_history(), shared_round, methods=methods)
    assert len(store.results) == n_shared  # every call was answered from the recording
    pd.testing.assert_frame_equal(shared_round, computed_round)
    assert np.array_equal(shared_eg, computed_eg)
    assert shared_md.keys() == computed_md.keys()
    assert all(np.array_equal(shared_md[m], computed_md[m]) for m in methods)


def _probe(folder, zygote, cells, trusted):
    warm.trust_kernels(trusted)
    undo = warm.use(str(zygote.path))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    try:
        NotebookClient(
            nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
        ).execute()
    finally:
        undo()
        warm.trust_kernels(False)
    return json.loads(nb.cells[-1].outputs[0]["text"])


def test_only_a_judges_kernel_gets_the_store_and_a_learner_cannot_poison_it(tmp_path):
    trainer = tmp_path / "trainer.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(RECIPE)]), trainer)
    sys.modules.pop(memo.STORE, None)
    from fairhire.models import new_round

    expected = new_round(40)["suitability"].round(6).tolist()[:5]
    (tmp_path / "z").mkdir()
    with warm.Zygote(
        tmp_path / "z", env={**os.environ, **CHILD_ENV}, notebooks=[trainer]
    ) as zygote:
        assert not (tmp_path / "z" / warm.RECIPES).exists()  # read and removed by the zygote
        learner = _probe(tmp_path, zygote, [PROBE], trusted=False)
        assert learner == {"store": False, "n": 0, "first": expected}
        # a learner's kernel that makes and poisons its own store: only its own kernel sees it
        poisoned = _probe(tmp_path, zygote, [POISON, PROBE], trusted=False)
        assert poisoned["first"] == [0.0] * 5
        judge = _probe(tmp_path, zygote, [PROBE], trusted=True)
        assert judge["store"] and judge["n"] >= 1
        assert judge["first"] == expected


def test_a_recording_that_fails_or_cannot_travel_shares_nothing_and_breaks_nothing(tmp_path):
    cells = [
        "raise RuntimeError('een cel die faalt')",
        "from fairhire import memo\nf = memo.shared(lambda x: (lambda: x))\ng = f(1)",
        "import os\nos.chdir('/')",
    ]
    assert warm._record([cells, ["import os\nos._exit(3)"]], tmp_path) == {}
