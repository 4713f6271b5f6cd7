"""Bounds on what one input file may expand to.

YAML aliases let a few lines stand for billions of nodes ("billion laughs"), and deep
nesting exhausts the stack of every recursive stage after loading. Vendored specs are
nowhere near these numbers, so hitting one means a broken or hostile file.
"""

MAX_NODES = 2_000_000
MAX_DEPTH = 500
# Files one API may pull in through external `$ref`s (each bounded as above).
MAX_EXTERNAL_FILES = 1_000
