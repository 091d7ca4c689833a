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
    documents: list[dict[str, Any]] = field(default_factory=list)   # documents per month, a grey line
    documents_line: str = ""
    documents_ticks: list[dict[str, Any]] = field(default_factory=list)
    unit: str = "events"


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:.2f}"


def timeline_chart(data: Monthly, width: int = 960, height: int = 280, documents: dict[str, int] | None = None,
                   unit: str = "events") -> Chart:
    """Stacked bars, one per month, one layer per PLOVER type (cooperative types at the bottom);
    with ``documents``, the documents published each month as a grey line on its own axis
    (right), so a month with more events can be told from a month with more news."""
    left, right, top, bottom = 40, 10 if documents is None else 44, 10, 48
    chart = Chart(width, height, unit=unit)
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
                               "n": n, "title": f"{month} {type_}: {_fmt(n)} {unit}"})
    every = max(1, math.ceil(len(data.months) / 16))
    for i, month in enumerate(data.months):
        if i % every == 0:
            chart.xlabels.append({"x": round(left + (i + 0.5) * slot, 2), "y": top + ph + 16, "text": month})
    v = 0
    while v <= ymax:
        chart.yticks.append({"y": round(top + ph - ph * v / ymax, 2), "text": _fmt(v)})
        v += step
    if documents is not None:
        docs = [documents.get(m, 0) for m in data.months]
        dmax = max(max(docs), 1)
        dstep = _nice_step(dmax)
        dtop = dstep * math.ceil(dmax / dstep)
        points = []
        for i, (month, n) in enumerate(zip(data.months, docs)):
            x, y = round(left + (i + 0.5) * slot, 2), round(top + ph - ph * n / dtop, 2)
            points.append(f"{x},{y}")
            chart.documents.append({"x": x, "y": y, "n": n, "title": f"{month}: {n} document{'' if n == 1 else 's'}"})
        chart.documents_line = " ".join(points)
        d = 0
        while d <= dtop:
            chart.documents_ticks.append({"x": left + pw + 6, "y": round(top + ph - ph * d / dtop, 2), "text": str(d)})
            d += dstep
    chart.legend = [{"type": t, "colour": plover.TYPE_COLOURS[t], "score": plover.SCORES[t]}
                    for t in plover.STACK_ORDER if t in used]
    return chart


def _nice_step(peak: float) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        if peak / step <= 6:
            return step
    return 10 ** len(str(int(peak)))


@dataclass
class Graph:
    width: int
    height: int
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


