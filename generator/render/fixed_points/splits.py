"""Statements over several rows: the splits black makes of a line, checked bracket by
bracket (`left_hand_split`, `right_hand_split`, `delimiter_split`)."""

from __future__ import annotations

import itertools

from generator.render.fixed_points.lexicon import (
    ATOM_KEYWORDS,
    CLOSING,
    KEYWORDS,
    LINE_LENGTH,
    OPENING,
    Refused,
    Token,
    closing_index,
)


def check_exploded(
    tokens: list[Token],
    indent: int,
    kind: str,
    lines: list[str],
    long_rows: set[int],
    wrapped: set[int] | None = None,
) -> None:
    """A statement over several rows: black's split of it, element by element. Each
    parameter annotation in parentheses of its own (`wrapped`: where they open) that is
    black's split is taken out of `wrapped`."""
    first_row = [t for t in tokens if t.row == tokens[0].row]
    opening = first_row[-1]
    if opening.kind != "op" or opening.text not in OPENING:
        raise Refused
    head = first_row[:-1]
    one_row_body = True  # see `_check_body`
    if kind == "def":
        # `left_hand_split`: at the first bracket, the parameters; a body left on one
        # row would get a trailing comma (`_ensure_trailing_comma`).
        if [t.text for t in head][-2:-1] != ["def"] or opening.text != "(":
            raise Refused
        one_row_body = False
    elif kind == "class":
        if len(head) != 2 or opening.text != "(":
            raise Refused
    elif kind in ("assignment", "return", "call", "import"):
        # `right_hand_split` at the last bracket. A `return` or an assignment has
        # optional parentheses around its value, omitted when the value has no
        # delimiter outside brackets (`can_omit_invisible_parens`) and no bracket is
        # left of the `=` (`_prefer_split_rhs_oop_over_rhs`); a call statement has none.
        _check_head(head, kind)
        if kind == "import":
            if opening.text != "(":
                raise Refused
            one_row_body = False  # an import gets a trailing comma too
    else:
        raise Refused
    opening_index = tokens.index(opening)
    imported = kind == "import"
    parameters = wrapped if kind == "def" else None
    end = _check_body(
        tokens, opening_index, indent, lines, long_rows, one_row_body, imported, parameters
    )
    tail = tokens[end:]
    closing = tail[0]
    if kind == "def" and tail[-1].row != closing.row:
        _check_split_return(tail, indent, lines, long_rows)
        return
    if kind in ("assignment", "call") and tail[-1].row != closing.row:
        _check_called_subscript(tokens, opening_index, end, indent, lines, long_rows)
        return
    if closing.col != indent or any(t.row != closing.row for t in tail):
        raise Refused
    if kind == "def":
        return  # the return annotation was read, and has no magic comma
    rest = [t.text for t in tail[1:]]
    if rest not in ([], [":"]) or (rest == [":"]) != (kind == "class"):
        raise Refused


def _check_called_subscript(
    tokens: list[Token],
    opening_index: int,
    end: int,
    indent: int,
    lines: list[str],
    long_rows: set[int],
) -> None:
    """A call of a subscript (`_X = Endpoint[models.Long](...)`) split at the call's
    parentheses, whose first row (`_X = Endpoint[models.Long](`) was too long and is split
    in its turn at the subscript's bracket: `_X = Endpoint[` / the one item on a row of
    its own / `](` / the call's arguments / `)`. black omits the value's optional
    parentheses (`_prefer_split_rhs_oop_over_rhs`: no bracket left of the `=`) and keeps
    that split although its first row is too long (no trailer could be left out: the
    arguments are too long to stay on it), then splits that row again at its last bracket.
    `end` is the subscript's closing bracket, checked by `_check_body` as a row too long
    for one row whose item fits."""
    opening = tokens[opening_index]
    item = tokens[opening_index + 1 : end]
    call = end + 1
    if opening.text != "[" or not _is_trailer(tokens, opening_index):
        raise Refused
    if any(t.row != item[0].row or t.end_row != item[0].row for t in item):
        raise Refused  # one item, on one row (`_check_body` put no comma after it)
    closing = tokens[end]
    if call >= len(tokens) or tokens[call].text != "(" or tokens[call].row != closing.row:
        raise Refused
    if closing.col != indent or not _ends_row(tokens, call):
        raise Refused
    last = _check_body(tokens, call, indent, lines, long_rows, True)
    tail = tokens[last:]
    if tail[0].col != indent or len(tail) != 1:
        raise Refused


