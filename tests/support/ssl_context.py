"""One default SSL context for every httpx client the test run creates.

A client the runtime makes for itself (no `http_client=` given) builds httpx's default
transport, and with it an SSL context that loads the whole CA bundle: tens of
milliseconds, paid about 150 times a run by tests that only speak plain HTTP to
127.0.0.1. The default context (verify=True, no client certificate) is built once per
environment and shared; any other verify or cert argument gets its own, as before.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx._transports.default as transports

Factory = Callable[..., ssl.SSLContext]


def sharing(original: Factory) -> Factory:
    """`original` (httpx's create_ssl_context), building the default context only once."""
    shared: dict[tuple[bool, str | None, str | None], ssl.SSLContext] = {}

    def create(verify: Any = True, cert: Any = None, trust_env: bool = True) -> ssl.SSLContext:
        if verify is not True or cert is not None:
            return original(verify=verify, cert=cert, trust_env=trust_env)
        # The default context follows these variables when trust_env is on.
        key = (trust_env, os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
        if key not in shared:
            shared[key] = original(verify=True, cert=None, trust_env=trust_env)
        return shared[key]

    return create


@contextmanager
def one_default_ssl_context() -> Iterator[None]:
    # httpx's transports call the name they imported, so that is the one replaced.
    original: Factory = getattr(transports, "create_ssl_context")  # noqa: B009
    setattr(transports, "create_ssl_context", sharing(original))  # noqa: B010
    try:
        yield
    finally:
        setattr(transports, "create_ssl_context", original)  # noqa: B010
