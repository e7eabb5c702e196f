"""Reads a diplograph export back with networkx and prints what it holds.

    python3 read_export.py FORMAT FILE

FORMAT is gexf, graphml or cytoscape. Prints one JSON object: the node and
edge counts, the attributes of every node by id and of every edge by id,
and for GEXF the spells, so that the Go test compares them with the store.
"""
import json
import sys

import networkx as nx


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    if fmt == "gexf":
        g = nx.read_gexf(path)
    elif fmt == "graphml":
        g = nx.read_graphml(path, force_multigraph=True)
    elif fmt == "cytoscape":
        with open(path, encoding="utf-8") as f:
            g = nx.cytoscape_graph(json.load(f))
    else:
        raise SystemExit("unknown format " + fmt)
    nodes = {str(n): {k: v for k, v in d.items()} for n, d in g.nodes(data=True)}
    edges = {}
    if g.is_multigraph():
        triples = ((u, v, d.get("id", k), d) for u, v, k, d in g.edges(keys=True, data=True))
    else:
        triples = ((u, v, d.get("id", f"{u}->{v}"), d) for u, v, d in g.edges(data=True))
    for u, v, eid, d in triples:
        eid = str(eid)
        edges[eid] = dict(d, _source=str(u), _target=str(v))
    out = {
        "directed": g.is_directed(),
        "nodes": nodes,
        "edges": edges,
        "networkx": nx.__version__,
    }
    json.dump(out, sys.stdout, default=str)


if __name__ == "__main__":
    main()
