"""YAML text → JSON-compatible data plus the location of every node.

`yaml.safe_load` forgets positions, so the document is composed into marked nodes and
converted here. Conversion also pins down what OpenAPI needs and YAML does not give:
string keys (`200:` is an int key in YAML), no date objects (`2026-03-01` is a date in
YAML), no duplicate keys (YAML loaders silently keep the last one), and bounded size
and depth, checked on the event stream before anything is expanded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn, Protocol

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.diagnostics import Diagnostic, GeneratorError, Location, join_pointer
from generator.load.limits import MAX_DEPTH, MAX_NODES
from generator.load.source_map import SourceMap
from generator.load.text import Positions

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_MERGE_TAG = _TAG + "merge"
_CONSTRUCTOR = SafeConstructor()
_SCALARS: dict[str, Callable[[ScalarNode], Any]] = {
    _TAG + "str": lambda node: node.value,
    _TAG + "null": lambda node: None,
    _TAG + "bool": _CONSTRUCTOR.construct_yaml_bool,
    _TAG + "int": _CONSTRUCTOR.construct_yaml_int,
    _TAG + "float": _CONSTRUCTOR.construct_yaml_float,
    # JSON has no dates: keep the text as written rather than a `datetime.date`.
    _TAG + "timestamp": lambda node: node.value,
}


def parse_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document; every problem found is raised as one `GeneratorError`."""
    try:
        _check_bounds(text, file)
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        raise GeneratorError([_syntax_diagnostic(error, text, file)]) from None
    if root is None:
        raise GeneratorError([Diagnostic("the file is empty", Location(file, 1, 1))])
    converter = _Converter(file)
    value = converter.convert(root, "", converter.at(root))
    if converter.problems:
        raise GeneratorError(dict.fromkeys(converter.problems))
    return value, SourceMap(converter.entries)


@dataclass
class _Open:
    """A collection being parsed: its expanded size and height feed the alias bounds."""

    anchor: str | None
    size: int = 1
    height: int = 1


def _check_bounds(text: str, file: str) -> None:
    """Refuse alias bombs, self-referencing aliases and deep nesting from the event stream.

    Events cost nothing per alias, so the expanded size is computed without expanding;
    stopping at the first offending event also keeps the scanner's cost bounded, which
    grows with depth, and composing is only reached once nesting is known to be sane.
    """
    anchors: dict[str, tuple[int, int]] = {}  # anchor → (expanded size, height)
    stack: list[_Open] = []
    total = 0

    def fail(event: yaml.Event, message: str) -> NoReturn:
        raise GeneratorError([Diagnostic(message, _location(event.start_mark, file))])

    def add(event: yaml.Event, size: int, height: int) -> None:
        nonlocal total
        total += size
        if total > MAX_NODES:
            fail(event, f"the document expands to more than {MAX_NODES:,} nodes (alias bomb?)")
        if len(stack) + height > MAX_DEPTH:
            fail(event, f"the document nests deeper than {MAX_DEPTH} levels")
        if stack:
            stack[-1].size += size
            stack[-1].height = max(stack[-1].height, height + 1)

    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            add(event, 1, 1)
            stack.append(_Open(event.anchor))
        elif isinstance(event, yaml.CollectionEndEvent):
            closed = stack.pop()
            if closed.anchor is not None:
                anchors[closed.anchor] = (closed.size, closed.height)
            if stack:
                stack[-1].size += closed.size - 1  # the start event already counted one
                stack[-1].height = max(stack[-1].height, closed.height + 1)
        elif isinstance(event, yaml.ScalarEvent):
            add(event, 1, 0)
            if event.anchor is not None:
                anchors[event.anchor] = (1, 0)
        elif isinstance(event, yaml.AliasEvent):
            if any(frame.anchor == event.anchor for frame in stack):
                fail(event, f"alias *{event.anchor} refers to its own anchor (recursive alias)")
            if event.anchor in anchors:  # an undefined alias is reported by the composer
                add(event, *anchors[event.anchor])


