using System.Globalization;
using Allot.Core.Allocation.Policies;
using Allot.Core.Reps;

namespace Allot.Core.Allocation.Planning;

/// <summary>Turns a policy, a book and reps into an assignment problem, solves it (optimally, or by a baseline) and
/// explains every assignment: the fit by component, the runner-up and margin, the binding constraint.</summary>
public static class Allocator
{
    /// <summary>Cost of leaving a customer without an owner, in hundredths of a point: far above any fit or balance
    /// difference, so a customer is unassigned only when no eligible rep has room.</summary>
    public const long UnassignedCost = 10_000_000;

    /// <summary>Proposes owners for the request's book.</summary>
    public static AllocationPlan Plan(AllocationRequest request, CancellationToken cancellation = default)
    {
        var model = AllocationModel.Build(request);
        int[] repOf;
        long objective;
        long[] shadow;
        switch (request.Strategy)
        {
            case AllocationStrategy.Optimal:
            {
                var solution = Solve(model, model.Problem, cancellation);
                repOf = solution.RepOf.ToArray();
                objective = solution.Objective;
                shadow = model.RepShadowPrices(solution);
                if (request.MaxChanges is int cap && Changes(model, repOf) > cap)
                {
                    var capped = CapChanges(model, cap, repOf, objective, cancellation);
                    var result = Explain(model, request.Strategy, capped.RepOf, capped.Objective, new long[model.Reps.Count]);
                    return result with { ChangeCap = capped.Result };
                }
                break;
            }
            case AllocationStrategy.Greedy:
                repOf = Baselines.Greedy(model.Problem, model.Priority);
                objective = model.Problem.Cost(repOf);
                shadow = new long[model.Reps.Count];
                break;
            default:
                repOf = Baselines.RoundRobin(model.Problem);
                objective = model.Problem.Cost(repOf);
                shadow = new long[model.Reps.Count];
                break;
        }
        return Explain(model, request.Strategy, repOf, objective, shadow);
    }

    private static int Changes(AllocationModel m, int[] repOf)
    {
        int n = 0;
        for (int i = 0; i < repOf.Length; i++)
            if (repOf[i] >= 0 && m.OwnerOf[i] >= 0 && repOf[i] != m.OwnerOf[i]) n++;
        return n;
    }

    /// <summary>Lagrangian relaxation of "at most <paramref name="cap"/> owner changes": solve with a bonus λ on every
    /// current-owner arc, bisect on λ for the smallest bonus whose optimum keeps within the cap. Every λ gives the
    /// bound L(λ) = c(x_λ) + λ·(changes(x_λ) − cap) on the capped optimum; the best bound is reported with the gap.</summary>
    private static (int[] RepOf, long Objective, ChangeCapResult Result) CapChanges(AllocationModel m, int cap, int[] free, long freeObjective, CancellationToken ct)
    {
        int unconstrained = Changes(m, free);
        long lowerBound = freeObjective; // λ = 0
        long lo = 0, hi = 100; // one point
        int solves = 0;
        int[]? best = null;
        long bestObjective = 0;
        (int[] RepOf, long Cost, int Changes) Try(long lambda)
        {
            solves++;
            var solution = Solve(m, m.WithOwnerBonus(lambda), ct);
            int[] x = solution.RepOf.ToArray();
            long cost = m.Problem.Cost(x);
            int changes = Changes(m, x);
            lowerBound = Math.Max(lowerBound, cost + lambda * (changes - (long)cap));
            if (changes <= cap && (best is null || cost < bestObjective)) (best, bestObjective) = (x, cost);
            return (x, cost, changes);
        }
        // Grow λ until the cap holds (or λ is so large that only forced moves remain).
        const long limit = AssignmentProblem.MaxAbsCost / 4;
        while (hi < limit && Try(hi).Changes > cap) hi *= 4;
        if (best is null)
            return (free, freeObjective, new ChangeCapResult(cap, unconstrained, freeObjective, hi, unconstrained, lowerBound, solves, false));
        lo = hi / 4;
        while (hi - lo > Math.Max(1, hi / 256) && solves < 40)
        {
            long mid = lo + (hi - lo) / 2;
            if (Try(mid).Changes > cap) lo = mid;
            else hi = mid;
        }
        int changesBest = Changes(m, best!);
        return (best!, bestObjective, new ChangeCapResult(cap, unconstrained, freeObjective, hi, changesBest, lowerBound, solves, true));
    }

