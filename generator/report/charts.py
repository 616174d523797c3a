"""Small SVG charts written by hand: no JavaScript, crisp in HTML and in the PDF.

A reviewer reads the report on screen and on paper, so the charts are vector graphics with
the CJK font *named* (WeasyPrint falls back to Japanese glyph forms for plain ``sans-serif``),
a ``<title>`` and ``<desc>`` for screen readers, and the numbers written on the bars so that
nobody has to estimate a value from an axis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from ..formats import number

FONT = "Noto Sans CJK TC"
INK = "#1f2933"
MUTED = "#52606f"
GRID = "#dfe4ea"
PALETTE = ("#1f4e79", "#2a9d8f", "#e9a23b", "#8e6bbf", "#c8553d", "#5c946e", "#9aa5b1")


@dataclass(frozen=True)
class Series:
    """One coloured set of bars; ``values`` line up with the chart's categories."""

    label: str
    values: tuple[float, ...]
    color: str


def _nice_step(top: float, ticks: int = 4) -> float:
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return max(factor * power, 1.0)
    return 10 * power


def _svg(width: int, height: int, title: str, desc: str, body: list[str], ident: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" font-family="{FONT}" font-size="11" '
        f'fill="{INK}"><title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = 11,
          color: str = INK, weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{color}" font-weight="{weight}" font-family="{FONT}">{escape(text)}</text>')


def _legend(series: list[Series], x: float, y: float) -> list[str]:
    """A legend in one row, right-aligned so it never covers the bars."""
    parts: list[str] = []
    widths = [len(s.label) * 11 + 26 for s in series]
    cursor = x - sum(widths)
    for s, w in zip(series, widths, strict=True):
        parts.append(f'<rect x="{cursor:.1f}" y="{y - 9:.1f}" width="10" height="10" rx="2" '
                     f'fill="{s.color}"/>')
        parts.append(_text(cursor + 14, y, s.label, "start", 10, MUTED))
        cursor += w
    return parts


def bar_chart(ident: str, title: str, categories: list[str], series: list[Series],
              unit: str, stacked: bool = False, width: int = 560, height: int = 240) -> str:
    """Vertical bars per category, grouped side by side or stacked, values on the bars."""
    left, right, top, bottom = 46, 10, 30, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    if stacked:
        peak = max((sum(s.values[i] for s in series) for i in range(len(categories))),
                   default=0)
    else:
        peak = max((v for s in series for v in s.values), default=0)
    step = _nice_step(peak)
    axis_top = step * max(1, math.ceil(peak / step)) if peak else step * 4
    body: list[str] = []
    tick = 0.0
    while tick <= axis_top + 1e-9:
        y = top + plot_h - tick / axis_top * plot_h
        body.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                    f'stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(left - 6, y + 4, number(tick), "end", 10, MUTED))
        tick += step
    body.append(_text(4, top - 14, unit, "start", 10, MUTED))
    body.extend(_legend(series, width - right, 14))
    slot = plot_w / max(1, len(categories))
    bar_w = slot * 0.62 if stacked else slot * 0.72 / max(1, len(series))
    for i, category in enumerate(categories):
        x0 = left + slot * i + (slot - (bar_w if stacked else bar_w * len(series))) / 2
        base = top + plot_h
        for j, s in enumerate(series):
            value = s.values[i]
            h = value / axis_top * plot_h
            x = x0 if stacked else x0 + j * bar_w
            y = base - h
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" '
                        f'height="{h:.1f}" fill="{s.color}" rx="1.5"/>')
            if stacked:
                if h >= 14:
                    body.append(_text(x + bar_w / 2 - 1, y + h / 2 + 4, number(value),
                                      size=10, color="#ffffff"))
                base = y
            else:
                body.append(_text(x + bar_w / 2 - 1, y - 4, number(value), size=10))
        if stacked:
            total = sum(s.values[i] for s in series)
            body.append(_text(x0 + bar_w / 2 - 1, base - 5, number(total), size=10,
                              weight="bold"))
        body.append(_text(left + slot * i + slot / 2, height - bottom + 16, category))
    body.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" '
                f'y2="{top + plot_h}" stroke="{MUTED}" stroke-width="1"/>')
    desc = "; ".join(
        f"{category}: " + ", ".join(f"{s.label} {number(s.values[i])}" for s in series)
        for i, category in enumerate(categories)) + f" ({unit})"
    return _svg(width, height, title, desc, body, ident)


@dataclass(frozen=True)
class Bar:
    """One row of a horizontal chart: the actual value and, if set, its target."""

    label: str
    value: float
    target: float | None = None