def network_graph(net: dict[str, Any], width: int = 1000, height: int = 680, iterations: int = 300) -> Graph:
    """A force-directed layout that uses the whole canvas, with labels kept apart.

    Each connected part is laid out alone (Fruchterman–Reingold, deterministic:
    nodes start on a circle in activity order) and given a share of the canvas
    in proportion to its size, so one far-off pair cannot squeeze the main
    cluster into a corner; single nodes and pairs go in a row along the bottom.
    Circles are then pushed apart, and each label takes the first place beside
    its circle (below, above, right, left) that overlaps no other label or circle."""
    n = len(net["nodes"])
    if n == 0:
        return Graph(width, height, [], [])
    ids = [node["id"] for node in net["nodes"]]
    index = {ref: i for i, ref in enumerate(ids)}
    links = [(index[e["source"]], index[e["target"]], e["events"]) for e in net["edges"]]
    peak = max(node["events"] for node in net["nodes"])
    radius = [6 + 20 * math.sqrt(node["events"] / peak) for node in net["nodes"]]
    labels = [str(node["label"]) for node in net["nodes"]]
    xy = [[width / 2, height / 2] for _ in range(n)]

    parts = _components(n, links)
    big = [p for p in parts if len(p) >= 3] or parts[:1]
    small = [p for p in parts if p not in big]
    # the bottom rows for the small parts: as many as their labels need
    slots = [i for p in small for i in p]
    per_row = max(1, int((width - 40) // 130))
    rows = math.ceil(len(slots) / per_row) if slots else 0
    slot_r = max((radius[i] for i in slots), default=0.0)
    row_h = 2 * slot_r + 34
    strip = rows * row_h
    x0, total = 0.0, sum(len(p) for p in big)
    for part in big:
        w = width * len(part) / total
        box = (x0 + 10, 10, w - 20, height - strip - 20)
        _place(part, links, xy, box, iterations, pad=max(radius[i] for i in part) + 34)
        x0 += w
    for k, i in enumerate(slots):
        row, col = divmod(k, per_row)
        xy[i] = [80 + col * 130, height - strip + row * row_h + slot_r + 4]
    _separate(xy, radius, width, height, pad=8, gap=16, fixed=set(slots))
    placed = _labels(xy, radius, labels, width, height)
    nodes = []
    for node, (x, y), r, lab in zip(net["nodes"], xy, radius, placed):
        nodes.append({**node, "x": round(x, 1), "y": round(y, 1), "r": round(r, 1),
                      "fill": plover.tint(node.get("score", 0.0)), **lab})
    peak_edge = max((e["events"] for e in net["edges"]), default=1)
    edges = []
    for e in net["edges"]:
        (x1, y1), (x2, y2) = xy[index[e["source"]]], xy[index[e["target"]]]
        edges.append({**e, "source_label": net["nodes"][index[e["source"]]]["label"],
                      "target_label": net["nodes"][index[e["target"]]]["label"], "x1": round(x1, 1), "y1": round(y1, 1), "x2": round(x2, 1), "y2": round(y2, 1),
                      "width": round(1.5 + 6 * e["events"] / peak_edge, 1),
                      "colour": plover.score_colour(e["score"])})
    return Graph(width, height, nodes, edges)


def _components(n: int, links: list[tuple[int, int, int]]) -> list[list[int]]:
    """The connected parts of the graph, largest first (ties: in node order)."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in links:
        parent[find(i)] = find(j)
    parts: dict[int, list[int]] = {}
    for i in range(n):
        parts.setdefault(find(i), []).append(i)
    return sorted(parts.values(), key=lambda p: (-len(p), p[0]))


def _place(part: list[int], links: list[tuple[int, int, int]], xy: list[list[float]],
           box: tuple[float, float, float, float], iterations: int, pad: float) -> None:
    """Fruchterman–Reingold for one connected part, scaled to fill ``box``."""
    m = len(part)
    local = {node: k for k, node in enumerate(part)}
    own = [(local[i], local[j], w) for i, j, w in links if i in local and j in local]
    pos = [[math.cos(2 * math.pi * k / m) * 0.5 + 0.5, math.sin(2 * math.pi * k / m) * 0.5 + 0.5]
           for k in range(m)]
    k_opt = 1.4 * math.sqrt(1.0 / m)
    temp = 0.1
    for _ in range(iterations if m > 1 else 0):
        disp = [[0.0, 0.0] for _ in range(m)]
        for i in range(m):
            for j in range(i + 1, m):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                d = math.hypot(dx, dy) or 1e-4
                f = k_opt * k_opt / d
                disp[i][0] += dx / d * f
                disp[i][1] += dy / d * f
                disp[j][0] -= dx / d * f
                disp[j][1] -= dy / d * f
        for i, j, w in own:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d = math.hypot(dx, dy) or 1e-4
            f = d * d / k_opt * (1 + math.log(w))
            disp[i][0] -= dx / d * f
            disp[i][1] -= dy / d * f
            disp[j][0] += dx / d * f
            disp[j][1] += dy / d * f
        for i in range(m):
            disp[i][0] += (0.5 - pos[i][0]) * 0.05
            disp[i][1] += (0.5 - pos[i][1]) * 0.05
            d = math.hypot(*disp[i]) or 1e-9
            step = min(d, temp)
            pos[i][0] += disp[i][0] / d * step
            pos[i][1] += disp[i][1] / d * step
        temp *= 0.985
    bx, by, bw, bh = box
    if m == 1:
        xy[part[0]] = [bx + bw / 2, by + bh / 2]
        return
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    for node, (x, y) in zip(part, pos):
        xy[node] = [bx + pad + (x - min(xs)) / span_x * max(bw - 2 * pad, 1),
                    by + pad + (y - min(ys)) / span_y * max(bh - 2 * pad, 1)]


def label_width(text: str, size: float = 12.0) -> float:
    """About how wide ``text`` is at ``size`` px: CJK characters a full em, others ~0.6 em."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.6 for ch in text)


def _labels(xy: list[list[float]], radius: list[float], labels: list[str], width: int,
            height: int) -> list[dict[str, Any]]:
    """Each node's label position: the first of below/above/right/left that overlaps no
    label already placed and no circle, the larger nodes choosing first; then the same a line
    further out, then further below line by line (a crowded graph); else the least crowded."""
    boxes: list[tuple[float, float, float, float]] = []
    order = sorted(range(len(xy)), key=lambda i: -radius[i])
    out: list[dict[str, Any]] = [{} for _ in xy]

    def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
        w = min(a[2], b[2]) - max(a[0], b[0])
        h = min(a[3], b[3]) - max(a[1], b[1])
        return w * h if w > 0 and h > 0 else 0.0

    circles = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(xy, radius)]
    for i in order:
        (x, y), r, w = xy[i], radius[i], label_width(labels[i])
        options = [  # (label x, baseline y, anchor, box): next to the node, then a line further out
            (x, y + r + 13 + d, "middle", (x - w / 2, y + r + 2 + d, x + w / 2, y + r + 16 + d))
            for d in (0, 14, 28)] + [
            (x, y - r - 5 - d, "middle", (x - w / 2, y - r - 17 - d, x + w / 2, y - r - 3 - d))
            for d in (0, 14, 28)] + [
            (x + r + 4, y + 4 + d, "start", (x + r + 3, y - 8 + d, x + r + 5 + w, y + 6 + d)) for d in (0, -14, 14)] + [
            (x - r - 4, y + 4 + d, "end", (x - r - 5 - w, y - 8 + d, x - r - 3, y + 6 + d)) for d in (0, -14, 14)]
        options.sort(key=lambda o: abs(o[1] - y) > r + 20)  # the four next to the node first
        best, best_cost = options[0], float("inf")
        for option in options:
            box = option[3]
            cost = sum(overlap(box, b) for b in boxes)
            cost += sum(overlap(box, c) for k, c in enumerate(circles) if k != i)
            cost += 1000.0 * (box[0] < 0 or box[2] > width or box[1] < 0 or box[3] > height)
            if cost < best_cost:
                best, best_cost = option, cost
            if cost == 0:
                break
        d = 42
        while best_cost > 0 and d <= 14 * 12:  # a crowded graph: further below, line by line, until free
            box = (x - w / 2, y + r + 2 + d, x + w / 2, y + r + 16 + d)
            cost = sum(overlap(box, b) for b in boxes) + sum(overlap(box, c) for k, c in enumerate(circles) if k != i)
            if cost == 0 and box[3] <= height:
                best, best_cost = (x, y + r + 13 + d, "middle", box), 0.0
            d += 14
        lx, ly, anchor, box = best
        boxes.append(box)
        out[i] = {"lx": round(lx, 1), "ly": round(ly, 1), "anchor": anchor}
    return out


def _separate(xy: list[list[float]], radius: list[float], width: int, height: int, pad: int,
              gap: float = 22.0, rounds: int = 80, fixed: set[int] | None = None) -> None:
    """Move circles apart until none overlaps another (with room for a label), inside the box;
    the ``fixed`` ones (the bottom row of small parts) stay where they are."""
    fixed = fixed or set()
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
                if i in fixed and j in fixed:
                    continue
                push = (need - d) / (1 if i in fixed or j in fixed else 2)
                if i not in fixed:
                    xy[i][0] -= dx / d * push
                    xy[i][1] -= dy / d * push
                if j not in fixed:
                    xy[j][0] += dx / d * push
                    xy[j][1] += dy / d * push
                moved = True
        for k in range(n):
            if k in fixed:
                continue
            xy[k][0] = min(max(xy[k][0], pad + radius[k]), width - pad - radius[k])
            xy[k][1] = min(max(xy[k][1], pad + radius[k]), height - pad - radius[k] - 14)
        if not moved:
            return


# -- the map ------------------------------------------------------------------------------


@dataclass
class WorldMap:
    width: int
    height: int
    countries: list[dict[str, Any]]
    markers: list[dict[str, Any]]


def world_map(places: list[dict[str, Any]], width: int = 1000) -> WorldMap:
    """The world's countries (grey, the countries where events happened a shade darker)
    and one circle per place, sized by its events and coloured by their mean score;
    the most active places are drawn last, on top."""
    from gaiko.places.world import height_for, outlines, project

    active = {p["country"] for p in places if p.get("country")}
    countries = [{"iso3": o.iso3, "name": o.name, "path": o.path, "active": o.iso3 in active}
                 for o in outlines(width)]
    peak = max((p["events"] for p in places), default=1)
    markers = []
    for p in sorted(places, key=lambda p: p["events"]):
        x, y = project(p["latitude"], p["longitude"], width)
        markers.append({**p, "x": x, "y": y, "r": round(3 + 13 * math.sqrt(p["events"] / peak), 1),
                        "fill": plover.score_colour(p["score"])})
    return WorldMap(width, height_for(width), countries, markers)
