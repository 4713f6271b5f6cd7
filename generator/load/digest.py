"""The digest of an effective spec that names it everywhere: in the generated package
(`SPEC_SHA256`), in the record, and as the key of its validation verdict.

Apart from the model it is part of, so that the validation child (`validate.background`)
can be started, and work it out, before the model's and the renderer's modules are
imported.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def spec_sha256(document: dict[str, Any]) -> str:
    """A digest of the effective spec, independent of key order and formatting.

    Serialised without the check for circular references first (a tenth of the time on
    a large spec); a document that does hold one (YAML aliases can make one) fails that
    way, so it is serialised again with the check, to fail as it always has.
    """
    try:
        canonical = _canonical(document, check_circular=False)
    except RecursionError:
        canonical = _canonical(document, check_circular=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _canonical(document: dict[str, Any], *, check_circular: bool) -> str:
    return json.dumps(
        document,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        check_circular=check_circular,
    )
