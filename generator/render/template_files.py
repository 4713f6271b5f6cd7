"""Where the templates are: inside the installed generator, or beside it in a checkout.

A wheel ships them as the `generator/templates` folder (pyproject maps the repository's
`templates/` there); an editable install or a checkout run keeps them where they are
in the repository, one level above the `generator` package.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def templates_dir() -> Path:
    packaged = Path(str(resources.files("generator"))) / "templates"
    if (packaged / "runtime").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "templates"
