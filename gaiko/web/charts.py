"""Geometry for the server-side SVG charts: a stacked monthly bar chart and a
force-directed actor network.  Plain numbers and strings out; the templates draw
them (so every label passes through Jinja's autoescape), and no script or
asset from outside the package is needed."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from gaiko.web import plover
from gaiko.web.views import Monthly


@dataclass
class Chart:
    width: int
    height: int
    bars: list[dict[str, Any]] = field(default_factory=list)
    xlabels: list[dict[str, Any]] = field(default_factory=list)
    yticks: list[dict[str, Any]] = field(default_factory=list)
    legend: list[dict[str, Any]] = field(default_factory=list)
    plot: dict[str, float] = field(default_factory=dict)


def timeline_chart(data: Monthly, width: int = 960, height: int = 280) -> Chart:
    """Stacked bars, one per month, one layer per PLOVER type (cooperative types at the bottom)."""
    left, right, top, bottom = 40, 10, 10, 48
    chart = Chart(width, height)
    pw, ph = width - left - right, height - top - bottom
    chart.plot = {"x": left, "y": top, "w": pw, "h": ph, "bottom": top + ph}
    if not data.months:
        return chart
    totals = [sum(data.counts.get(m, {}).values()) for m in data.months]
    peak = max(max(totals), 1)
    step = _nice_step(peak)
    ymax = step * math.ceil(peak / step)
    slot = pw / len(data.months)
    bar_w = max(1.0, slot * 0.8)
    used: set[str] = set()
    for i, month in enumerate(data.months):
        x = left + i * slot + (slot - bar_w) / 2
        y = top + ph
        for type_ in plover.STACK_ORDER:
            n = data.counts.get(month, {}).get(type_, 0)
            if not n:
                continue
            used.add(type_)
            h = ph * n / ymax
            y -= h
            chart.bars.append({"x": round(x, 2), "y": round(y, 2), "w": round(bar_w, 2), "h": round(h, 2),
                               "colour": plover.TYPE_COLOURS[type_], "type": type_, "month": month,
                               "n": n, "title": f"{month} {type_}: {n}"})
    every = max(1, math.ceil(len(data.months) / 16))
    for i, month in enumerate(data.months):
        if i % every == 0:
            chart.xlabels.append({"x": round(left + (i + 0.5) * slot, 2), "y": top + ph + 16, "text": month})
    v = 0
    while v <= ymax:
        chart.yticks.append({"y": round(top + ph - ph * v / ymax, 2), "text": str(v)})
        v += step
    chart.legend = [{"type": t, "colour": plover.TYPE_COLOURS[t], "score": plover.SCORES[t]}
                    for t in plover.STACK_ORDER if t in used]
    return chart


def _nice_step(peak: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        if peak / step <= 6:
            return step
    return 10 ** len(str(peak))


@dataclass
class Graph:
    width: int
    height: int
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


def network_graph(net: dict[str, Any], width: int = 960, height: int = 640, iterations: int = 300) -> Graph:
    """Fruchterman–Reingold layout, deterministic (nodes start on a circle in activity order)."""
    n = len(net["nodes"])
    if n == 0:
        return Graph(width, height, [], [])
    ids = [node["id"] for node in net["nodes"]]
    index = {ref: i for i, ref in enumerate(ids)}
    pos = [[math.cos(2 * math.pi * i / n) * 0.5 + 0.5, math.sin(2 * math.pi * i / n) * 0.5 + 0.5]
           for i in range(n)]
    if n == 1:
        pos = [[0.5, 0.5]]
    links = [(index[e["source"]], index[e["target"]], e["events"]) for e in net["edges"]]
    k = 1.4 * math.sqrt(1.0 / n)
    temp = 0.1
    for _ in range(iterations if n > 1 else 0):
        disp = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                d = math.hypot(dx, dy) or 1e-4
                f = k * k / d
                disp[i][0] += dx / d * f
                disp[i][1] += dy / d * f
                disp[j][0] -= dx / d * f
                disp[j][1] -= dy / d * f
        for i, j, w in links:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d = math.hypot(dx, dy) or 1e-4
            f = d * d / k * (1 + math.log(w))
            disp[i][0] -= dx / d * f
            disp[i][1] -= dy / d * f
            disp[j][0] += dx / d * f
            disp[j][1] += dy / d * f
        for i in range(n):
            # a weak pull to the centre keeps unconnected parts on the page
            disp[i][0] += (0.5 - pos[i][0]) * 0.05
            disp[i][1] += (0.5 - pos[i][1]) * 0.05
            d = math.hypot(*disp[i]) or 1e-9
            step = min(d, temp)
            pos[i][0] += disp[i][0] / d * step
            pos[i][1] += disp[i][1] / d * step
        temp *= 0.985
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    pad = 70
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    # fill the box (the layout has no preferred aspect), then push overlapping circles apart
    xy = [[pad + (x - min(xs)) / span_x * (width - 2 * pad), pad + (y - min(ys)) / span_y * (height - 2 * pad)]
          for x, y in pos]
    if n == 1:
        xy = [[width / 2, height / 2]]
    peak = max(node["events"] for node in net["nodes"])
    radius = [6 + 22 * math.sqrt(node["events"] / peak) for node in net["nodes"]]
    _separate(xy, radius, width, height, pad=30)
    nodes = []
    for node, (x, y), r in zip(net["nodes"], xy, radius):
        nodes.append({**node, "x": round(x, 1), "y": round(y, 1), "r": round(r, 1),
                      "fill": plover.tint(node.get("score", 0.0))})
    peak_edge = max((e["events"] for e in net["edges"]), default=1)
    edges = []
    for e in net["edges"]:
        (x1, y1), (x2, y2) = xy[index[e["source"]]], xy[index[e["target"]]]
        edges.append({**e, "source_label": net["nodes"][index[e["source"]]]["label"],
                      "target_label": net["nodes"][index[e["target"]]]["label"], "x1": round(x1, 1), "y1": round(y1, 1), "x2": round(x2, 1), "y2": round(y2, 1),
                      "width": round(1.5 + 6 * e["events"] / peak_edge, 1),
                      "colour": plover.score_colour(e["score"])})
    return Graph(width, height, nodes, edges)


def _separate(xy: list[list[float]], radius: list[float], width: int, height: int, pad: int,
              gap: float = 22.0, rounds: int = 80) -> None:
    """Move circles apart until none overlaps another (with room for a label), inside the box."""
    n = len(xy)
    for _ in range(rounds):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = xy[j][0] - xy[i][0], xy[j][1] - xy[i][1]
                d = math.hypot(dx, dy)
                need = radius[i] + radius[j] + gap
                if d >= need:
                    continue
                if d < 1e-6:
                    dx, dy, d = 1.0, 0.0, 1.0
                push = (need - d) / 2
                xy[i][0] -= dx / d * push
                xy[i][1] -= dy / d * push
                xy[j][0] += dx / d * push
                xy[j][1] += dy / d * push
                moved = True
        for k in range(n):
            xy[k][0] = min(max(xy[k][0], pad + radius[k]), width - pad - radius[k])
            xy[k][1] = min(max(xy[k][1], pad + radius[k]), height - pad - radius[k] - 14)
        if not moved:
            return
