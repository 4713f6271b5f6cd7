"""Which OpenAPI versions the generator accepts, checked before anything reads the document."""

from __future__ import annotations

import re
from typing import Literal

from generator.diagnostics import GeneratorError
from generator.load import LoadedSpec, diagnostic_at
from generator.load.documents import describe

_SUPPORTED = re.compile(r"3\.([01])\.\d+(-.+)?")


def openapi_minor(spec: LoadedSpec) -> Literal["3.0", "3.1"]:
    """The document's OpenAPI minor version; anything else is refused with a located error."""
    document = spec.document
    if "swagger" in document:
        message = (
            f"Swagger {document['swagger']} is not supported: convert the document to "
            "OpenAPI 3.0 or 3.1"
        )
        raise GeneratorError([diagnostic_at(spec, "/swagger", message)])
    if "openapi" not in document:
        raise GeneratorError([diagnostic_at(spec, "", "missing openapi version")])
    version = document["openapi"]
    if not isinstance(version, str):
        message = f"openapi must be a version string such as '3.1.0', not {describe(version)}"
        raise GeneratorError([diagnostic_at(spec, "/openapi", message)])
    match = _SUPPORTED.fullmatch(version)
    if match is None:
        message = f"OpenAPI {version} is not supported: expected 3.0.x or 3.1.x"
        raise GeneratorError([diagnostic_at(spec, "/openapi", message)])
    return "3.0" if match.group(1) == "0" else "3.1"
