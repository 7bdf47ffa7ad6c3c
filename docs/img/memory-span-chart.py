#!/usr/bin/env python3
"""Draws `charrnn influence --span-chart --json` outputs as one log-scale SVG line chart.

usage: memory-span-chart.py OUT.svg "label=file.json" ["label=file.json" ...]
Standard library only, so it runs wherever the CLI does.
"""
import json, math, sys

COLOURS = ["#3558a8", "#c2185b", "#2e7d32", "#ef6c00"]  # the Compare page's palette
W, H, L, R, T, B = 760, 400, 78, 20, 44, 56


def main(out, specs):
    curves = []
    for spec in specs:
        label, path = spec.split("=", 1)
        with open(path, encoding="utf-8") as f:
            chart = json.load(f)
        curves.append((label, chart["meanNorms"], len(chart["positions"]), chart["warmUp"]))
    span = max(len(c[1]) for c in curves)
    values = [v for c in curves for v in c[1] if v > 0]
    lo, hi = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    x = lambda k: L + (k - 1) / max(1, span - 1) * (W - L - R)
    y = lambda v: T + (hi - math.log10(max(v, 10.0 ** lo))) / (hi - lo) * (H - T - B)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
             f'<rect width="{W}" height="{H}" fill="#fff"/>']
    every = 1 if hi - lo <= 10 else 2  # decade labels, every other one on a tall range
    for e in range(lo, hi + 1):
        parts.append(f'<line x1="{L}" x2="{W - R}" y1="{y(10.0 ** e):.1f}" y2="{y(10.0 ** e):.1f}" stroke="#e3e6ee"/>')
        if (e - lo) % every == 0:
            parts.append(f'<text x="{L - 6}" y="{y(10.0 ** e) + 4:.1f}" text-anchor="end">1e{e}</text>')
    for k in [1] + list(range(50, span + 1, 50)):
        parts.append(f'<line x1="{x(k):.1f}" x2="{x(k):.1f}" y1="{H - B}" y2="{H - B + 5}" stroke="#555"/>')
        parts.append(f'<text x="{x(k):.1f}" y="{H - B + 18}" text-anchor="middle">{k}</text>')
    parts.append(f'<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" fill="none" stroke="#888"/>')
    parts.append(f'<text x="{(L + W - R) / 2}" y="{H - 14}" text-anchor="middle">distance k (characters back)</text>')
    parts.append(f'<text transform="translate(16 {(T + H - B) / 2}) rotate(-90)" text-anchor="middle">mean ‖∂ log p(next) / ∂x(N−k)‖</text>')
    for i, (label, norms, positions, warm) in enumerate(curves):
        colour = COLOURS[i % len(COLOURS)]
        points = " ".join(f"{x(k + 1):.1f},{y(v):.1f}" for k, v in enumerate(norms))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        lx = L + 10 + i * 260
        parts.append(f'<line x1="{lx}" x2="{lx + 24}" y1="{T - 18}" y2="{T - 18}" stroke="{colour}" stroke-width="3"/>')
        parts.append(f'<text x="{lx + 30}" y="{T - 14}">{label} ({positions} positions)</text>')
    parts.append("</svg>")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
