namespace Allot.Core.Customers;

/// <summary>The answer for one customer about to be created (import or API).</summary>
/// <param name="Key">The new customer's key.</param>
/// <param name="Name">The new customer's name.</param>
/// <param name="Verdict">New, or who has the existing one.</param>
/// <param name="MatchKey">The existing customer it matches, if any.</param>
/// <param name="Match">How: "key" (the same key), "phone", "email" or "name" (near-identical in the same city).</param>
/// <param name="OwnerRepKey">The existing customer's owner, if any.</param>
/// <param name="Message">The answer in words.</param>
public sealed record CheckResult(string Key, string Name, CheckVerdict Verdict, string? MatchKey, string? Match, string? OwnerRepKey, string Message);