    private static AssignmentSolution Solve(AllocationModel model, AssignmentProblem p, CancellationToken cancellation)
    {
        int k = model.Policy.Candidates;
        bool prune = false;
        if (k > 0)
            for (int i = 0; i < p.CustomerCount && !prune; i++) prune = p.CandidateStart[i + 1] - p.CandidateStart[i] > k;
        var solution = prune ? CandidatePruning.Solve(p, k, cancellationToken: cancellation).Solution : AssignmentSolver.Solve(p, cancellation);
        if (solution.Status != AssignmentStatus.Optimal)
            throw new InvalidOperationException($"the book has no feasible allocation: {solution.Message}");
        return solution;
    }

    /// <summary>The assignment problem the optimal strategy solves (for the DIMACS export).</summary>
    public static AssignmentProblem Problem(AllocationRequest request) => AllocationModel.Build(request).Problem;

    /// <summary>What forcing a customer to a rep would cost the whole book under the optimal strategy: the exact
    /// change of the optimal objective (from the residual network's shortest cycle through that assignment).</summary>
    public static ForcingAnswer WhyNot(AllocationRequest request, string customerKey, string repKey)
    {
        var model = AllocationModel.Build(request);
        int i = -1;
        for (int k = 0; k < model.Customers.Count; k++)
            if (model.Customers[k].Key == customerKey) i = k;
        if (i < 0) throw new ArgumentException($"customer '{customerKey}' takes no part in this allocation (in the pool, inactive or unknown)");
        if (!model.RepIndex.TryGetValue(repKey, out int r)) throw new ArgumentException($"no rep with key '{repKey}'");
        // The full problem (no pruning), so the residual network holds every alternative.
        var solution = AssignmentSolver.Solve(model.Problem);
        if (solution.Status != AssignmentStatus.Optimal) throw new InvalidOperationException($"the book has no feasible allocation: {solution.Message}");
        var c = model.Customers[i];
        int chosen = solution.RepOf[i];
        string current = chosen >= 0 ? model.Reps[chosen].Key : "nobody";
        if (chosen == r)
            return new ForcingAnswer(solution.Objective, true, 0, $"{repKey} is already the proposed rep for {customerKey}");
        if (model.FixedReason[i] is { } why)
            return new ForcingAnswer(solution.Objective, false, 0, $"{customerKey} cannot move: {why}");
        var rep = model.Reps[r];
        if (!model.Eligible(i).Contains(r))
        {
            string because = !rep.Active ? $"{repKey} is inactive" : model.Capacity[r] == 0 ? $"{repKey} takes no accounts (capacity 0)"
                : $"{repKey} does not serve region {c.Region} (the policy's region rule is hard)";
            return new ForcingAnswer(solution.Objective, false, 0, because);
        }
        var fitThere = model.Fit.Fit(c, rep);
        var fitHere = chosen >= 0 ? model.Fit.Fit(c, model.Reps[chosen]) : default;
        var forced = AssignmentSolver.WhyNot(model.Problem, solution, i, r);
        if (!forced.Feasible)
            return new ForcingAnswer(solution.Objective, false, 0, $"no feasible book has {customerKey} with {repKey}: {forced.Reason}");
        long delta = forced.ObjectiveChange;
        long direct = FitModel.CostOf(fitThere.Total) - FitModel.CostOf(fitHere.Total);
        string text = $"{customerKey} with {repKey}: fit {Num(fitThere.Total)} ({Components(fitThere)}) against {Num(fitHere.Total)} with {current}; "
            + $"the book loses {Num(delta / 100.0)} point(s) in all";
        if (delta != direct)
            text += $" — {Num(direct / 100.0)} on this customer, {Num((delta - direct) / 100.0)} from the knock-on moves and balance ({repKey} "
                + (solution.RepShadowPrice(r) != 0 ? $"is full; a place there is worth {Num(solution.RepShadowPrice(r) / 100.0)})" : "would carry more than its fair share)");
        int pushedOut = forced.Chain.Count(m => m.To < 0);
        if (pushedOut > 0)
            text += $"; it would leave {pushedOut} customer(s) with no eligible rep that has room (each costs {Num(UnassignedCost / 100.0)} points by design)";
        if (forced.Chain.Count > 1)
            text += "; to make room: " + string.Join(", ", forced.Chain.Skip(1).Take(5).Select(m =>
                $"{model.Customers[m.Customer].Key} {(m.From >= 0 ? model.Reps[m.From].Key : "unassigned")} → {(m.To >= 0 ? model.Reps[m.To].Key : "unassigned")}"))
                + (forced.Chain.Count > 6 ? $" … ({forced.Chain.Count - 1} moves)" : "");
        return new ForcingAnswer(solution.Objective, true, delta, text);
    }

