namespace Allot.Storage;

/// <summary>A stored allocation run (a proposal).</summary>
/// <param name="Id">Run number.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="By">Who proposed it.</param>
/// <param name="PolicyName">The policy's name.</param>
/// <param name="Strategy">optimal, greedy or round-robin.</param>
/// <param name="ClassificationRunId">The classification run whose tiers it used.</param>
/// <param name="Objective">The minimised cost (minus the total fit in hundredths of a point, plus the balance cost).</param>
/// <param name="Customers">Customers in the proposal.</param>
/// <param name="Changes">Customers whose proposed owner differs from the current one.</param>
/// <param name="SummaryJson">The run's summary (per rep, per region, quality measures) as JSON.</param>
/// <param name="AppliedAt">When it was applied, or null.</param>
/// <param name="AppliedBy">Who applied it, or null.</param>
/// <param name="AppliedChanges">Owner changes applied so far.</param>
public sealed record AllocationRunInfo(long Id, DateTimeOffset CreatedAt, string By, string PolicyName, string Strategy,
    long? ClassificationRunId, long Objective, int Customers, int Changes, string SummaryJson, DateTimeOffset? AppliedAt,
    string? AppliedBy, int AppliedChanges);

/// <summary>What a new allocation run records besides its results.</summary>
/// <param name="PolicyName">The policy's name.</param>
/// <param name="PolicyText">The policy as used (its file's text).</param>
/// <param name="Strategy">optimal, greedy or round-robin.</param>
/// <param name="ClassificationRunId">The classification run whose tiers it used.</param>
/// <param name="Objective">The minimised cost.</param>
/// <param name="SummaryJson">The run's summary as JSON.</param>
public sealed record AllocationRunHeader(string PolicyName, string PolicyText, string Strategy, long? ClassificationRunId,
    long Objective, string SummaryJson);

/// <summary>One customer's place in an allocation run.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="CurrentRep">Its owner when the run was made.</param>
/// <param name="ProposedRep">The proposed owner (null: unassigned — no eligible rep with capacity).</param>
/// <param name="Fit">The proposed rep's fit in points.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="DetailsJson">The numbers behind it (components, runner-up, margin, binding constraint) as JSON.</param>
/// <param name="Applied">Whether this change has been applied.</param>
public sealed record StoredAllocation(string CustomerKey, string? CurrentRep, string? ProposedRep, double Fit, string Reason,
    string DetailsJson, bool Applied = false);

/// <summary>What applying an allocation run did.</summary>
/// <param name="Changed">Customers that changed owner.</param>
/// <param name="Unchanged">Selected customers already with their proposed owner.</param>
public sealed record ApplyOutcome(int Changed, int Unchanged);
