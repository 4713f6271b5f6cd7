"""Validation in a child process: the same verdict, and its problems still come first.

The pipeline models, renders and formats while the document is validated beside it
(generator/validate/background.py); what it reports must be what validating first
reported: an invalid document's problems, whatever the later stages make of it.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from generator import pipeline
from generator.cache import Cache
from generator.diagnostics import GeneratorError
from generator.load import load_spec_file
from generator.parse.api import spec_sha256
from generator.settings import load_distribution_settings
from generator.validate import background, openapi, validate_spec
from generator.validate.background import start_validation, start_validations

ROOT = Path(__file__).resolve().parents[2]
INVALID = ROOT / "tests" / "validate" / "fixtures" / "semantic_errors.yaml"
VALID = ROOT / "specs" / "retell" / "openapi.yaml"


def _validation_problems(spec_file: Path) -> tuple[object, ...]:
    with pytest.raises(GeneratorError) as caught:
        validate_spec(load_spec_file(spec_file))
    return caught.value.diagnostics


def _crashing_model(*args: object) -> None:
    raise RuntimeError("the model builder met a document it cannot read")


def test_a_child_process_validates_and_gives_the_same_problems() -> None:
    pending = start_validation(load_spec_file(INVALID))
    assert pending.child is not None and pending.child.pid > 0  # under way in a child
    assert tuple(pending.problems()) == _validation_problems(INVALID)
    assert start_validation(load_spec_file(VALID)).problems() == []


def test_several_specs_share_one_child_and_keep_their_own_verdicts() -> None:
    specs = [load_spec_file(path) for path in (VALID, INVALID, VALID)]
    pending = start_validations(specs)
    assert len({id(p.child) for p in pending}) == 1  # the validator is imported once
    assert [tuple(p.problems()) for p in pending] == [(), _validation_problems(INVALID), ()]


def test_where_a_fork_is_not_safe_validation_runs_here_with_the_same_verdicts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(background, "_CAN_FORK", False)  # as on macOS and Windows
    specs = [load_spec_file(path) for path in (VALID, INVALID)]
    pending = start_validations(specs)
    assert all(p.child is None for p in pending)
    assert [tuple(p.problems()) for p in pending] == [(), _validation_problems(INVALID)]


def test_a_child_that_dies_is_made_good_here() -> None:
    pending = start_validation(load_spec_file(INVALID))
    assert pending.child is not None
    os.kill(pending.child.pid, signal.SIGKILL)
    assert tuple(pending.problems()) == _validation_problems(INVALID)


def _refusing(*args: object) -> list[object]:
    raise AssertionError("the library validator ran")


def test_a_clean_verdict_is_cached_and_then_the_validator_does_not_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    assert start_validation(load_spec_file(VALID), cache).problems() == []
    assert list((tmp_path / "valid").iterdir())  # the child wrote the verdict
    # The child inherits this: the validator would raise, so a clean answer is the cache's.
    monkeypatch.setattr(openapi, "library_problems", _refusing)
    again = start_validation(load_spec_file(VALID), cache)
    assert again.child is not None and again.problems() == []
    other = Cache(tmp_path / "other")  # the same check with an empty cache: it does run
    with pytest.raises(AssertionError, match="the library validator ran"):
        validate_spec(load_spec_file(VALID), other)


def test_an_invalid_spec_reports_its_problems_not_what_the_model_builder_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "model_api", _crashing_model)
    with pytest.raises(GeneratorError) as caught:
        pipeline.build_single(INVALID, "client")
    assert caught.value.diagnostics == _validation_problems(INVALID)
    with pytest.raises(RuntimeError):  # a valid one: the crash is the answer
        pipeline.build_single(VALID, "client")


def _project(tmp_path: Path, specs: dict[str, Path]) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.clientgen]\ndistribution = "d"\npackage = "p"\nversion = "1"\n'
        'specs = "specs"\noutput = "out"\n',
        encoding="utf-8",
    )
    for name, spec in specs.items():
        (tmp_path / "specs" / name).mkdir(parents=True)
        shutil.copy(spec, tmp_path / "specs" / name / "openapi.yaml")
    return tmp_path


def test_a_project_reports_as_if_each_api_was_validated_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path, {"a": INVALID, "b": VALID, "c": INVALID})
    settings = load_distribution_settings(root / "pyproject.toml")
    monkeypatch.setattr(pipeline, "model_api", _crashing_model)
    # a is invalid: its problems, then b, valid, crashes the model builder, which stops
    # the run there as it always did: the crash is what is raised.
    with pytest.raises(RuntimeError):
        pipeline.build_project(settings, root)
    monkeypatch.undo()
    with pytest.raises(GeneratorError) as caught:
        pipeline.build_project(settings, root)
    a = _validation_problems(INVALID)
    assert len(caught.value.diagnostics) == 2 * len(a)
    assert [d.message for d in caught.value.diagnostics] == [d.message for d in a] * 2
    folders = [Path(d.location.file).parent.name for d in caught.value.diagnostics if d.location]
    assert folders == ["a"] * len(a) + ["c"] * len(a)


def test_crashes_on_invalid_apis_do_not_hide_the_later_apis_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path, {"a": INVALID, "c": INVALID})
    settings = load_distribution_settings(root / "pyproject.toml")
    monkeypatch.setattr(pipeline, "model_api", _crashing_model)
    with pytest.raises(GeneratorError) as caught:
        pipeline.build_project(settings, root)
    a = _validation_problems(INVALID)
    folders = [Path(d.location.file).parent.name for d in caught.value.diagnostics if d.location]
    assert folders == ["a"] * len(a) + ["c"] * len(a)


def _whose(document: dict[str, object]) -> str:
    """A digest that tells which process worked it out."""
    return f"{len(document)} keys, process {os.getpid()}"


def test_the_child_works_out_the_digest_before_validating() -> None:
    spec = load_spec_file(VALID)
    pending = start_validation(spec, None, _whose)
    assert pending.child is not None
    assert pending.digest() == f"{len(spec.document)} keys, process {pending.child.pid}"
    assert pending.problems() == []


def test_a_digest_the_child_did_not_deliver_is_worked_out_here() -> None:
    pending = start_validation(load_spec_file(VALID), None, _whose)
    assert pending.child is not None
    os.kill(pending.child.pid, signal.SIGKILL)
    assert pending.digest().endswith(f"process {os.getpid()}")
    assert pending.problems() == []  # made good here too


def test_the_models_digest_of_the_spec_is_the_childs() -> None:
    files = pipeline.build_single(VALID, "client")
    spec = load_spec_file(VALID)
    assert f'SPEC_SHA256 = "{spec_sha256(spec.document)}"'.encode() in files["client/__init__.py"]