    private static AllocationPlan Explain(AllocationModel m, AllocationStrategy strategy, int[] repOf, long objective, long[] shadow)
    {
        var reps = m.Reps;
        int tiers = m.Tiers.Count;
        // A customer no eligible rep had room for stays with its owner, if it has one (beyond that rep's capacity).
        var kept = new int[m.Customers.Count];
        for (int i = 0; i < kept.Length; i++)
            kept[i] = repOf[i] >= 0 ? repOf[i] : m.Customers[i].Owner is { } o && m.RepIndex.TryGetValue(o, out int r) ? r : -1;
        var load = new int[reps.Count];
        var tierLoad = new int[reps.Count, tiers];
        var workload = new long[reps.Count];
        for (int i = 0; i < m.Customers.Count; i++)
        {
            if (kept[i] < 0) continue;
            int t = m.TierOf[i];
            load[kept[i]]++;
            tierLoad[kept[i], t]++;
            workload[kept[i]] += m.Weight[t];
        }

        var assignments = new PlannedAssignment[m.Customers.Count];
        for (int i = 0; i < m.Customers.Count; i++)
        {
            var c = m.Customers[i];
            int chosen = repOf[i];
            var fit = kept[i] >= 0 ? m.Fit.Fit(c, reps[kept[i]]) : default;
            // Runner-up: the best-fitting other candidate (ties: the rep key).
            int runnerUp = -1;
            double runnerUpFit = double.NegativeInfinity;
            foreach (int r in m.AllCandidates(i))
            {
                if (r == kept[i]) continue;
                double f = m.Fit.Fit(c, reps[r]).Total;
                if (f > runnerUpFit) (runnerUp, runnerUpFit) = (r, f);
            }
            string? binding = null;
            if (chosen < 0)
                binding = runnerUp >= 0 ? Binding(m, runnerUp, m.TierOf[i], load, tierLoad, workload) : "no eligible rep (region, active, capacity)";
            else if (runnerUp >= 0 && runnerUpFit > fit.Total)
                binding = Binding(m, runnerUp, m.TierOf[i], load, tierLoad, workload);
            string reason = Reason(m, i, chosen, kept[i], fit, runnerUp, runnerUpFit, binding);
            assignments[i] = new PlannedAssignment(c.Key, c.Tier, c.Owner, kept[i] >= 0 ? reps[kept[i]].Key : null, fit,
                runnerUp >= 0 ? reps[runnerUp].Key : null, runnerUp >= 0 ? Math.Round(runnerUpFit, 2) : 0, binding, m.FixedReason[i], reason, chosen >= 0);
        }
        return new AllocationPlan(strategy, objective, assignments, RepSummaries(m, kept, load, tierLoad, workload, shadow),
            RegionSummaries(m, repOf), Quality(m, repOf, assignments, workload));
    }

