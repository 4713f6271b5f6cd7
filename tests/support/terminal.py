"""What a program wrote to a pseudo-terminal, for tests of output meant for a person."""

from __future__ import annotations

import os


def read_until_closed(terminal: int) -> bytes:
    """Everything written to the pseudo-terminal whose main side is `terminal`, until the
    program on the other side closes it (Linux then raises OSError instead of EOF)."""
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)