def hbar_chart(ident: str, title: str, rows: list[Bar], unit: str, width: int = 360,
               color: str = PALETTE[0]) -> str:
    """Horizontal bars with a target tick: where the members come from, against the plan."""
    left, right, row_h, top = 46, 64, 30, 24
    height = top + row_h * len(rows) + 8
    peak = max([r.value for r in rows] + [r.target or 0 for r in rows] + [1])
    plot_w = width - left - right
    body: list[str] = []
    if any(r.target is not None for r in rows):
        body.append(f'<line x1="{width - 132}" x2="{width - 132}" y1="6" y2="16" '
                    f'stroke="{INK}" stroke-width="2"/>')
        body.append(_text(width - 126, 15, "目標 target", "start", 10, MUTED))
    for i, row in enumerate(rows):
        y = top + i * row_h
        w = row.value / peak * plot_w
        body.append(_text(left - 8, y + 15, row.label, "end", 11))
        body.append(f'<rect x="{left}" y="{y + 4}" width="{plot_w}" height="16" '
                    f'fill="#f1f4f7" rx="2"/>')
        body.append(f'<rect x="{left}" y="{y + 4}" width="{w:.1f}" height="16" '
                    f'fill="{color}" rx="2"/>')
        if row.target is not None:
            tx = left + row.target / peak * plot_w
            body.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{y + 1}" y2="{y + 23}" '
                        f'stroke="{INK}" stroke-width="2"/>')
        body.append(_text(left + plot_w + 6, y + 16, f"{number(row.value)} {unit}", "start",
                          11, weight="bold"))
    desc = "; ".join(
        f"{r.label} {number(r.value)} {unit}"
        + (f" (target {number(r.target)})" if r.target is not None else "") for r in rows)
    return _svg(width, height, title, desc, body, ident)


def donut_chart(ident: str, title: str, parts: list[tuple[str, float]], unit: str,
                width: int = 360, height: int = 170) -> str:
    """Shares of a whole (the income's composition), with the total in the middle."""
    total = sum(v for _, v in parts)
    cx, cy, r_out, r_in = 82, height / 2, 70, 44
    body: list[str] = []
    if total <= 0:
        body.append(f'<circle cx="{cx}" cy="{cy}" r="{(r_out + r_in) / 2}" fill="none" '
                    f'stroke="{GRID}" stroke-width="{r_out - r_in}"/>')
    angle = -math.pi / 2
    for i, (_, value) in enumerate(parts):
        if total <= 0 or value <= 0:
            continue
        sweep = value / total * 2 * math.pi
        color = PALETTE[i % len(PALETTE)]
        if sweep >= 2 * math.pi - 1e-6:
            body.append(f'<circle cx="{cx}" cy="{cy}" r="{(r_out + r_in) / 2}" fill="none" '
                        f'stroke="{color}" stroke-width="{r_out - r_in}"/>')
        else:
            body.append(_arc(cx, cy, r_out, r_in, angle, angle + sweep, color))
        angle += sweep
    body.append(_text(cx, cy - 2, number(total), size=16, weight="bold"))
    body.append(_text(cx, cy + 15, unit, size=10, color=MUTED))
    for i, (label, value) in enumerate(parts):
        y = 34 + i * 34
        share = f"{value / total * 100:.0f}%" if total > 0 else "—"
        body.append(f'<rect x="178" y="{y - 10}" width="12" height="12" rx="2" '
                    f'fill="{PALETTE[i % len(PALETTE)]}"/>')
        body.append(_text(196, y, label, "start", 11))
        body.append(_text(196, y + 15, f"{number(value)} {unit} · {share}", "start", 10,
                          MUTED))
    desc = f"total {number(total)} {unit}: " + "; ".join(
        f"{label} {number(value)}" for label, value in parts)
    return _svg(width, height, title, desc, body, ident)


def _arc(cx: float, cy: float, r_out: float, r_in: float, start: float, end: float,
         color: str) -> str:
    large = 1 if end - start > math.pi else 0

    def point(r: float, a: float) -> str:
        return f"{cx + r * math.cos(a):.2f} {cy + r * math.sin(a):.2f}"

    return (f'<path d="M {point(r_out, start)} A {r_out} {r_out} 0 {large} 1 '
            f'{point(r_out, end)} L {point(r_in, end)} A {r_in} {r_in} 0 {large} 0 '
            f'{point(r_in, start)} Z" fill="{color}" stroke="#ffffff" stroke-width="1.5"/>')