    private static string Binding(AllocationModel m, int rep, int tier, int[] load, int[,] tierLoad, long[] workload)
    {
        string key = m.Reps[rep].Key;
        if (load[rep] >= m.Capacity[rep]) return $"{key} is full ({load[rep]} of {m.Capacity[rep]} accounts)";
        int tierCap = m.Problem.TierCapacity(rep, tier);
        if (tierCap != int.MaxValue && tierLoad[rep, tier] >= tierCap) return $"{key} has no {m.Tiers[tier]} places left ({tierLoad[rep, tier]} of {tierCap})";
        if (workload[rep] > m.FairShare[rep])
            return $"{key} is above its fair share ({workload[rep]} workload units against {m.FairShare[rep]:0.#}): balance";
        return $"a better use of {key}'s capacity elsewhere in the book";
    }

    private static string Reason(AllocationModel m, int i, int chosen, int kept, FitBreakdown fit, int runnerUp, double runnerUpFit, string? binding)
    {
        var c = m.Customers[i];
        var reps = m.Reps;
        if (chosen < 0)
        {
            return kept >= 0
                ? $"no eligible rep has room ({binding}): stays with {reps[kept].Key} beyond its capacity"
                : $"no eligible rep has room ({binding}): stays without an owner";
        }
        string who = reps[chosen].Key;
        string parts = Components(fit);
        string head = m.FixedReason[i] is { } why ? $"stays with {who} ({why})"
            : c.Owner == who ? $"stays with {who}"
            : c.Owner is null ? $"to {who} (no owner before)"
            : $"moves from {c.Owner} to {who}";
        string text = $"{head}: fit {Num(fit.Total)} = {parts}";
        if (runnerUp >= 0)
        {
            double margin = fit.Total - runnerUpFit;
            text += margin >= 0
                ? $"; next best {reps[runnerUp].Key} at {Num(runnerUpFit)} ({Num(margin)} less)"
                : $"; {reps[runnerUp].Key} fits better ({Num(runnerUpFit)}) but {binding}";
        }
        if (c.Owner is not null && c.Owner != who && m.RepIndex.TryGetValue(c.Owner, out int owner))
        {
            double ownerFit = m.Fit.Fit(c, reps[owner]).Total;
            if (owner != runnerUp) text += $"; current owner {c.Owner} at {Num(ownerFit)}";
            if (m.Capacity[owner] == 0) text += $" ({c.Owner} takes no accounts)";
        }
        return text;
    }

    private static string Components(FitBreakdown f)
    {
        var parts = new List<string>();
        if (f.Seniority != 0) parts.Add($"seniority {Num(f.Seniority)}");
        if (f.Expertise != 0) parts.Add($"expertise {Num(f.Expertise)}");
        if (f.Lifecycle != 0) parts.Add($"lifecycle {Num(f.Lifecycle)}");
        if (f.Continuity != 0) parts.Add($"continuity {Num(f.Continuity)}");
        if (f.Performance != 0) parts.Add($"performance {Num(f.Performance)}");
        if (f.RegionPenalty != 0) parts.Add($"outside region −{Num(f.RegionPenalty)}");
        return parts.Count == 0 ? "0" : string.Join(" + ", parts);
    }

