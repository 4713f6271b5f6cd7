"""A dependency-free bar chart: a 3x5 bitmap font, rectangles, and a PNG written with zlib."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

GLYPHS = {
    "0": "111101101101111",
    "1": "010110010010111",
    "2": "111001111100111",
    "3": "111001111001111",
    "4": "101101111001001",
    "5": "111100111001111",
    "6": "111100111101111",
    "7": "111001001001001",
    "8": "111101111101111",
    "9": "111101111001111",
    "A": "010101111101101",
    "B": "110101110101110",
    "C": "011100100100011",
    "D": "110101101101110",
    "E": "111100110100111",
    "F": "111100110100100",
    "G": "011100101101011",
    "H": "101101111101101",
    "I": "111010010010111",
    "J": "001001001101010",
    "K": "101101110101101",
    "L": "100100100100111",
    "M": "101111111101101",
    "N": "110101101101101",
    "O": "010101101101010",
    "P": "110101110100100",
    "Q": "010101101110011",
    "R": "110101110101101",
    "S": "011100010001110",
    "T": "111010010010010",
    "U": "101101101101111",
    "V": "101101101101010",
    "W": "101101111111101",
    "X": "101101010101101",
    "Y": "101101010010010",
    "Z": "111001010100111",
    ".": "000000000000010",
    "-": "000000111000000",
    ":": "000010000010000",
    "(": "001010010010001",
    ")": "100010010010100",
    "/": "001001010100100",
    "_": "000000000000111",
    ",": "000000000010100",
    "<": "001010100010001",
    "=": "000111000111000",
    "%": "101001010100101",
    "+": "000010111010000",
    ">": "100010001010100",
    " ": "000000000000000",
}
SCALE = 2  # each font pixel is 2x2
CHAR_W = 4 * SCALE

Color = tuple[int, int, int]
WHITE: Color = (255, 255, 255)
BLACK: Color = (30, 30, 30)
GREY: Color = (170, 170, 170)
GREEN: Color = (46, 160, 67)
RED: Color = (207, 34, 46)
BLUE: Color = (9, 105, 218)


class Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.pixels = [bytearray(WHITE * width) for _ in range(height)]

    def rect(self, x: int, y: int, w: int, h: int, color: Color) -> None:
        x0, x1 = max(0, x), min(self.width, x + w)
        for row in self.pixels[max(0, y) : min(self.height, y + h)]:
            row[x0 * 3 : x1 * 3] = bytes(color) * max(0, x1 - x0)

    def text(self, x: int, y: int, text: str, color: Color = BLACK) -> None:
        for i, char in enumerate(text.upper()):
            glyph = GLYPHS.get(char, GLYPHS[" "])
            for bit, on in enumerate(glyph):
                if on == "1":
                    gx, gy = bit % 3, bit // 3
                    self.rect(x + i * CHAR_W + gx * SCALE, y + gy * SCALE, SCALE, SCALE, color)

    def png(self) -> bytes:
        raw = b"".join(b"\x00" + bytes(row) for row in self.pixels)

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )


@dataclass
class Bar:
    label: str
    value: float  # a ratio to the row's baseline
    ours: bool
    target: float | None = None  # overrides the group's target


@dataclass
class Group:
    title: str
    target: float | None  # clientgen's bar must be at most this
    bars: list[Bar]


def chart(groups: list[Group], path: Path, title: str, x_max: float = 3.0) -> None:
    """Horizontal bars of ratios, one group per measured row; the target is a blue tick."""
    label_w, plot_w, bar_h, gap = 330, 430, 12, 4
    height = 40 + sum(18 + len(g.bars) * (bar_h + gap) + 8 for g in groups) + 30
    canvas = Canvas(label_w + plot_w + 90, height)
    canvas.text(10, 10, title)
    x0 = label_w
    y = 36

    def px(value: float) -> int:
        return x0 + int(min(value, x_max) / x_max * plot_w)

    for group in groups:
        canvas.text(10, y + 2, group.title, BLUE)
        y += 18
        for bar in group.bars:
            target = bar.target if bar.target is not None else group.target
            missed = target is not None and not bar.value <= target
            color = (RED if missed else GREEN) if bar.ours else GREY
            canvas.text(24, y + 1, bar.label, BLACK)
            canvas.rect(x0, y, max(1, px(bar.value) - x0), bar_h, color)
            shown = f"{bar.value:.2f}X" + ("+" if bar.value > x_max else "")
            end = px(bar.value)
            if target is not None and bar.ours:
                end = max(end, px(target) + 2)
            canvas.text(end + 4, y + 1, shown)
            if target is not None and bar.ours:
                canvas.rect(px(target) - 1, y - 2, 3, bar_h + 4, BLUE)
            y += bar_h + gap
        y += 8
    canvas.rect(x0, 30, 1, y - 30, BLACK)
    canvas.rect(px(1.0), 30, 1, y - 30, GREY)
    for tick in (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0):
        if tick <= x_max:
            canvas.text(px(tick) - 8, y + 4, f"{tick:.1f}X")
    canvas.text(10, y + 18, "GREEN: TARGET MET. RED: MISSED. BLUE TICK: TARGET. GREY: OTHERS.")
    path.write_bytes(canvas.png())
