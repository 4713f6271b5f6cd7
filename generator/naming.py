"""The one place that turns spec names into Python names.

Spec names are arbitrary strings (`Phone Numbers`, `agentId`, `x-api-key`, `200`,
non-ASCII, keywords). Everything that lands in generated source as an identifier
goes through these functions, so sanitising happens once and the same input always
gives the same name.
"""

from __future__ import annotations

import keyword
import re
import unicodedata

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+|[0-9]+")


def split_words(name: str) -> list[str]:
    """Split `phoneNumbers`, `phone_numbers`, `Phone Numbers`, `HTTPServer` into words."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words: list[str] = []
    for chunk in re.split(r"[^A-Za-z0-9]+", ascii_name):
        words.extend(_WORD.findall(chunk))
    return words


def snake_case(name: str) -> str:
    return "_".join(word.lower() for word in split_words(name))


def pascal_case(name: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in split_words(name))


def python_identifier(name: str, *, fallback: str = "value") -> str:
    """A snake_case identifier; keywords get a trailing underscore (`import` → `import_`)."""
    ident = snake_case(name) or fallback
    if ident[0].isdigit():
        ident = f"{fallback}_{ident}"
    if keyword.iskeyword(ident):
        ident += "_"
    return ident


def class_name(name: str, *, fallback: str = "Model") -> str:
    """A PascalCase class name; a keyword gets a trailing underscore (`None` → `None_`).

    `None`, `True` and `False` are the keywords PascalCase can produce, and a class by
    that name would not compile.
    """
    ident = name_part(name, fallback=fallback)
    return ident + "_" if keyword.iskeyword(ident) else ident


def name_part(name: str, *, fallback: str = "Model") -> str:
    """`class_name` for a piece appended to another name (`Owner` + `None`), where a
    keyword is harmless and its underscore would only get in the way."""
    ident = pascal_case(name) or fallback
    if ident[:1].isdigit():
        ident = f"{fallback}{ident}"
    return ident


def env_var_prefix(name: str) -> str:
    return snake_case(name).upper()


def unique(name: str, taken: set[str]) -> str:
    """`name`, or `name_2`, `name_3`, … whichever is free first; records the result."""
    candidate = name
    counter = 2
    while candidate in taken:
        candidate = f"{name}_{counter}" if name[-1:] != "_" else f"{name}{counter}"
        counter += 1
    taken.add(candidate)
    return candidate
