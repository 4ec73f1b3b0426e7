import pytest

from fairhire import paths

from .conftest import ROOT


def test_repo_root_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FAIRHIRE_ROOT", str(tmp_path))
    assert paths.repo_root() == tmp_path.resolve()


def test_repo_root_of_an_editable_install(monkeypatch):
    monkeypatch.delenv("FAIRHIRE_ROOT", raising=False)
    assert paths.repo_root() == ROOT


def test_missing_root_is_a_clear_dutch_error(monkeypatch, tmp_path):
    monkeypatch.delenv("FAIRHIRE_ROOT", raising=False)
    monkeypatch.setattr(paths, "PACKAGE_DIR", tmp_path / "fairhire")
    with pytest.raises(FileNotFoundError, match="cursusmap"):
        paths.require_repo_root()
