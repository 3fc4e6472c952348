namespace Allot.Core.Allocation;

/// <summary>A general flow network: nodes with supplies (positive: the node sends; negative: it receives) and arcs
/// with a lower bound, an upper bound (capacity) and a cost per unit, all integers.</summary>
/// <remarks>Built by adding arcs, then handed to <see cref="MinCostFlow.Solve"/> or <see cref="Dimacs.Write(FlowNetwork, TextWriter)"/>.
/// Parallel arcs are allowed. Arcs are numbered 0.. in the order added.</remarks>
public sealed class FlowNetwork
{
    private readonly long[] _supply;
    private readonly List<int> _from = [], _to = [];
    private readonly List<long> _lower = [], _upper = [], _cost = [];

    /// <summary>A network of <paramref name="nodeCount"/> nodes (0..nodeCount−1), no arcs and no supplies.</summary>
    public FlowNetwork(int nodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        _supply = new long[nodeCount];
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _supply.Length;

    /// <summary>Number of arcs.</summary>
    public int ArcCount => _from.Count;

    /// <summary>Adds an arc and returns its number.</summary>
    /// <exception cref="ArgumentException">A node out of range, or bounds with 0 ≤ lower ≤ upper broken.</exception>
    public int AddArc(int from, int to, long lower, long upper, long cost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, NodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(to);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(to, NodeCount);
        if (lower < 0 || lower > upper) throw new ArgumentException($"arc bounds must satisfy 0 <= lower <= upper; got {lower}..{upper}", nameof(lower));
        _from.Add(from);
        _to.Add(to);
        _lower.Add(lower);
        _upper.Add(upper);
        _cost.Add(cost);
        return _from.Count - 1;
    }

    /// <summary>Sets a node's supply (negative: demand).</summary>
    public void SetSupply(int node, long supply) => _supply[node] = supply;

    /// <summary>A node's supply (negative: demand).</summary>
    public long Supply(int node) => _supply[node];

    /// <summary>The tail of an arc.</summary>
    public int From(int arc) => _from[arc];

    /// <summary>The head of an arc.</summary>
    public int To(int arc) => _to[arc];

    /// <summary>The least flow on an arc.</summary>
    public long Lower(int arc) => _lower[arc];

    /// <summary>The capacity of an arc.</summary>
    public long Upper(int arc) => _upper[arc];

    /// <summary>The cost per unit of flow on an arc.</summary>
    public long Cost(int arc) => _cost[arc];
}
