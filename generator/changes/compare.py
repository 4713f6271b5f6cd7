"""The previous surface against the new one: the report of what changed for callers.

An API that appears or disappears is one change; otherwise its client, servers,
methods and models are compared. Within an API the breaking changes come first,
each group in surface order, so the same two surfaces always give the same report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.changes.change import ApiChanges, Change, Report, breaking, compatible
from generator.changes.compare_methods import method_changes
from generator.changes.compare_models import model_changes
from generator.changes.manifest import Surfaces


def compare_surfaces(old: Surfaces, new: Surfaces) -> Report:
    apis = []
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if after is None:
            assert before is not None
            changes = [breaking(before["module"], "API removed; imports of it fail")]
        elif before is None:
            changes = [compatible(after["module"], f"new API, client `{after['client']['sync']}`")]
        else:
            changes = _api_changes(before, after)
        if changes:
            surface = after or before
            assert surface is not None
            versions = (
                before["version"] if before else "",
                after["version"] if after else "",
            )
            ordered = sorted(changes, key=lambda c: not c.breaking)  # stable: breaking first
            apis.append(
                ApiChanges(name, surface["module"], surface["title"], versions, tuple(ordered))
            )
    return Report(tuple(apis))


def _api_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    changes: list[Change] = []
    if old["module"] != new["module"]:
        changes.append(
            breaking(old["module"], f"moved to `{new['module']}`; imports of the old path fail")
        )
    changes += _client(old["client"], new["client"])
    client = new["client"]["sync"]
    changes += _servers(client, old["servers"], new["servers"])
    changes += _server_variables(
        client, old["servers"].get("variables", {}), new["servers"].get("variables", {})
    )
    changes += method_changes(client, old["methods"], new["methods"])
    changes += model_changes(old["models"], new["models"])
    return changes


def _client(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    changes = [
        breaking(old[kind], f"renamed to `{new[kind]}`; imports of the old name fail")
        for kind in ("sync", "async")
        if old[kind] != new[kind]
    ]
    subject = new["sync"]
    old_key, new_key = old["api_key_env"], new["api_key_env"]
    if old_key is None and new_key is not None:
        changes.append(
            breaking(
                subject,
                f"now needs an API key (`api_key=` or `{new_key}`); without one, creating it fails",
            )
        )
    elif old_key is not None and new_key is None:
        changes.append(compatible(subject, "no longer needs an API key"))
    elif old_key != new_key:
        changes.append(
            breaking(subject, f"reads its API key from `{new_key}`, no longer from `{old_key}`")
        )
    changes += _credentials(
        subject, old.get("credentials"), new.get("credentials"), new.get("credential_kinds")
    )
    if old["base_url_env"] != new["base_url_env"]:
        changes.append(
            breaking(
                subject,
                f"reads its base URL from `{new['base_url_env']}`, "
                f"no longer from `{old['base_url_env']}`",
            )
        )
    return changes


def _credentials(
    client: str,
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
    kinds: Mapping[str, str] | None,
) -> list[Change]:
    """Credential arguments of the client (surfaces older than them record none); a new
    one is named with the kind of scheme it is for, when the surface records kinds."""
    if old is None or new is None:
        return []
    changes = []
    for name in sorted(set(old) | set(new)):
        subject = f"{client}({name}=...)"
        if name not in new:
            changes.append(breaking(subject, "credential removed; calls passing it fail"))
        elif name not in old:
            kind = f", for {kinds[name]}" if kinds and name in kinds else ""
            changes.append(compatible(subject, f"new credential{kind} (or `{new[name]}`)"))
        elif old[name] != new[name]:
            changes.append(
                breaking(subject, f"read from `{new[name]}`, no longer from `{old[name]}`")
            )
    return changes


def _server_variables(client: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    changes = []
    for name in sorted(set(old) | set(new)):
        subject = f"{client}({name}=...)"
        if name not in new:
            changes.append(breaking(subject, "server variable removed; calls passing it fail"))
        elif name not in old:
            changes.append(compatible(subject, "new argument filling the server URL"))
        else:
            if old[name]["defaults"] != new[name]["defaults"]:
                changes.append(
                    compatible(
                        subject,
                        f"default changed from {old[name]['defaults']} to "
                        f"{new[name]['defaults']}; clients that leave it out reach another URL",
                    )
                )
            removed = [v for v in old[name]["enum"] if v not in new[name]["enum"]]
            if removed and new[name]["enum"]:
                changes.append(breaking(subject, f"no longer accepts {removed}"))
    return changes


def _servers(client: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Servers by name when a parameter selects them; otherwise only the default's URL."""
    parameter = new["parameter"]
    if old["parameter"] is not None and old["parameter"] != parameter:
        now = f"renamed to `{parameter}=`" if parameter else "removed"
        return [breaking(f"{client}({old['parameter']}=...)", f"{now}; calls passing it fail")]
    if old["parameter"] is None and parameter is not None:
        return [compatible(f"{client}({parameter}=...)", "new argument to pick the server")]
    changes: list[Change] = []
    if parameter is None:
        # Callers cannot name the one server: only its URL matters.
        old_url, new_url = (next(iter(s["choices"].values()), None) for s in (old, new))
        if new_url is None and old_url is not None:
            changes.append(breaking(f"{client}()", "no default server any more; pass `base_url=`"))
        elif old_url is not None and old_url != new_url:
            changes.append(compatible(f"{client}()", f"server moved to {new_url} (was {old_url})"))
        return changes
    old_choices, new_choices = old["choices"], new["choices"]
    for name in sorted(set(old_choices) | set(new_choices)):
        subject = f"{client}({parameter}={name!r})" if parameter else f"{client}()"
        if name not in new_choices:
            if parameter:
                changes.append(breaking(subject, "server removed; creating a client with it fails"))
            else:
                changes.append(breaking(subject, "no default server any more; pass `base_url=`"))
        elif name not in old_choices:
            changes.append(compatible(subject, f"new server {new_choices[name]}"))
        elif old_choices[name] != new_choices[name]:
            changes.append(
                compatible(
                    subject, f"server moved to {new_choices[name]} (was {old_choices[name]})"
                )
            )
    if parameter and old["default"] != new["default"]:
        changes.append(
            compatible(
                f"{client}()",
                f"default server is now {new['default']!r} (was {old['default']!r})",
            )
        )
    return changes
