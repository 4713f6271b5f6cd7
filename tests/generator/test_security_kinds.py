"""The table of security kinds against the runtime it names: a row whose class, keyword
arguments or alternatives do not match the runtime would generate a client that fails
on import or sends the wrong credentials, so each row is checked against the real class."""

from __future__ import annotations

from typing import get_args

import msgspec
import runtime
from runtime import AuthScheme

from generator.model.api import SecurityScheme
from generator.model.security import SECURITY_KINDS, SecurityKind, kind_of, security_classes


def _runtime_scheme(scheme: SecurityScheme) -> AuthScheme:
    cls = getattr(runtime, scheme.shape.runtime_class)
    made: AuthScheme = cls(**dict(scheme.runtime_arguments()))
    return made


def _example(kind: SecurityKind) -> SecurityScheme:
    shape = SECURITY_KINDS[kind]
    settings = tuple((name, "header") for name, _ in shape.spec_settings)
    if shape.takes_scopes:
        settings += (("scope", "read"),)
    return SecurityScheme("s", kind, None, shape.credentials, settings, token_flow="flow")


def test_every_kind_has_a_row() -> None:
    assert set(SECURITY_KINDS) == set(get_args(SecurityKind))


def test_each_row_names_a_runtime_scheme_class() -> None:
    for name in security_classes():
        assert name in runtime.__all__
        assert issubclass(getattr(runtime, name), AuthScheme), name


def test_each_row_builds_its_class_with_its_keyword_arguments() -> None:
    for kind, shape in SECURITY_KINDS.items():
        assert len(shape.credential_fields) == len(shape.credentials), kind
        cls = getattr(runtime, shape.runtime_class)
        names = {field.name for field in msgspec.structs.fields(cls)}
        assert set(shape.credential_fields) <= names, kind
        assert {name for name, _ in shape.spec_settings} <= names, kind
        assert not shape.takes_scopes or "scope" in names, kind
        made = _runtime_scheme(_example(kind))
        assert made.credentials == shape.credentials, kind


def test_the_docs_and_the_runtime_agree_on_what_suffices() -> None:
    for kind in SECURITY_KINDS:
        scheme = _example(kind)
        assert _runtime_scheme(scheme).alternatives == scheme.alternatives, kind
        for credential in scheme.credentials:
            assert scheme.describe(credential), (kind, credential)


def test_a_spec_scheme_takes_the_first_row_that_matches() -> None:
    flows = {"tokenUrl": "/token", "scopes": {}}
    assert kind_of({"type": "apiKey", "in": "header", "name": "k"}) == "api_key"
    assert kind_of({"type": "http", "scheme": "Bearer"}) == "bearer"
    assert kind_of({"type": "http", "scheme": "basic"}) == "basic"
    assert kind_of({"type": "http", "scheme": "digest"}) is None
    assert kind_of({"type": "mutualTLS"}) is None
    cc = {"type": "oauth2", "flows": {"clientCredentials": flows}}
    assert kind_of(cc) == "oauth2_client_credentials"
    code = {"type": "oauth2", "flows": {"authorizationCode": flows}}
    assert kind_of(code) == "oauth2_token"
    assert kind_of({"type": "openIdConnect", "openIdConnectUrl": "https://x"}) == "oauth2_token"