def _check_split_return(
    tail: list[Token], indent: int, lines: list[str], long_rows: set[int]
) -> None:
    """A signature's last line too long for one row, `) -> X[` / the items / `]:`: black
    splits it at the return annotation's optional parentheses, omitted (nothing in `X`
    is a delimiter), at the subscript's bracket; the items stay on one row when they fit
    and hold no trailing comma (`should_split_line`), else they are one a row, each with
    its comma (`delimiter_split`, the last one magic)."""
    texts = [t.text for t in tail]
    if texts[:2] != [")", "->"] or texts[-2:] != ["]", ":"] or tail[0].col != indent:
        raise Refused
    bracket = texts.index("[") if "[" in texts else -1
    name = tail[2:bracket]
    if bracket < 3 or any(t.row != tail[0].row for t in tail[: bracket + 1]):
        raise Refused
    if [t.kind for t in name[::2]] != ["name"] * len(name[::2]) or any(
        t.text != "." for t in name[1::2]
    ):
        raise Refused  # the annotation before the bracket: a dotted name
    items = tail[bracket + 1 : -2]
    closing = tail[-2]
    if items and items[-1].text == ",":
        end = _check_body(tail, bracket, indent, lines, long_rows, False)
        if end != len(tail) - 2 or tail[-1].row != closing.row:
            raise Refused
        return
    if not items or items[0].col != indent + 4:
        raise Refused
    if any(t.row != items[0].row for t in items) or closing.row == items[0].row:
        raise Refused
    if closing.col != indent or tail[-1].row != closing.row:
        raise Refused
    rows = [lines[tail[0].row], lines[items[0].row], lines[closing.row]]
    if not all(row.isascii() for row in rows) or len(rows[0]) + len(rows[1].strip()) + 2 <= (
        LINE_LENGTH
    ):
        raise Refused  # it would fit on one row: black joins it


def _check_head(head: list[Token], kind: str) -> None:
    """What precedes the bracket a statement is split at: names and dots outside
    brackets, and no bracket left of an assignment's `=` nor a dot after a bracket."""
    depth = 0
    seen_value = kind in ("call", "import")
    previous: Token | None = None
    for token in head:
        text = token.text
        if token.kind == "op" and text in OPENING:
            if not seen_value:
                raise Refused
            depth += 1
        elif token.kind == "op" and text in CLOSING:
            depth -= 1
        elif depth == 0:
            if token.kind == "op" and text == "=":
                seen_value = True
            elif token.kind == "op" and text == ".":
                if previous is not None and previous.text in CLOSING and kind != "call":
                    raise Refused  # a dot after a bracket is a delimiter
            elif token.kind == "op" and text != ":":
                raise Refused
            elif token.kind == "name" and text == "return":
                seen_value = True
        previous = token
    if depth:
        raise Refused


