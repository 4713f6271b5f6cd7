"""`TypedDict` and `Required` for the dict shapes of request models, on Python 3.10 too.

The dict shapes exist for type checkers; at run time (3.10 lacks `typing.Required`)
`Required[X]` only has to evaluate, so it stands for `X` there.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TypedDict

if sys.version_info >= (3, 11):
    from typing import Required
elif TYPE_CHECKING:
    from typing_extensions import Required
else:

    class Required:
        def __class_getitem__(cls, item: Any) -> Any:
            return item


__all__ = ["Required", "TypedDict"]
