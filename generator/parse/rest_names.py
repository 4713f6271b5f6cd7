"""Names by REST shape (`method_names = "rest"`), as the Stainless SDKs name their methods.

Resources are the path's static segments, nested (`/agents/{id}/metrics/results` →
`agents.metrics.results`); a version prefix (`/v2`) is left out. The method follows
from the HTTP method and whether the path ends at an item (`{id}`) or a collection:
`list`, `create`, `retrieve`, `update`, `delete`. A last segment that is a verb is an
action on what precedes it (`POST /voices/clone` → `voices.clone`). RPC-style paths
(`/create-agent`, `/get-agent/{id}`, `/list-agents`) name the resource after their
noun in the singular and the method after their verb (`get` → `retrieve`). Anything
else is named from the operationId without the resource's words (`add_to_agent`).
"""

from __future__ import annotations

import re

from generator.parse.identifiers import python_identifier, snake_case, split_words

# A word is taken as a method name (from a summary, a path or an RPC path) only when it
# is one of these.
VERBS = frozenset("""
    activate add append apply approve archive assign attach authenticate authorize batch
    cancel check claim clear clone close complete confirm connect copy count create
    deactivate decline delete deploy describe detach disable disconnect download
    duplicate edit enable end estimate evaluate execute export fetch find finish
    generate get grant import install invite join leave link list lock login logout
    localize merge move notify open patch pause ping post preview promote publish purchase put
    query read reassign redeem refresh register reject release reload remove rename
    reorder replace request reset resolve restore resume retrieve revoke rollback rotate
    run save schedule search send set share sign start stop submit subscribe suspend
    sync test transcribe transfer trigger unarchive unassign unlink unlock unpublish unregister
    unsubscribe update upgrade upload upsert validate verify view void watch
    """.split())  # noqa: SIM905 (a word list reads best as words)
_VERSION = re.compile(r"^v\d+(\.\d+)*$")
_ON_ITEM = {"get": "retrieve", "patch": "update", "put": "update", "delete": "delete"}
_ON_COLLECTION = {"get": "list", "post": "create"}
_RPC_VERBS = {"get": "retrieve"}
# Verbs that are as often nouns starting a collection's name (`/test-cases`, `/run-logs`):
# a path starting with one is not taken for an RPC call.
_NOUNS_TOO = frozenset("""
    batch check copy count invite link lock login logout preview query release report
    request run schedule set share sign start stop sync test transfer trigger view void watch
    """.split())  # noqa: SIM905 (a word list reads best as words)
_PREPOSITIONS = frozenset({"to", "from", "for", "by", "with", "in", "into", "of", "on"})
# Verbs an operationId may use for the CRUD method itself, not to name another action.
_CRUD_SYNONYMS = frozenset(
    {"get", "list", "create", "update", "delete", "retrieve", "post", "put", "patch", "fetch"}
)


def rest_name(
    path: str, http_method: str, operation_id: str | None, skip: int = 0
) -> tuple[tuple[str, ...], str] | None:
    """(resource parts, method) by the path's shape; None when the path has no words.

    `skip`: leading segments whose resource a `[resources]` prefix pin names instead;
    the parts returned are then only those below it.
    """
    segments = [s for s in path.split("/") if s]
    body = segments[skip:]
    if not skip:
        while body and _VERSION.match(body[0]):
            body = body[1:]
    statics = [s for s in body if not _is_parameter(s)]
    if not skip and statics and body[0] == statics[0]:
        rpc = _rpc_name(body[0])
        if rpc is not None:
            return rpc
    if not statics and not skip:
        return None
    parts = [python_identifier(s, fallback="resource") for s in statics]
    all_words = {w for s in segments if not _is_parameter(s) for w in _words_of(snake_case(s))}
    if segments and _is_parameter(segments[-1]):
        crud = _ON_ITEM.get(http_method)
    elif (len(statics) > 1 or skip) and statics and _is_action(statics[-1]):
        return tuple(parts[:-1]), parts[-1]
    else:
        crud = _ON_COLLECTION.get(http_method)
    remainder = _id_remainder(operation_id or "", all_words)
    if crud is None or (remainder and remainder[0] in VERBS - _CRUD_SYNONYMS):
        # `POST /stt` is `stt_transcribe`: transcribe, not create.
        return tuple(parts), "_".join(remainder) or crud or http_method
    return tuple(parts), crud


def _rpc_name(segment: str) -> tuple[tuple[str, ...], str] | None:
    """`create-agent` → (agent,), create; `list-agents` → (agent,), list."""
    words = [w.lower() for w in split_words(segment)]
    if len(words) < 2 or words[0] not in VERBS or words[0] in _NOUNS_TOO:
        return None
    noun = [*words[1:-1], _singular(words[-1])]
    return ("_".join(noun),), _RPC_VERBS.get(words[0], words[0])


def _id_remainder(operation_id: str, path_words: set[str]) -> list[str]:
    """The operationId's words less the path's, except those after a preposition.

    `agents_add-metric-to-agent` under `agents.metrics` → add, to, agent;
    `agents_download-call-audio` under `agents.calls.audio` → download.
    """
    kept: list[str] = []
    for word in (w.lower() for w in split_words(operation_id)):
        if word not in path_words or (kept and kept[-1] in _PREPOSITIONS):
            kept.append(word)
    return kept


def _words_of(name: str) -> set[str]:
    words = {w for w in name.split("_") if w}
    return words | {_singular(w) for w in words}


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _is_action(segment: str) -> bool:
    words = [w.lower() for w in split_words(segment)]
    return len(words) == 1 and words[0] in VERBS


def version_prefix(path: str) -> str | None:
    """`v2` of `/v2/list-calls`."""
    first = next((s for s in path.split("/") if s), "")
    return first if _VERSION.match(first) else None


def _is_parameter(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")