def is_wrapped_annotation(
    tokens: list[Token], closing_at: int, indent: int, lines: list[str], long_rows: set[int]
) -> bool:
    """Whether the annotated assignment is black's split of a line too long for one row
    at its annotation's optional parentheses, made visible: `NAME: (`, the annotation,
    `)` with the value if any (`= VALUE`, one token).

    With a value, black first tries the value's parentheses (the split
    `is_wrapped_value` checks) and prefers the annotation's when the row before the
    value would be too long or holds a magic comma (`_prefer_split_rhs_oop_over_rhs`);
    black keeps the annotation's parentheses only when it cannot omit them
    (`can_omit_invisible_parens`: more than one `|` outside brackets, or one between a
    name first and a name last). The annotation is on one row, or split at its `|`s
    (`delimiter_split`), each operand after the first starting a row with its `|`, an
    operand split in its turn at its last bracket.
    """
    opening = tokens[2]
    if [t.text for t in tokens[:2]] != [tokens[0].text, ":"] or tokens[0].kind != "name":
        return False
    if opening.text != "(" or tokens[3].row == opening.row:
        return False
    body = tokens[3:closing_at]
    closing = tokens[closing_at]
    tail = tokens[closing_at:]
    inner = indent + 4
    if body[0].col != inner or closing.col != indent or any(t.row != closing.row for t in tail):
        return False
    value = [t.text for t in tail[1:]]
    if value and (len(value) != 2 or tail[2].kind not in ("name", "number", "string")):
        return False
    operands = _operands(body)
    bars = len(operands) - 1
    if not bars or (bars == 1 and (body[0].kind != "name" or body[-1].kind != "name")):
        return False
    target = lines[opening.row][:-1]  # `NAME: `
    if all(t.row == body[0].row for t in body):
        rows = [lines[opening.row], lines[body[0].row], lines[closing.row]]
        if not all(row.isascii() for row in rows):
            return False
        annotation = lines[body[0].row].strip()
        if value:
            # The row black would write with the value in parentheses, too long.
            return len(target) + len(annotation) + len(" = (") > LINE_LENGTH
        return len(target) + len(annotation) > LINE_LENGTH
    # Split at its `|`s: the joined annotation is too long for its row, or holds a magic
    # comma, which makes black split it whatever its length (and prefer the annotation's
    # parentheses).
    split = _split_at_bars(tokens, operands, inner, lines, long_rows)
    if split is None:
        return False
    one_row, magic = split
    return magic or (one_row.isascii() and inner + len(one_row) > LINE_LENGTH)


def _operands(union: list[Token]) -> list[list[Token]]:
    """A union's operands: its tokens between the `|`s outside brackets, each `|` with
    the operand after it."""
    operands: list[list[Token]] = [[]]
    depth = 0
    for token in union:
        if token.kind == "op" and token.text in OPENING:
            depth += 1
        elif token.kind == "op" and token.text in CLOSING:
            depth -= 1
        elif depth == 0 and token.kind == "op" and token.text == "|":
            operands.append([])
        operands[-1].append(token)
    return operands


def _split_at_bars(
    tokens: list[Token],
    operands: list[list[Token]],
    inner: int,
    lines: list[str],
    long_rows: set[int],
) -> tuple[str, bool] | None:
    """A union in its optional parentheses over several rows, if it is split as
    `delimiter_split` splits it at its `|`s: each operand on rows of its own at `inner`,
    each after the first starting with its `|`, an operand split in its turn at its last
    bracket. The union joined on one row, and whether an operand holds a magic comma;
    None if it is split otherwise."""
    magic = False
    joined: list[str] = []  # the operands, each joined on one row
    for number, operand in enumerate(operands):
        first = operand[0]
        before = tokens[tokens.index(first) - 1]
        if first.col != inner or before.end_row == first.row or (number and first.text != "|"):
            return None
        operand_rows = range(first.row, operand[-1].end_row + 1)
        joined.append("".join(lines[row].strip() for row in operand_rows))
        if all(t.row == first.row for t in operand):
            continue
        rest = operand[1:] if number else operand
        bracket = next(
            (i for i, t in enumerate(rest) if t.kind == "op" and t.text in OPENING), None
        )
        if bracket is None or rest[bracket].row != first.row or not _ends_row(rest, bracket):
            return None
        _check_element_head(rest[:bracket])
        end = _check_body(tokens, tokens.index(rest[bracket]), inner, lines, long_rows, True)
        if tokens[end] is not operand[-1]:
            return None  # something after the operand's closing bracket
        magic = magic or tokens[end - 1].text == ","
    return " ".join(joined), magic


