"""`generator.naming`'s functions as the model builder calls them: remembered.

A large spec names the same property, parameter and tag thousands of times (GitHub's
has 9,000 properties under 1,500 names), and each name is split into words with regular
expressions and Unicode normalisation. The functions are pure, so each text is named
once per process; the caches are bounded, so that a process generating many specs does
not keep every name it met.
"""

from __future__ import annotations

from functools import lru_cache

from generator import naming

_SIZE = 16384


@lru_cache(maxsize=_SIZE)
def _name_part(name: str, fallback: str) -> str:
    return naming.name_part(name, fallback=fallback)


@lru_cache(maxsize=_SIZE)
def _class_name(name: str, fallback: str) -> str:
    return naming.class_name(name, fallback=fallback)


@lru_cache(maxsize=_SIZE)
def _python_identifier(name: str, fallback: str) -> str:
    return naming.python_identifier(name, fallback=fallback)


@lru_cache(maxsize=_SIZE)
def snake_case(name: str) -> str:
    """`naming.snake_case`."""
    return naming.snake_case(name)


@lru_cache(maxsize=_SIZE)
def split_words(name: str) -> tuple[str, ...]:
    """`naming.split_words`, as a tuple: the one answer is shared by every caller."""
    return tuple(naming.split_words(name))


def name_part(name: str, *, fallback: str = "Model") -> str:
    """`naming.name_part`."""
    return _name_part(name, fallback)


def class_name(name: str, *, fallback: str = "Model") -> str:
    """`naming.class_name`."""
    return _class_name(name, fallback)


def python_identifier(name: str, *, fallback: str = "value") -> str:
    """`naming.python_identifier`."""
    return _python_identifier(name, fallback)
