"""Skipping the meta-schema check of a Schema Object (or of a sub-schema inside one) equal
to one found clean never changes a verdict: the same diagnostics as checking every
object, on specs with and without problems (`make test-verdicts` compares the 200 public
corpus specs the same way)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_schema_validator.validators import check_openapi_schema
from verdicts_support import problems, reference_problems

from generator.diagnostics import Location
from generator.validate import openapi

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "validate" / "fixtures"
VENDOR = ROOT / "tests" / "vendor-specs"

# An inline schema written four times, twice with the same mistake, one that only the
# meta-schema check finds (in OpenAPI 3.1 the document's schema leaves Schema Objects to
# it): each mistake is reported where it is written, the valid copies hide neither.
_REPEATED = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {n: {type: integer}}}
  /b:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {n: {type: integer}}, required: n}
  /c:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {n: {type: integer}}, required: n}
  /d:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {n: {type: integer}}}
"""


@pytest.mark.parametrize(
    "spec",
    [
        *sorted(FIXTURES.glob("*.yaml")),
        VENDOR / "polyai-agents-api-1.0.11.json",
        VENDOR / "retell-openapi.yaml",
    ],
    ids=lambda path: path.name,
)
def test_the_same_verdict_as_checking_every_schema(spec: Path) -> None:
    assert problems(spec) == reference_problems(spec)


def test_each_repeated_mistake_is_reported_where_it_is_written(tmp_path: Path) -> None:
    spec = tmp_path / "repeated.yaml"
    spec.write_text(_REPEATED, encoding="utf-8")
    found = problems(spec)
    assert found == reference_problems(spec)
    assert [d.location for d in found] == [
        Location(str(spec), 19, 72),
        Location(str(spec), 27, 72),
    ]


def test_equal_schemas_are_checked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[Any] = []
    library = openapi.OpenAPIV31SpecValidator.keyword_validators["schema"]
    real = library._validate_schema_meta

    def counting(self: Any, schema: Any, value: Any) -> Any:
        checked.append(value)
        return real(self, schema, value)

    monkeypatch.setattr(library, "_validate_schema_meta", counting)
    spec = VENDOR / "polyai-agents-api-1.0.11.json"
    assert problems(spec) == []
    once = len(checked)
    checked.clear()
    assert reference_problems(spec) == []
    assert 0 < once < len(checked)


# OpenAPI 3.0: the document's schema checks Schema Objects itself (in the schema pass).
# The same header parameter on four operations, twice with the same mistake, and an
# inline schema written twice with the same mistake: each is reported where it is written.
_REPEATED_30 = """\
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      parameters:
        - {name: X-Trace, in: header, schema: {type: string}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, required: n}}}}
  /b:
    get:
      parameters:
        - {name: X-Trace, in: header, schema: {type: string}, style: deepObject}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, required: n}}}}
  /c:
    get:
      parameters:
        - {name: X-Trace, in: header, schema: {type: string}, style: deepObject}
      responses:
        '200': {description: ok}
  /d:
    get:
      parameters:
        - {name: X-Trace, in: header, schema: {type: string}}
      responses:
        '200': {description: ok}
"""


def test_equal_values_under_a_reference_or_a_choice_are_checked_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[openapi._CleanOutcomes] = []
    real = openapi._CleanOutcomes.__init__

    def keeping(self: openapi._CleanOutcomes, keys: openapi._ValueKeys) -> None:
        real(self, keys)
        made.append(self)

    monkeypatch.setattr(openapi._CleanOutcomes, "__init__", keeping)
    spec = VENDOR / "retell-openapi.yaml"
    assert problems(spec) == []
    references, *dialect_checks = made  # the schema pass's, then the dialect checks'
    assert references.skipped > 0 and references.clean
    assert dialect_checks and all(made.skipped > 0 for made in dialect_checks)
    made.clear()
    assert reference_problems(spec) == []
    assert made and all(made.skipped == 0 and not made.clean for made in made)


# OpenAPI 3.1: a sub-schema written in several Schema Objects, valid in some and with a
# mistake only the dialect check finds in others: each mistake is reported where it is
# written, however often the valid copy was checked before it.
_NESTED_31 = """\
openapi: 3.1.0
info: {title: t, version: '1'}
components:
  schemas:
    A: {type: object, properties: {p: {properties: {n: {type: integer}}}}}
    B: {type: object, properties: {q: {properties: {n: {type: integer}}}}}
    C: {type: object, properties: {r: {properties: {n: {type: integer}}, required: n}}}
    D: {type: object, properties: {p: {properties: {n: {type: integer}}}}, title: D}
    E: {type: object, properties: {s: {properties: {n: {type: integer}}, required: n}}}
paths: {}
"""


@pytest.mark.parametrize(
    ("text", "lines"),
    [(_REPEATED_30, [9, 13, 15, 19]), (_NESTED_31, [7, 9])],
    ids=["the schema pass (3.0)", "a sub-schema of the dialect check (3.1)"],
)
def test_each_repeated_mistake_is_reported_on_its_line(
    text: str, lines: list[int], tmp_path: Path
) -> None:
    spec = tmp_path / "repeated.yaml"
    spec.write_text(text, encoding="utf-8")
    found = problems(spec)
    assert found == reference_problems(spec)
    assert sorted({d.location.line if d.location else 0 for d in found}) == lines


def test_the_dialect_checks_use_the_registry_the_library_does() -> None:
    assert check_openapi_schema.__globals__["OPENAPI_SPECIFICATIONS"] is openapi.DIALECT_REGISTRY


def test_a_schema_check_the_library_did_not_make_is_left_as_it_is() -> None:
    def other(schema: Any) -> None:
        pass

    owner = SimpleNamespace(registry=SimpleNamespace())
    assert openapi._dialect_checker(owner, other) is other
    given = partial(OAS30Validator.check_schema, "extra")
    assert openapi._dialect_checker(owner, given) is given
