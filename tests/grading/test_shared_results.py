"""Reference results shared between learners (fairhire.memo): same answers, nothing more.

The zygote runs the trainer's notebooks once. The judge's kernels get what
the whole notebooks computed; a learner's kernel gets, read-only, only what
the given cells compute without any answer. These tests check that a shared
result is what computing gives, that a learner's kernel never sees a result
of an answer cell, and that a learner's kernel that fakes or poisons its
store changes nothing for the judge and trips the tripwire.
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
ANSWER = "bigger = new_round(41)\n"  # an answer cell of the trainer's notebook
PROBE = (
    "import sys, json\n"
    "from fairhire import memo\n"
    "from fairhire.models import new_round, labels\n"
    "store = sys.modules.get('_fairhire_shared_results')\n"
    "key41 = memo.key(labels.new_round.__wrapped__, (41,), {})\n"
    "print(json.dumps({'store': store is not None, 'n': len(store.results) if store else 0,"
    " 'writable': bool(store and store.writable), 'answer': bool(store and key41 in store.results),"
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
    "import pickle\n"
    "fake.results[k] = pickle.dumps(pd.DataFrame({'suitability': [0.0] * 40}))\n"
    "for key in list(fake.results):\n"
    "    fake.results[key] = fake.results[k]\n"
)


def _counted():
    """A shared function that lists the calls that computed, and that list."""
    calls = []

    @memo.shared
    def f(x):
        calls.append(x)
        return [x]

    return f, calls


@pytest.fixture
def no_store():
    memo.uninstall()
    yield
    memo.uninstall()


def test_without_a_store_every_call_computes(no_store):
    f, calls = _counted()
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


def test_the_tripwire_sees_a_store_made_or_changed_in_a_learners_kernel(no_store):
    before = kernel_guard.state()
    memo.install({"forged": b"1"})
    assert kernel_guard.changes(before, kernel_guard.state())
    store = memo.install({"a": b"1", "b": b"2"}, writable=False)  # as a learner's kernel has
    before = kernel_guard.state()
    assert not kernel_guard.changes(before, kernel_guard.state())
    store.results["a"] = b"forged"
    assert kernel_guard.changes(before, kernel_guard.state())
    before = kernel_guard.state()
    store.writable = True
    assert kernel_guard.changes(before, kernel_guard.state())


def test_a_read_only_store_answers_but_keeps_nothing_new(no_store):
    f, calls = _counted()
    memo.install()
    f(1)
    recorded = memo.results()
    store = memo.install(recorded, writable=False)
    assert f(1) == [1] and f(2) == [2] and f(2) == [2]
    assert calls == [1, 2, 2]  # 1 from the store; 2 is computed each time
    assert store.results == recorded


def test_the_m08_cache_is_watched_but_may_be_filled(monkeypatch):
    from fairhire import final_audit

    final_audit.clear_cache()
    before = kernel_guard.state()
    final_audit.screener()  # a given cell builds it: no change
    after = kernel_guard.state()
    assert not kernel_guard.changes(before, after)
    sys.modules["_fairhire_m08_cache"].store["screener"] = b"forged"
    assert kernel_guard.changes(after, kernel_guard.state())
    final_audit.clear_cache()


def test_shared_m06_results_are_what_computing_gives(tmp_path, no_store):
    """The zygote's recording of m06 answers the hidden tests' calls, with the same values."""
    from fairhire.models import mitigation_decisions, new_round
    from fairhire.models.mitigation import fit_exponentiated_gradient
    from fairhire.world import load_history

    source = repo_root() / "solutions" / "m06" / "m06_opdracht.ipynb"
    recorded = warm._record([[c["source"] for c in warm.code_cells(source)]], tmp_path)[0]
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


def test_a_learner_gets_only_the_given_cells_results_and_cannot_poison_the_judge(tmp_path):
    trainer = tmp_path / "trainer.ipynb"
    answer = nbformat.v4.new_code_cell(ANSWER)
    answer.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": "a"}
    cells = [nbformat.v4.new_code_cell(RECIPE), answer]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), trainer)
    sys.modules.pop(memo.STORE, None)
    from fairhire.models import new_round

    expected = new_round(40)["suitability"].round(6).tolist()[:5]
    (tmp_path / "z").mkdir()
    with warm.Zygote(
        tmp_path / "z", env={**os.environ, **CHILD_ENV}, notebooks=[trainer]
    ) as zygote:
        assert not (tmp_path / "z" / warm.RECIPES).exists()  # read and removed by the zygote
        learner = _probe(tmp_path, zygote, [PROBE], trusted=False)
        # the given cell's result, read-only; nothing an answer cell computed
        assert learner == {
            "store": True,
            "n": 1,
            "writable": False,
            "answer": False,
            "first": expected,
        }
        # a learner's kernel that poisons its store: only its own kernel sees it
        poisoned = _probe(tmp_path, zygote, [POISON, PROBE], trusted=False)
        assert poisoned["first"] == [0.0] * 5
        judge = _probe(tmp_path, zygote, [PROBE], trusted=True)
        assert judge["store"] and judge["n"] >= 2 and judge["answer"] and judge["writable"]
        assert judge["first"] == expected


def test_a_recording_that_fails_or_cannot_travel_shares_nothing_and_breaks_nothing(tmp_path):
    cells = [
        "raise RuntimeError('een cel die faalt')",
        "from fairhire import memo\nf = memo.shared(lambda x: (lambda: x))\ng = f(1)",
        "import os\nos.chdir('/')",
    ]
    assert warm._record([cells, ["import os\nos._exit(3)"]], tmp_path) == [{}, {}]
