#!/usr/bin/env python3
"""Minimum cost of DIMACS min-cost flow files, by networkx's network simplex: an independent check of Allot's
allocation solver and DIMACS export. Prints one cost per file, in order ("infeasible" when no flow exists).
Exit 3 when networkx cannot be imported (Debian: apt-get install python3-networkx)."""
import sys

try:
    import networkx as nx
except ImportError:
    print("python3-networkx is not installed", file=sys.stderr)
    sys.exit(3)


def read(path):
    """A MultiDiGraph (parallel arcs allowed) with demands, and the cost of the lower bounds shifted out."""
    g = nx.MultiDiGraph()
    offset = 0
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0] == "c":
                continue
            if parts[0] == "p":
                if parts[1] != "min":
                    raise ValueError(f"{path}: not a min-cost flow problem")
                g.add_nodes_from(range(1, int(parts[2]) + 1), demand=0)
            elif parts[0] == "n":
                g.nodes[int(parts[1])]["demand"] -= int(parts[2])
            elif parts[0] == "a":
                u, v, low, cap, cost = (int(x) for x in parts[1:6])
                if low:
                    offset += low * cost
                    g.nodes[u]["demand"] += low
                    g.nodes[v]["demand"] -= low
                g.add_edge(u, v, capacity=cap - low, weight=cost)
    return g, offset


for path in sys.argv[1:]:
    graph, offset = read(path)
    try:
        cost, _ = nx.network_simplex(graph)
        print(cost + offset)
    except nx.NetworkXUnfeasible:
        print("infeasible")