    private static RepSummary[] RepSummaries(AllocationModel m, int[] repOf, int[] load, int[,] tierLoad, long[] workload, long[] shadow)
    {
        int n = m.Reps.Count;
        var before = new int[n];
        var valueBefore = new double[n];
        var valueAfter = new double[n];
        var gained = new int[n];
        var lost = new int[n];
        for (int i = 0; i < m.Customers.Count; i++)
        {
            var c = m.Customers[i];
            int owner = c.Owner is not null && m.RepIndex.TryGetValue(c.Owner, out int o) ? o : -1;
            if (owner >= 0)
            {
                before[owner]++;
                valueBefore[owner] += c.Value;
            }
            int to = repOf[i];
            if (to >= 0) valueAfter[to] += c.Value;
            if (to >= 0 && to != owner)
            {
                gained[to]++;
                if (owner >= 0) lost[owner]++;
            }
        }
        var list = new RepSummary[n];
        for (int r = 0; r < n; r++)
        {
            var mix = new int[m.Tiers.Count];
            for (int t = 0; t < mix.Length; t++) mix[t] = tierLoad[r, t];
            list[r] = new RepSummary(m.Reps[r].Key, m.Capacity[r], Math.Round(m.FairShare[r], 2), before[r], load[r], workload[r],
                Math.Round(valueBefore[r], 2), Math.Round(valueAfter[r], 2), mix, gained[r], lost[r], shadow[r]);
        }
        return list;
    }

    private static RegionSummary[] RegionSummaries(AllocationModel m, int[] repOf)
    {
        var regions = new SortedDictionary<string, (int Customers, double Value, long Workload, int Unassigned)>(StringComparer.Ordinal);
        for (int i = 0; i < m.Customers.Count; i++)
        {
            string region = m.Customers[i].Region ?? "(none)";
            regions.TryGetValue(region, out var s);
            regions[region] = (s.Customers + 1, s.Value + m.Customers[i].Value, s.Workload + m.Weight[m.TierOf[i]], s.Unassigned + (repOf[i] < 0 ? 1 : 0));
        }
        return [.. regions.Select(x => new RegionSummary(x.Key, x.Value.Customers, Math.Round(x.Value.Value, 2), x.Value.Workload,
            Math.Round(m.RegionCapacity(x.Key), 2), x.Value.Unassigned))];
    }

    private static PlanQuality Quality(AllocationModel m, int[] repOf, PlannedAssignment[] a, long[] workload)
    {
        double total = 0;
        int withIndustry = 0, expert = 0, senior = 0, changes = 0, unassigned = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (repOf[i] < 0)
            {
                unassigned++;
                continue;
            }
            total += a[i].Fit.Total;
            if (a[i].Changes && m.OwnerOf[i] >= 0) changes++; // a customer without an owner getting one is not a change
            var c = m.Customers[i];
            var rep = m.Reps[repOf[i]];
            if (c.Industry is not null)
            {
                withIndustry++;
                if (rep.Industries.Contains(c.Industry, StringComparer.Ordinal)) expert++;
            }
            var row = m.Fit.SeniorityRowFor(c.Tier);
            double best = row.Fit.Count == 0 ? 0 : row.Fit.Values.Max();
            if (row.Fit.TryGetValue(rep.Level, out double s) && s >= best) senior++;
        }
        int assigned = a.Length - unassigned;
        var ratios = new List<double>();
        long max = 0, min = long.MaxValue;
        for (int r = 0; r < m.Reps.Count; r++)
        {
            if (m.Capacity[r] <= 0) continue;
            max = Math.Max(max, workload[r]);
            min = Math.Min(min, workload[r]);
            ratios.Add(workload[r] / (double)m.Capacity[r]);
        }
        double maxMin = ratios.Count == 0 ? 0 : min == 0 ? (max == 0 ? 1 : double.PositiveInfinity) : max / (double)min;
        return new PlanQuality(Math.Round(total, 2), withIndustry == 0 ? 0 : Math.Round(expert / (double)withIndustry, 4),
            assigned == 0 ? 0 : Math.Round(senior / (double)assigned, 4), changes, unassigned, Math.Round(maxMin, 4), Math.Round(Gini(ratios), 4));
    }

    /// <summary>Gini coefficient of non-negative values (0 when all equal or none).</summary>
    public static double Gini(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.OrderBy(v => v).ToArray();
        double sum = sorted.Sum();
        if (sum <= 0) return 0;
        double weighted = 0;
        for (int i = 0; i < sorted.Length; i++) weighted += (i + 1) * sorted[i];
        return 2 * weighted / (sorted.Length * sum) - (sorted.Length + 1.0) / sorted.Length;
    }

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