def check_wrapped_call(
    tokens: list[Token], opening_index: int, indent: int, lines: list[str], long_rows: set[int]
) -> None:
    """An assignment too long for one row whose value is a call of a name, split as black
    splits it when `TARGET = NAME(` alone is too long: the value in its optional
    parentheses, made visible, on rows of its own, split in its turn at its parentheses
    if too long for one; else refused.

    black first omits those parentheses (`can_omit_invisible_parens`: a call of a name
    has no delimiter outside brackets; `_prefer_split_rhs_oop_over_rhs`: no bracket left
    of the `=`) and splits at the call's; with that first row too long, it tries again
    with the optional parentheses (`run_transformer`'s second opinion) and keeps that
    split when every row fits, which the caller checks (`long_rows`)."""
    head = tokens[:opening_index]
    opening = tokens[opening_index]
    callee = tokens[opening_index + 1]
    call = opening_index + 2
    closing = tokens[-1]
    if [t.text for t in head][-1:] != ["="] or any(t.row != opening.row for t in head):
        raise Refused
    if any(t.kind == "op" and t.text in OPENING for t in head):
        raise Refused  # a bracket left of the `=`: another split may be preferred
    if not _ends_row(tokens, opening_index) or callee.col != indent + 4:
        raise Refused
    if closing.col != indent or closing.row == tokens[-2].end_row:
        raise Refused
    if tokens[call].row != callee.row:
        raise Refused
    first_row = lines[opening.row].rstrip()[:-1] + callee.text + "("
    if not first_row.isascii() or len(first_row) <= LINE_LENGTH:
        raise Refused  # `TARGET = NAME(` fits: black splits at the call's parentheses
    value = tokens[opening_index + 1 : -1]
    if all(t.row == callee.row and t.end_row == callee.row for t in value):
        return  # the call fits on its row
    if not _ends_row(tokens, call):
        raise Refused
    end = _check_body(tokens, call, indent + 4, lines, long_rows, True)
    if end != len(tokens) - 2 or tokens[end].col != indent + 4:
        raise Refused


def is_wrapped_value(tokens: list[Token], head: list[Token], indent: int, lines: list[str]) -> bool:
    """Whether the assignment is black's split of a line too long for one row whose
    value is one token: the value in parentheses on a row of its own (the optional
    parentheses made visible: `_maybe_split_omitting_optional_parens`, when the split
    without them finds no bracket or is not preferred)."""
    if len(tokens) != len(head) + 3 or [t.text for t in head][-1:] != ["="]:
        return False
    opening, value, closing = tokens[len(head) :]
    if value.kind == "name" and value.text in KEYWORDS and value.text not in ATOM_KEYWORDS:
        raise Refused
    if value.col != indent + 4 or closing.col != indent or closing.text != ")":
        raise Refused
    if len({opening.row, value.row, closing.row}) != 3:
        raise Refused
    groups = 0  # bracket pairs left of the `=`, outermost
    depth = 0
    for token in head:
        if token.kind == "op" and token.text in OPENING:
            groups += depth == 0
            depth += 1
        elif token.kind == "op" and token.text in CLOSING:
            depth -= 1
    head_row = lines[opening.row]
    joined = head_row[:-1] + value.text
    # With a bracket left of the `=`, the split there is tried first and kept unless the
    # head fits in one column less (`_prefer_split_rhs_oop_over_rhs`), the head as black
    # measures it: its parenthesis still invisible, so one column shorter than its row.
    if groups > 1 or not joined.isascii() or len(head_row) - 1 > LINE_LENGTH - groups:
        raise Refused  # another split may be preferred, or the widths are not exact
    if len(joined) <= LINE_LENGTH:
        raise Refused  # it fits: black joins it
    return True


