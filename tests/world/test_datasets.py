"""Shipped CSVs: sizes, columns, byte-stable writing and the loaders."""

from __future__ import annotations

import pandas as pd
import pytest

from fairhire.world import (
    DATASETS,
    DEFAULT_SEED,
    OUTCOME_COLUMNS,
    QUALIFIED_THRESHOLD,
    check_datasets,
    load_applicants,
    load_history,
    load_vendor_audit,
    make_applicants,
    read_csv_bytes,
    to_csv_bytes,
    write_datasets,
)
from fairhire.world.datasets import generated_bytes


def test_shapes_and_columns(history):
    applicants, audit = load_applicants(), load_vendor_audit()
    assert history.shape[0] == 6000 and applicants.shape[0] == 1000 and audit.shape[0] == 2000
    assert set(OUTCOME_COLUMNS) <= set(history.columns)
    assert not set(OUTCOME_COLUMNS) & set(applicants.columns)
    assert not set(OUTCOME_COLUMNS) & set(audit.columns)
    assert set(audit["qualified"]) == {0, 1}
    assert 0.25 < audit["qualified"].mean() < 0.40
    ids = pd.concat([history["applicant_id"], applicants["applicant_id"], audit["applicant_id"]])
    assert ids.is_unique


def test_qualified_is_true_suitability():
    full = make_applicants(2000, id_start=200_001, random_state=DEFAULT_SEED + 2)
    audit = DATASETS["vendor_audit.csv"].build()
    assert (audit["qualified"] == (full["suitability"] >= QUALIFIED_THRESHOLD)).all()


def test_files_are_small_and_plain(root):
    for name in DATASETS:
        data = (root / "datasets" / name).read_bytes()
        assert len(data) < 15_000_000
        assert b"\r" not in data
        data.decode("utf-8")


def test_write_and_check_in_another_directory(tmp_path):
    written = write_datasets(tmp_path)
    assert sorted(p.name for p in written) == sorted(DATASETS)
    assert check_datasets(tmp_path) == []
    (tmp_path / "applicants.csv").write_bytes(b"applicant_id\n1\n")
    (tmp_path / "history.csv").unlink()
    assert check_datasets(tmp_path) == ["history.csv", "applicants.csv"]


def test_loaders_regenerate_without_a_checkout(tmp_path, monkeypatch, history):
    monkeypatch.setenv("FAIRHIRE_ROOT", str(tmp_path))  # a "repository" without datasets/
    regenerated = load_history()
    pd.testing.assert_frame_equal(regenerated, history)
    assert to_csv_bytes(regenerated) == generated_bytes("history.csv")


def test_loaded_equals_generated(history):
    generated = DATASETS["history.csv"].build()
    pd.testing.assert_frame_equal(history, generated)
    assert history["postcode"].dtype == generated["postcode"].dtype
    assert (history["memberships"] == "").any()  # empty stays "", not NaN


@pytest.mark.parametrize("name", list(DATASETS))
def test_round_trip_is_exact(name):
    data = generated_bytes(name)
    assert to_csv_bytes(read_csv_bytes(data)) == data
