"""External `$ref`s → one self-contained document ("bundling").

A `$ref` to another file (`schemas/pet.yaml#/Pet`, `common.json`) is resolved relative
to the file that contains it, and must stay inside the spec's root folder: the API is
what its folder holds, never a URL, an absolute path or a file next to the folder.
Each referenced file is read once and its content placed in the document under the
reserved top-level key `x-clientgen-external`, keyed first by its folder relative to
the root (`.` for the root itself), then by its file stem; the `$ref` becomes a local
pointer into that copy. Later stages thus see only local references, and a schema
referenced as a whole file (`schemas/pet.yaml`) ends in the token `pet`, the name its
model class takes. References inside a bundled file are rewritten the same way, local
ones (`#/...`, meaning that file's own root) into its copy.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Diagnostic, GeneratorError, join_pointer
from generator.load.documents import display_name, read_document
from generator.load.levels import levels
from generator.load.limits import MAX_EXTERNAL_FILES
from generator.load.references import EXTERNAL_KEY, references, resolve
from generator.load.source_map import SourceMap

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass(frozen=True)
class _File:
    folder: Path  # as reached (normalised, symlinks kept): the base of its references
    document: Any
    source_map: SourceMap  # pointers within this file
    pointer: str  # where its content sits in the bundled document; "" for the main one


def bundle_external_refs(
    document: dict[str, Any], source_map: SourceMap, root: Path, main_files: Sequence[Path]
) -> tuple[set[Path], list[Diagnostic]]:
    """Bundle every file `document` references, in place.

    `root` is the folder references may not leave; `main_files` are the files
    `document` was read from (references to them point into `document`). Returns the
    resolved paths of the files referenced, and every problem found.
    """
    bundler = _Bundler(root, main_files, _File(root, document, source_map, ""))
    bundler.run()
    if bundler.section:
        if EXTERNAL_KEY in document:
            message = f"{EXTERNAL_KEY} is reserved for the content of files referenced by $ref"
            at = join_pointer("", EXTERNAL_KEY)
            bundler.problems.insert(0, Diagnostic(message, source_map.locate(at), at))
        else:
            document[EXTERNAL_KEY] = bundler.section
            for file in bundler.loaded:
                source_map.graft(file.pointer, file.source_map, "")
    return set(bundler.by_real) - {path.resolve() for path in main_files}, bundler.problems


def _may_reference_files(document: Any) -> bool:
    """False if no object anywhere in `document` has a string `$ref` not starting with '#'.

    A cheap test before `references()`, which walks node by node: most specs reference
    no other file, and then the main document needs no walk at all. Example data and
    extensions are searched too, so a `$ref` there only costs the full walk.
    """
    for objects, _ in levels(document):
        for ref in map(dict.get, objects, repeat("$ref")):
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
    return False


class _Unfollowable(Exception):
    """A reference that cannot be bundled; the message says why."""


class _Bundler:
    def __init__(self, root: Path, main_files: Sequence[Path], main: _File) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.by_real: dict[Path, _File | None] = {p.resolve(): main for p in main_files}
        self.queue: list[_File] = [main]
        self.loaded: list[_File] = []
        self.section: dict[str, dict[str, Any]] = {}
        self.problems: list[Diagnostic] = []
        self._rewritten: set[int] = set()

    def run(self) -> None:
        while self.queue:
            file = self.queue.pop(0)
            if not file.pointer and not _may_reference_files(file.document):
                continue  # the main document's local references stay as written
            for pointer, node in list(references(file.document, bundled=False)):
                if id(node) in self._rewritten:  # the same object reached twice
                    continue
                self._rewritten.add(id(node))
                ref = node["$ref"]
                if ref.startswith("#"):
                    if file.pointer and (ref == "#" or ref.startswith("#/")):
                        node["$ref"] = "#" + file.pointer + ref[1:]
                    continue
                at = join_pointer(pointer, "$ref")
                try:
                    local = self._external(file, ref)
                except _Unfollowable as error:
                    self.problems.append(Diagnostic(str(error), file.source_map.locate(at), at))
                    continue
                if local is not None:
                    node["$ref"] = local

    def _external(self, file: _File, ref: str) -> str | None:
        """The local pointer replacing the external `ref` written in `file`.

        None if the target file cannot be read, which is reported where the file is.
        """
        reference, _, fragment = ref.partition("#")
        if _SCHEME.match(reference):
            raise _Unfollowable(
                f"$ref {ref!r} is a URL: only files in the spec's folder can be referenced"
            )
        relative = unquote(reference)
        if PurePosixPath(relative).is_absolute() or PureWindowsPath(relative).is_absolute():
            raise _Unfollowable(f"$ref {ref!r} is an absolute path: write it relative to this file")
        path = Path(os.path.normpath(file.folder / relative))
        try:
            real = path.resolve()
        except (OSError, RuntimeError) as error:  # a symlink loop, say
            raise _Unfollowable(f"$ref {ref!r}: cannot resolve {display_name(path)}") from error
        if not real.is_relative_to(self.real_root):
            where = display_name(self.root)
            raise _Unfollowable(f"$ref {ref!r} leaves the spec's folder {where}")
        if not real.exists():
            raise _Unfollowable(f"$ref {ref!r}: no such file {display_name(path)}")
        if not real.is_file():
            raise _Unfollowable(f"$ref {ref!r}: {display_name(path)} is not a file")
        if fragment and not fragment.startswith("/"):
            raise _Unfollowable(
                f"unsupported $ref {ref!r}: only JSON pointer fragments are supported"
            )
        if real in self.by_real:
            target = self.by_real[real]
        elif len(self.loaded) >= MAX_EXTERNAL_FILES:
            raise _Unfollowable(f"more than {MAX_EXTERNAL_FILES} files referenced by $ref")
        else:
            target = self._file(path, real)
        if target is None:  # unreadable; its own problems are reported already
            return None
        try:
            resolve(target.document, unquote(fragment))
        except LookupError:
            raise _Unfollowable(
                f"unresolved $ref {ref!r}: no {unquote(fragment)} in {display_name(path)}"
            ) from None
        return "#" + target.pointer + fragment

    def _file(self, path: Path, real: Path) -> _File | None:
        """Read a file not seen before and give it its place in the bundled section."""
        self.by_real[real] = None
        try:
            doc = read_document(path)
        except GeneratorError as error:
            self.problems.extend(error.diagnostics)
            return None
        relative = PurePosixPath(real.relative_to(self.real_root).as_posix())
        folder = str(relative.parent)
        files = self.section.setdefault(folder, {})
        key = relative.stem if relative.stem and relative.stem not in files else relative.name
        counter = 2
        while key in files:
            key = f"{relative.name}-{counter}"
            counter += 1
        files[key] = doc.document
        pointer = join_pointer("", EXTERNAL_KEY, folder, key)
        file = _File(path.parent, doc.document, doc.source_map, pointer)
        self.by_real[real] = file
        self.loaded.append(file)
        self.queue.append(file)
        return file
