namespace Allot.Core.Allocation;

/// <summary>A connected part of an assignment problem: reps linked by customers that may go to either, and those
/// customers. Nothing in one component affects another, so each is solved on its own.</summary>
internal sealed class Component
{
    private Component(int[] reps, int[] customers)
    {
        Reps = reps;
        Customers = customers;
    }

    /// <summary>Global rep indices, ascending.</summary>
    public int[] Reps { get; }

    /// <summary>Global customer indices, ascending.</summary>
    public int[] Customers { get; }

    /// <summary>Splits a problem into components ordered by their least rep. Reps no customer can reach form one
    /// last component without customers; customers without candidates belong to none (they stay unassigned).</summary>
    public static List<Component> Split(AssignmentProblem p)
    {
        var parent = Enumerable.Range(0, p.RepCount).ToArray();
        var starts = p.CandidateStart;
        var reps = p.CandidateRep;
        for (int i = 0; i < p.CustomerCount; i++)
            for (int a = starts[i] + 1; a < starts[i + 1]; a++)
            {
                int x = Find(parent, reps[starts[i]]), y = Find(parent, reps[a]);
                if (x != y) parent[Math.Max(x, y)] = Math.Min(x, y);
            }

        var reached = new bool[p.RepCount];
        for (int a = 0; a < reps.Length; a++) reached[reps[a]] = true;
        var index = new int[p.RepCount];
        var repLists = new List<List<int>>();
        var idle = new List<int>();
        for (int r = 0; r < p.RepCount; r++)
        {
            if (!reached[r])
            {
                idle.Add(r);
                continue;
            }
            int root = Find(parent, r);
            if (root == r)
            {
                index[r] = repLists.Count;
                repLists.Add([]);
            }
            else index[r] = index[root];
            repLists[index[r]].Add(r);
        }
        var customerLists = repLists.Select(_ => new List<int>()).ToList();
        for (int i = 0; i < p.CustomerCount; i++)
            if (starts[i] < starts[i + 1]) customerLists[index[reps[starts[i]]]].Add(i);

        var components = new List<Component>(repLists.Count + 1);
        for (int c = 0; c < repLists.Count; c++) components.Add(new Component([.. repLists[c]], [.. customerLists[c]]));
        if (idle.Count > 0) components.Add(new Component([.. idle], []));
        return components;
    }

    /// <summary>The component as a problem of its own, reps and customers renumbered from 0 in ascending order.</summary>
    /// <param name="p">The whole problem.</param>
    /// <param name="localRep">Scratch of one entry per rep of <paramref name="p"/>, shared by all components (each
    /// writes only its own reps).</param>
    public AssignmentProblem Extract(AssignmentProblem p, int[] localRep)
    {
        if (Reps.Length == p.RepCount && Customers.Length == p.CustomerCount) return p;
        for (int k = 0; k < Reps.Length; k++) localRep[Reps[k]] = k;
        int n = Customers.Length, tiers = p.TierCount, reps = Reps.Length;
        var starts = p.CandidateStart;
        var tier = new int[n];
        var start = new int[n + 1];
        var unassigned = new long[n];
        var fixedRep = new int[n];
        for (int k = 0; k < n; k++)
        {
            int i = Customers[k];
            start[k + 1] = start[k] + starts[i + 1] - starts[i];
        }
        var rep = new int[start[n]];
        var cost = new long[start[n]];
        for (int k = 0; k < n; k++)
        {
            int i = Customers[k];
            tier[k] = p.CustomerTier[i];
            unassigned[k] = p.UnassignedCost[i];
            fixedRep[k] = p.IsFixed(i) ? localRep[p.FixedRep[i]] : AssignmentProblem.None;
            var repsOf = p.RepsOf(i);
            for (int a = 0; a < repsOf.Length; a++) rep[start[k] + a] = localRep[repsOf[a]];
            p.CostsOf(i).CopyTo(cost.AsSpan(start[k]));
        }
        var capacity = new int[reps];
        var tierCapacity = new int[reps, tiers];
        var repLoad = new LoadCost[reps];
        var tierLoad = new LoadCost[reps, tiers];
        for (int k = 0; k < reps; k++)
        {
            int r = Reps[k];
            capacity[k] = p.Capacity[r];
            repLoad[k] = p.RepLoadCost(r);
            for (int t = 0; t < tiers; t++)
            {
                tierCapacity[k, t] = p.TierCapacity(r, t);
                tierLoad[k, t] = p.TierLoadCost(r, t);
            }
        }
        return new AssignmentProblem(reps, tiers, tier, start, rep, cost, unassigned, capacity, tierCapacity, repLoad, tierLoad, fixedRep);
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
