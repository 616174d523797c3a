"""The members-by-region bar chart as a small, deterministic SVG file."""

from __future__ import annotations

from .text import escape

FONT = "'Noto Sans CJK TC', 'Noto Sans TC', 'Microsoft JhengHei', sans-serif"
COLOURS = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a")


WIDTH, BAR_H, GAP, LEFT, TOP = 520, 34, 14, 96, 44


def region_bars_size(count: int) -> tuple[int, int]:
    """Width and height of :func:`region_bars` for ``count`` rows (the page's <img> says it)."""
    return WIDTH, TOP + count * (BAR_H + GAP) + 8


def region_bars(rows: list[tuple[str, int]], title: str) -> str:
    """Horizontal bars, one per region, with the count written beside each bar."""
    width, bar_h, gap, left, top = WIDTH, BAR_H, GAP, LEFT, TOP
    height = region_bars_size(len(rows))[1]
    longest = max([n for _, n in rows] + [1])
    scale = (width - left - 60) / longest
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="{FONT}">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="24" font-size="17" font-weight="700" fill="#212121">'
        f"{escape(title)}</text>",
    ]
    for i, (name, count) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = max(round(count * scale), 2)
        colour = COLOURS[i % len(COLOURS)]
        parts += [
            f'<text x="0" y="{y + bar_h * 0.68:.1f}" font-size="15" fill="#424242">'
            f"{escape(name)}</text>",
            f'<rect x="{left}" y="{y}" width="{w}" height="{bar_h}" rx="4" fill="{colour}"/>',
            f'<text x="{left + w + 8}" y="{y + bar_h * 0.68:.1f}" font-size="15" '
            f'font-weight="700" fill="#212121">{count}</text>',
        ]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
