namespace Allot.Storage;

/// <summary>A rep's book: the customers it owns now, by tier in the latest classification run, and their value in
/// the latest value run.</summary>
/// <param name="RepKey">The rep.</param>
/// <param name="Customers">Customers it owns (any status).</param>
/// <param name="Value">Sum of their CLV in the latest value run (a customer without a figure counts 0; 0 when there is no run).</param>
/// <param name="Tiers">Per tier of the latest classification run, by tier name; customers not classified there
/// (or every customer, when there is no run) under the tier "-".</param>
public sealed record RepBook(string RepKey, long Customers, double Value, IReadOnlyList<TierShare> Tiers);

/// <summary>A rep's customers of one tier.</summary>
/// <param name="Tier">The tier, or "-" for customers not classified.</param>
/// <param name="Customers">How many.</param>
/// <param name="Value">Sum of their CLV.</param>
public sealed record TierShare(string Tier, long Customers, double Value);
