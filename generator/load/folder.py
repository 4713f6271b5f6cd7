"""Finding an API's files and running them through parse → merge → overlay."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostic, GeneratorError
from generator.load.bundle import bundle_external_refs
from generator.load.documents import SourceDocument, display_name, read_document
from generator.load.merge import merge_fragments
from generator.load.spec import LoadedSpec

_SUFFIXES = frozenset({".yaml", ".yml", ".json"})


def load_api_folder(folder: Path) -> LoadedSpec:
    """Load every fragment and overlay in `folder` (not its subfolders), in file-name order.

    Dot-files are skipped: they are tool configuration (linters, editors), not the API.
    Other files, such as `api.toml`, belong to later stages. Files referenced by an
    external `$ref` are bundled in last, after the overlays; such a file may also sit in
    `folder` itself, and is then neither a fragment nor an overlay.
    """
    if not folder.is_dir():
        raise GeneratorError([Diagnostic(f"{display_name(folder)} is not a folder")])
    paths = sorted(
        (path for path in folder.iterdir() if _is_input(path)), key=lambda path: path.name
    )
    documents, problems = _read_all(paths)
    fragments: list[tuple[Path, SourceDocument]] = []
    overlays: list[SourceDocument] = []
    others: list[tuple[Path, Diagnostic]] = []
    for path, doc in documents:
        if _is_openapi(doc):
            fragments.append((path, doc))
        elif "overlay" in doc.document:
            overlays.append(doc)
        else:
            message = "neither an OpenAPI document nor an overlay (no top-level openapi or overlay)"
            others.append((path, Diagnostic(message, doc.source_map.get(""), "")))
    if problems or not fragments:
        problems.extend(diagnostic for _, diagnostic in others)
        if not problems:
            message = f"{display_name(folder)} holds no OpenAPI document (*.yaml, *.yml or *.json)"
            problems.append(Diagnostic(message))
        raise GeneratorError(problems)
    document, source_map = merge_fragments([doc for _, doc in fragments])
    overlay_problems: list[Diagnostic] = []
    for overlay in overlays:
        # Imported here: without an overlay, its JSONPath library is not loaded.
        from generator.load.overlay import apply_overlay

        try:
            apply_overlay(document, source_map, overlay)
        except GeneratorError as error:
            overlay_problems.extend(error.diagnostics)
    if overlay_problems:
        raise GeneratorError(overlay_problems)
    referenced, problems = bundle_external_refs(
        document, source_map, folder, [path for path, _ in fragments]
    )
    problems.extend(d for path, d in others if path.resolve() not in referenced)
    if problems:
        raise GeneratorError(problems)
    return LoadedSpec(folder.resolve().name, document, source_map)


def load_spec_file(path: Path) -> LoadedSpec:
    """Load one complete OpenAPI document as it is: no fragments, no overlays.

    Files it references by external `$ref` are bundled in; they must be in its folder.
    """
    doc = read_document(path)
    if not _is_openapi(doc):
        what = "an overlay" if "overlay" in doc.document else "not an OpenAPI document"
        message = f"{what}: expected a top-level openapi (overlays apply to an API folder)"
        raise GeneratorError([Diagnostic(message, doc.source_map.get(""), "")])
    referenced, problems = bundle_external_refs(doc.document, doc.source_map, path.parent, [path])
    if problems:
        raise GeneratorError(problems)
    return LoadedSpec(path.stem, doc.document, doc.source_map, (path, *sorted(referenced)))


def _is_input(path: Path) -> bool:
    return path.suffix.lower() in _SUFFIXES and not path.name.startswith(".") and path.is_file()


def _is_openapi(doc: SourceDocument) -> bool:
    """Swagger 2.0 counts, so that validation can say it is unsupported rather than unknown."""
    return "openapi" in doc.document or "swagger" in doc.document


def _read_all(paths: list[Path]) -> tuple[list[tuple[Path, SourceDocument]], list[Diagnostic]]:
    """Parse every file before giving up, so that one run reports every broken file."""
    documents: list[tuple[Path, SourceDocument]] = []
    problems: list[Diagnostic] = []
    for path in paths:
        try:
            documents.append((path, read_document(path)))
        except GeneratorError as error:
            problems.extend(error.diagnostics)
    return documents, problems