def _check_body(
    tokens: list[Token],
    opening_index: int,
    indent: int,
    lines: list[str],
    long_rows: set[int],
    one_row: bool,
    imported: bool = False,
    wrapped: set[int] | None = None,
) -> int:
    """The inside of the bracket at `opening_index`, which ends its row; the index of
    the closing bracket, which starts a row at `indent`.

    Either each element on rows of its own at `indent + 4`, ending with a comma (the
    last one magic: `delimiter_split`); an element may end with a bracket split in its
    turn, closed by a row of its closing bracket and a comma. Or, where `one_row`, the
    elements on one row with no comma after the last: black's split of a line too
    long for one row, whose inside fits (`should_split_line` is false for a call's or
    a subscript's brackets without a trailing comma). Of a signature's parameters, an
    annotation in parentheses of its own (`wrapped`) is checked by `_wrapped_parameter`.
    """
    opening = tokens[opening_index]
    is_tuple = opening.text == "(" and not imported and not _is_trailer(tokens, opening_index)
    closing_text = OPENING[opening.text]
    index = opening_index + 1
    inner = indent + 4
    if tokens[index].col != inner:
        raise Refused
    row = tokens[index].row
    body_row = list(itertools.takewhile(lambda token: token.row == row, tokens[index:]))
    after = tokens[index + len(body_row)]
    if body_row[-1].text != "," and after.text == closing_text and after.col == indent:
        if not one_row or opening.text == "{" or not _is_trailer(tokens, opening_index):
            raise Refused  # displays explode whole (`should_split_line`)
        joined = [lines[t.row].strip() for t in (opening, body_row[0], after)]
        if not all(part.isascii() for part in joined) or indent + sum(map(len, joined)) <= (
            LINE_LENGTH
        ):
            raise Refused  # it would fit on one row: black joins it
        if row in long_rows and _unsplittable(body_row):
            long_rows.discard(row)  # one element, too long, that black cannot split
        return index + len(body_row)
    count = 0
    split = 0  # elements split in their turn
    while True:
        token = tokens[index]
        if token.kind == "op" and token.text == closing_text and token.col == indent:
            break
        if token.col != inner or token.row == tokens[index - 1].end_row:
            raise Refused
        # One element: its tokens up to a comma at its own depth, ending a row.
        depth = 0
        start = index
        while True:
            token = tokens[index]
            if wrapped and index in wrapped:
                wrapped.discard(index)
                index = _wrapped_parameter(tokens, start, index, inner, lines, long_rows)
                break
            if token.kind == "op" and token.text in OPENING:
                if _ends_row(tokens, index):
                    if depth:
                        raise Refused
                    _check_element_head(tokens[start:index])
                    index = _check_body(tokens, index, inner, lines, long_rows, True)
                    index += 1
                    comma = tokens[index] if index < len(tokens) else None
                    if comma is None or comma.text != "," or not _ends_row(tokens, index):
                        if count == 0 and _closes_sole_element(
                            tokens, opening_index, index, indent
                        ):
                            return index
                        raise Refused
                    index += 1
                    split += 1
                    break
                depth += 1
            elif token.kind == "op" and token.text in CLOSING:
                depth -= 1
                if depth < 0:
                    raise Refused
            elif token.kind == "op" and token.text == "," and not depth:
                if not _ends_row(tokens, index):
                    raise Refused
                if token.row in long_rows and _unsplittable(tokens[start:index]):
                    long_rows.discard(token.row)
                index += 1
                break
            elif _ends_row(tokens, index):
                raise Refused  # an element without its comma, or split otherwise
            index += 1
        count += 1
    if opening.text == "[" and count < 2 and _is_trailer(tokens, opening_index):
        raise Refused  # a one-element subscript's comma is not magic
    if is_tuple and count < 2 and not split:
        # Nor is a one-tuple's, unless its element is split in its turn: black splits
        # the tuple first (at its last bracket) and keeps the comma in the body.
        raise Refused
    return index