def _syntax_diagnostic(error: yaml.YAMLError, text: str, file: str) -> Diagnostic:
    if isinstance(error, yaml.MarkedYAMLError):
        message = error.problem or "syntax error"
        if error.context:
            context = error.context
            if error.context_mark is not None:
                context += f" at {error.context_mark.line + 1}:{error.context_mark.column + 1}"
            message = f"{context}: {message}"
        return Diagnostic(f"invalid YAML: {message}", _location(error.problem_mark, file))
    if isinstance(error, yaml.reader.ReaderError):
        location = Positions(text, file).location(error.position)
        return Diagnostic(f"invalid YAML: {error.reason} (#x{error.character:04x})", location)
    return Diagnostic(f"invalid YAML: {error}", Location(file, 1, 1))


class _Mark(Protocol):
    """PyYAML's pure-Python and libyaml marks: 0-based positions."""

    line: int
    column: int


def _location(mark: _Mark | None, file: str) -> Location:
    if mark is None:
        return Location(file, 1, 1)
    return Location(file, mark.line + 1, mark.column + 1)


def _short(tag: str) -> str:
    """`!!binary` rather than `tag:yaml.org,2002:binary`, as people write it."""
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


class _Converter:
    """Marked nodes → plain data, recording pointer → location and collecting problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.entries: dict[str, Location] = {}
        self.problems: list[Diagnostic] = []

    def at(self, node: Node) -> Location:
        return _location(node.start_mark, self.file)

    def problem(self, node: Node, pointer: str, message: str) -> None:
        self.problems.append(Diagnostic(message, self.at(node), pointer))

    def unsupported(self, node: Node, pointer: str) -> None:
        message = f"unsupported YAML tag {_short(node.tag)}: OpenAPI documents are JSON data"
        self.problem(node, pointer, message)

    def convert(self, node: Node, pointer: str, location: Location) -> Any:
        """One frame per nesting level, so the depth bound keeps clear of the recursion limit."""
        self.entries[pointer] = location
        if isinstance(node, MappingNode):
            if node.tag != _TAG + "map":
                self.unsupported(node, pointer)
            mapping: dict[str, Any] = {}
            for key, (key_node, value_node) in self._members(node, pointer).items():
                child = join_pointer(pointer, key)
                mapping[key] = self.convert(value_node, child, self.at(key_node))
            return mapping
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                self.unsupported(node, pointer)
            sequence: list[Any] = []
            for index, item in enumerate(node.value):  # a loop, as a comprehension is a frame
                sequence.append(self.convert(item, join_pointer(pointer, index), self.at(item)))
            return sequence
        assert isinstance(node, ScalarNode)  # the only other kind of node
        return self._scalar(node, pointer)

    def _scalar(self, node: ScalarNode, pointer: str) -> Any:
        construct = _SCALARS.get(node.tag)
        if construct is None:
            self.unsupported(node, pointer)
            return None
        try:
            return construct(node)
        except (ValueError, yaml.YAMLError):
            self.problem(node, pointer, f"{node.value!r} is not a valid {_short(node.tag)}")
            return None

    def _members(self, node: MappingNode, pointer: str) -> dict[str, tuple[Node, Node]]:
        """Key → (key node, value node), with YAML merge keys (`<<: *base`) applied.

        As in PyYAML, merged keys come first and the mapping's own keys override them;
        only the mapping's own keys can be duplicates.
        """
        own: dict[str, tuple[Node, Node]] = {}
        inherited: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                for source in self._merge_sources(value_node, pointer):
                    for key, member in self._members(source, pointer).items():
                        inherited.setdefault(key, member)
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, pointer, "a mapping key must be a string")
                continue
            key = key_node.value  # the text as written: `200:` is the key "200"
            if key in own:
                first = self.at(own[key][0])
                message = f"duplicate key {key!r}, first defined at {first.line}:{first.col}"
                self.problem(key_node, join_pointer(pointer, key), message)
                continue
            own[key] = (key_node, value_node)
        return {**inherited, **own}

    def _merge_sources(self, node: Node, pointer: str) -> list[MappingNode]:
        if isinstance(node, MappingNode):
            return [node]
        if isinstance(node, SequenceNode) and all(isinstance(n, MappingNode) for n in node.value):
            return list(node.value)
        self.problem(node, pointer, "a merge key (<<) takes a mapping or a list of mappings")
        return []
