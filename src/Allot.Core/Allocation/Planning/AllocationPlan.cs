using Allot.Core.Allocation.Policies;

namespace Allot.Core.Allocation.Planning;

/// <summary>A proposal: an owner for every customer, with the numbers and words that decided it, and summaries.</summary>
/// <param name="Strategy">How owners were chosen.</param>
/// <param name="Objective">The minimised cost: minus the total fit in hundredths of a point, plus the balance cost
/// (and the cost of any customer left unassigned). For the optimal strategy it is the minimum cost of the exported
/// DIMACS network.</param>
/// <param name="Assignments">One per customer taking part, by customer key.</param>
/// <param name="Reps">Per rep: load and book before and after.</param>
/// <param name="Regions">Per region: demand against the capacity of the reps serving it.</param>
/// <param name="Quality">Total fit, matches, balance and owner changes.</param>
/// <param name="ChangeCap">How a cap on owner changes was met, when one was asked for.</param>
public sealed record AllocationPlan(
    AllocationStrategy Strategy, long Objective, IReadOnlyList<PlannedAssignment> Assignments, IReadOnlyList<RepSummary> Reps,
    IReadOnlyList<RegionSummary> Regions, PlanQuality Quality, ChangeCapResult? ChangeCap = null);

/// <summary>A cap on owner changes, met by Lagrangian relaxation: a bonus λ on every current-owner assignment,
/// tuned by bisection to the smallest that keeps changes within the cap.</summary>
/// <param name="Cap">The cap asked for.</param>
/// <param name="Unconstrained">Owner changes of the uncapped optimum.</param>
/// <param name="UnconstrainedObjective">The uncapped optimum (a lower bound too).</param>
/// <param name="Lambda">The bonus used, in cost units per kept owner.</param>
/// <param name="Changes">Owner changes of the proposal (≤ cap when <paramref name="Met"/>).</param>
/// <param name="LowerBound">The best Lagrangian bound on the capped optimum: no allocation within the cap costs less.</param>
/// <param name="Solves">Solves the tuning took.</param>
/// <param name="Met">False when even an unlimited bonus cannot keep within the cap (e.g. reps taken out force moves).</param>
public sealed record ChangeCapResult(int Cap, int Unconstrained, long UnconstrainedObjective, long Lambda, int Changes, long LowerBound, int Solves, bool Met)
{
    /// <summary>The proposal's objective can exceed the capped optimum by at most this (objective − bound).</summary>
    public long Gap(long objective) => Math.Max(0, objective - LowerBound);
}

/// <summary>One customer's proposed owner and why.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="CurrentRep">Its owner now.</param>
/// <param name="ProposedRep">The proposed owner; when no eligible rep had room, the current owner (or null).</param>
/// <param name="Fit">The proposed rep's fit by component.</param>
/// <param name="RunnerUp">The best other candidate rep, or null.</param>
/// <param name="RunnerUpFit">The runner-up's fit in points.</param>
/// <param name="Binding">The constraint that kept the customer from a better-fitting rep, or null.</param>
/// <param name="Fixed">Why the assignment could not move (locked, do-not-move, key account, new-only), or null.</param>
/// <param name="Reason">The decision in words.</param>
/// <param name="Placed">False when no eligible rep had room: the customer stays with its owner (or without one).</param>
public sealed record PlannedAssignment(
    string CustomerKey, string Tier, string? CurrentRep, string? ProposedRep, FitBreakdown Fit, string? RunnerUp, double RunnerUpFit,
    string? Binding, string? Fixed, string Reason, bool Placed = true)
{
    /// <summary>True when the proposal changes the owner.</summary>
    public bool Changes => ProposedRep is not null && ProposedRep != CurrentRep;

    /// <summary>The proposed fit less the runner-up's (how clear the choice is; negative when a constraint decided).</summary>
    public double Margin => RunnerUp is null ? 0 : Fit.Total - RunnerUpFit;
}

/// <summary>One rep's book before and after the proposal.</summary>
/// <param name="RepKey">The rep.</param>
/// <param name="Capacity">Accounts it may hold (0: inactive or taken out).</param>
/// <param name="FairShare">Its fair share of workload units.</param>
/// <param name="LoadBefore">Accounts before.</param>
/// <param name="LoadAfter">Accounts after.</param>
/// <param name="WorkloadAfter">Workload units after (accounts weighted by tier).</param>
/// <param name="ValueBefore">Book value before.</param>
/// <param name="ValueAfter">Book value after.</param>
/// <param name="TierMix">Accounts after per tier, best first.</param>
/// <param name="Gained">Customers gained.</param>
/// <param name="Lost">Customers lost.</param>
/// <param name="ShadowPrice">What one more account of capacity would be worth to the book (hundredths of a point; 0 when not full).</param>
public sealed record RepSummary(
    string RepKey, int Capacity, double FairShare, int LoadBefore, int LoadAfter, long WorkloadAfter, double ValueBefore, double ValueAfter,
    IReadOnlyList<int> TierMix, int Gained, int Lost, long ShadowPrice);

/// <summary>A region's demand against the capacity of the reps serving it.</summary>
/// <param name="Region">The region.</param>
/// <param name="Customers">Customers in it.</param>
/// <param name="Value">Their value.</param>
/// <param name="Workload">Their workload units.</param>
/// <param name="Capacity">Capacity of the reps serving it (a rep serving several regions counted in equal parts).</param>
/// <param name="Unassigned">Customers left without an eligible rep with room.</param>
public sealed record RegionSummary(string Region, int Customers, double Value, long Workload, double Capacity, int Unassigned)
{
    /// <summary>True when the region has more accounts than its reps can take.</summary>
    public bool UnderServed => Unassigned > 0 || Customers > Capacity;
}

/// <summary>How good a proposal is.</summary>
/// <param name="TotalFit">Sum of the proposed fits, in points.</param>
/// <param name="ExpertiseShare">Share of customers with a known industry placed with a rep who knows it.</param>
/// <param name="SeniorityShare">Share of customers placed with a rep of the best-fitting level for their tier.</param>
/// <param name="OwnerChanges">Customers with an owner whose owner changes (customers without one getting one are not counted).</param>
/// <param name="Unassigned">Customers without an eligible rep with room.</param>
/// <param name="MaxMinLoad">Largest over smallest workload among reps with capacity.</param>
/// <param name="Gini">Gini coefficient of workload relative to capacity among reps with capacity (0 = even).</param>
public sealed record PlanQuality(double TotalFit, double ExpertiseShare, double SeniorityShare, int OwnerChanges, int Unassigned, double MaxMinLoad, double Gini);

/// <summary>What forcing a customer to a rep would cost the whole book.</summary>
/// <param name="Objective">The optimal objective without the forcing.</param>
/// <param name="Feasible">False when a hard rule forbids it (then <paramref name="Cost"/> is 0).</param>
/// <param name="Cost">The increase of the optimal objective, in hundredths of a point (≥ 0).</param>
/// <param name="Explanation">Why, in words.</param>
public sealed record ForcingAnswer(long Objective, bool Feasible, long Cost, string Explanation);