def _wrapped_parameter(
    tokens: list[Token],
    start: int,
    opening_index: int,
    indent: int,
    lines: list[str],
    long_rows: set[int],
) -> int:
    """A parameter too long for one row, `NAME: (` / its annotation / `)` with its
    default if any and its comma: where its annotation is a union, black wraps it in
    optional parentheses (`visit_tname`), and `right_hand_split` splits the line there
    and keeps them when it cannot omit them (`can_omit_invisible_parens`: more than one
    `|` outside brackets, or one after a name first and before a name or a subscript
    last). The annotation is on one row, or split at its `|`s as an annotated
    assignment's is (`_split_at_bars`): too long for one row, or holding a magic comma
    (an operand split in its turn), which makes black split it whatever its length. The
    index after the parameter's comma.
    """
    head = tokens[start:opening_index]
    opening = tokens[opening_index]
    if len(head) != 2 or head[0].kind != "name" or head[1].text != ":" or head[0].col != indent:
        raise Refused
    closing_at = closing_index(tokens, opening_index)
    body = tokens[opening_index + 1 : closing_at]
    closing = tokens[closing_at]
    row = body[0].row if body else -1
    if not body or row == opening.row or body[0].col != indent + 4:
        raise Refused
    one_row = all(t.row == row and t.end_row == row for t in body)
    if closing.row == body[-1].end_row:
        raise Refused
    comma_index = closing_at + 1
    if tokens[comma_index].text == "=":
        default = tokens[comma_index + 1]
        if default.kind not in ("name", "number", "string") or (
            default.kind == "name"
            and default.text in KEYWORDS
            and default.text not in ATOM_KEYWORDS
        ):
            raise Refused
        comma_index += 2
    tail = tokens[closing_at : comma_index + 1]
    if closing.col != indent or any(t.row != closing.row for t in tail):
        raise Refused
    if tail[-1].text != "," or not _ends_row(tokens, comma_index):
        raise Refused
    bars = 0
    depth = 0
    group = 0  # where the last bracket opened outside brackets
    for index, token in enumerate(body, opening_index + 1):
        if token.kind == "op" and token.text in OPENING:
            group = index if depth == 0 else group
            depth += 1
        elif token.kind == "op" and token.text in CLOSING:
            depth -= 1
        elif depth == 0 and token.kind == "op" and token.text == "|":
            bars += 1
    if not bars:
        raise Refused  # no optional parentheses: not a union
    if bars == 1:
        last = body[-1]
        subscript = last.text == "]" and _is_trailer(tokens, group)
        if body[0].kind != "name" or not (last.kind == "name" or subscript):
            raise Refused  # black may omit the parentheses
    if not one_row:
        split = _split_at_bars(tokens, _operands(body), indent + 4, lines, long_rows)
        if split is None:
            raise Refused
        annotation, magic = split
        if not magic and (not annotation.isascii() or indent + 4 + len(annotation) <= LINE_LENGTH):
            raise Refused  # the annotation fits on its row: black joins it
        return comma_index + 1
    rows = [lines[opening.row], lines[row], lines[closing.row]]
    if not all(text.isascii() for text in rows):
        raise Refused
    joined = rows[0].strip()[:-1] + rows[1].strip() + rows[2].strip()[1:]
    if indent + len(joined) <= LINE_LENGTH:
        raise Refused  # it fits on one row: black joins it
    return comma_index + 1


def _closes_sole_element(tokens: list[Token], opening_index: int, index: int, indent: int) -> bool:
    """Whether the token at `index`, right after an element split at its last bracket,
    closes the subscript at `opening_index` with that element as its only one: black
    splits `X[Y[...]]` at the subscript's bracket, then `Y[...]` at its own, and puts no
    comma after a subscript's one element (`bracket_split_build_line` adds one only to a
    signature's or an import's; `delimiter_split` finds no delimiter)."""
    opening = tokens[opening_index]
    closing = tokens[index]
    return (
        opening.text == "["
        and _is_trailer(tokens, opening_index)
        and closing.text == "]"
        and closing.col == indent
        and closing.row != tokens[index - 1].end_row
    )


def _unsplittable(element: list[Token]) -> bool:
    """Whether an element on a row of its own has nothing black could split it at (no
    bracket, no delimiter: `delimiter_split`, `right_hand_split`), so that black leaves
    it too long rather than change it. An imported name's `as` is no delimiter."""
    if element[0].row != element[-1].row:
        return False
    for token in element:
        if token.kind == "op" and token.text not in (".", "=", ":", "-"):
            return False
        if token.kind == "name" and token.text in KEYWORDS and token.text not in _INERT_WORDS:
            return False
    return True


# Keywords an unsplittable element may hold: atoms, and an imported name's `as`.
_INERT_WORDS = ATOM_KEYWORDS | {"as"}


def _ends_row(tokens: list[Token], index: int) -> bool:
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    return nxt is None or nxt.row != tokens[index].end_row


def _is_trailer(tokens: list[Token], opening_index: int) -> bool:
    """Whether the bracket is a call's or a subscript's (or a class's bases), not a
    display."""
    before = tokens[opening_index - 1] if opening_index else None
    return before is not None and (
        (before.kind == "name" and before.text not in KEYWORDS)
        or (before.kind == "op" and before.text in CLOSING)
    )


def _check_element_head(head: list[Token]) -> None:
    """What precedes an element's own split bracket: no delimiter black would split
    the element at first (`delimiter_split`), nor another bracket."""
    for token in head:
        if token.kind == "op" and token.text not in (".", "=", ":"):
            raise Refused
