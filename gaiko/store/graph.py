"""The actor network: who interacts with whom, how often, and how friendly.

Nodes are actors (by their merge key, :func:`gaiko.store.merge.actor_key`, so
``Kim Yong-chol`` and ``Kim Yong Chol`` are one node, and an unnamed actor is its
country).  An edge joins every source actor of an event to every target actor;
the network is undirected, so ``A → B`` and ``B → A`` events add to one edge
(Gephi and networkx read it as such).  Each edge carries

- ``weight``: the number of distinct events between the two actors;
- ``score``: the mean cooperation–conflict score of those events, from
  :data:`gaiko.plover.SCORES` (-1 most conflictual … +1 most cooperative);
- ``cooperation`` / ``conflict``: how many of them have a positive / negative score;
- ``types``: the event count per PLOVER type.

Nodes carry ``label``, ``actor_id``, ``country``, ``events`` (distinct events the
actor takes part in, on either side, with or without a counterpart) and the same
``score`` and ``types``.  Events with no actor on one side add to the node only.

:func:`actor_graph` takes an :class:`~gaiko.store.filters.EventFilter`;
:func:`to_json` gives ``{"directed", "nodes", "edges"}``, :func:`to_graphml` a
GraphML document written with the standard library.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from gaiko.errors import InputError
from gaiko.plover import SCORES, score
from gaiko.store.filters import EventFilter, where_sql

if TYPE_CHECKING:
    from gaiko.store.connection import Reader

GRAPH_FORMATS = ("graphml", "json")
LEVELS = ("actor", "country")


def node_expr(alias: str, level: str = "actor") -> str:
    """The SQL naming the node an ``event_actors`` row (``alias``) belongs to.

    At the ``country`` level people and organs fold into their state, as GDELT's
    Actor1/Actor2CountryCode: Kim Jong Un and 北朝鮮外務省 are both PRK.  An
    international organisation (country ``IGO``) and an actor of no known country
    stay themselves."""
    if level == "actor":
        return f"{alias}.actor_key"
    if level == "country":
        return (f"CASE WHEN {alias}.country IS NOT NULL AND {alias}.country <> 'IGO'"
                f" THEN {alias}.country ELSE {alias}.actor_key END")
    raise InputError("--level", f"unknown level {level!r} (one of {', '.join(LEVELS)})")

NODE_KEYS = (("label", "string"), ("actor_id", "string"), ("country", "string"), ("events", "int"),
             ("score", "double"), ("types", "string"))
EDGE_KEYS = (("weight", "double"), ("score", "double"), ("cooperation", "int"), ("conflict", "int"),
             ("types", "string"))


@dataclass(frozen=True)
class Graph:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


def _summary(types: Counter[str]) -> dict[str, Any]:
    n = sum(types.values())
    total = sum(score(t) * k for t, k in types.items())
    return {
        "score": round(total / n, 4) if n else 0.0,
        "cooperation": sum(k for t, k in types.items() if SCORES.get(t, 0) > 0),
        "conflict": sum(k for t, k in types.items() if SCORES.get(t, 0) < 0),
        "types": dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def actor_graph(store: "Reader", where: EventFilter | None = None, *, level: str = "actor") -> Graph:
    """The network of the events matching ``where``, between actors or, with
    ``level="country"``, between states (:func:`node_expr`)."""
    nx, ny, nea = node_expr("x", level), node_expr("y", level), node_expr("ea", level)
    conds, params = (where or EventFilter()).where()
    selected = f"SELECT e.id, e.type FROM events e{where_sql((conds, params))}"
    edge_sql = (
        f"WITH ev AS ({selected})"
        f" SELECT least({nx}, {ny}) AS a, greatest({nx}, {ny}) AS b,"
        " ev.type, count(DISTINCT ev.id) AS n"
        " FROM ev JOIN event_actors x ON x.event_id = ev.id AND x.role = 'source'"
        " JOIN event_actors y ON y.event_id = ev.id AND y.role = 'target'"
        f" WHERE {nx} <> {ny} GROUP BY ALL"
    )
    node_sql = (
        f"WITH ev AS ({selected})"
        f" SELECT {nea} AS key, ev.type, count(DISTINCT ev.id) AS n"
        " FROM ev JOIN event_actors ea ON ea.event_id = ev.id GROUP BY ALL"
    )
    label_sql = (
        f"WITH ev AS ({selected})"
        " SELECT a.key, a.id, a.country, a.text FROM actors a"
        " WHERE a.key IN (SELECT ea.actor_key FROM event_actors ea JOIN ev ON ev.id = ea.event_id)"
    )

    def fn(conn):
        with conn.snapshot():
            return (conn.execute(edge_sql, params).fetchall(), conn.execute(node_sql, params).fetchall(),
                    conn.execute(label_sql, params).fetchall())

    edge_rows, node_rows, label_rows = store.read(fn)

    node_types: dict[str, Counter[str]] = defaultdict(Counter)
    for key, type_, n in node_rows:
        node_types[key][type_] += n
    labels = {key: (id_, country, text) for key, id_, country, text in label_rows}
    if level == "country":  # a state's node is its code; an actor that did not fold keeps its own label
        labels = {key: (id_, country, text) for key, id_, country, text in label_rows
                  if not country or country == "IGO"}
        labels.update({key: (key, key, key) for key in node_types if key not in labels})
    nodes = []
    for key in sorted(node_types, key=lambda k: (-sum(node_types[k].values()), k)):
        id_, country, text = labels.get(key, (None, None, None))
        summary = _summary(node_types[key])
        nodes.append({
            "id": key,
            "label": id_ or (f"{country} ({text})" if country else text) or key,
            "actor_id": id_,
            "country": country,
            "events": sum(node_types[key].values()),
            "score": summary["score"],
            "types": summary["types"],
        })

    edge_types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for a, b, type_, n in edge_rows:
        edge_types[(a, b)][type_] += n
    edges = []
    for (a, b) in sorted(edge_types, key=lambda p: (-sum(edge_types[p].values()), p)):
        types = edge_types[(a, b)]
        edges.append({"source": a, "target": b, "weight": sum(types.values()), **_summary(types)})
    return Graph(nodes, edges)


def to_json(graph: Graph) -> dict[str, Any]:
    """``{"directed": false, "nodes": [...], "edges": [...]}`` (node-link form)."""
    return {"directed": False, "nodes": graph.nodes, "edges": graph.edges}


def to_graphml(graph: Graph) -> str:
    """A GraphML document (UTF-8 text) with the node and edge attributes as typed keys."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for scope, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, "key", {"id": f"{scope[0]}_{name}", "for": scope, "attr.name": name,
                                        "attr.type": kind})
    g = ET.SubElement(root, "graph", {"id": "gaiko", "edgedefault": "undirected"})

    def data(parent: ET.Element, scope: str, name: str, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, dict):
            value = json.dumps(value, ensure_ascii=False)
        ET.SubElement(parent, "data", {"key": f"{scope}_{name}"}).text = str(value)

    for node in graph.nodes:
        el = ET.SubElement(g, "node", {"id": node["id"]})
        for name, _ in NODE_KEYS:
            data(el, "n", name, node[name])
    for i, edge in enumerate(graph.edges):
        el = ET.SubElement(g, "edge", {"id": f"e{i}", "source": edge["source"], "target": edge["target"]})
        for name, _ in EDGE_KEYS:
            data(el, "e", name, edge[name])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render(graph: Graph, format: str) -> str:
    """The graph as text in ``format`` (graphml or json)."""
    if format == "graphml":
        return to_graphml(graph)
    if format == "json":
        return json.dumps(to_json(graph), ensure_ascii=False, indent=1) + "\n"
    raise InputError("--format", f"unknown graph format {format!r} (one of {', '.join(GRAPH_FORMATS)})")
