namespace Allot.Core.Customers;

/// <summary>Two customers that may be the same one (客户查重), and why. Never merged automatically.</summary>
/// <param name="FirstKey">The customer with the smaller key (ordinal).</param>
/// <param name="SecondKey">The other customer.</param>
/// <param name="Reason">"phone", "email" or "name".</param>
/// <param name="Detail">The shared normalised value, or both names for a near-identical name.</param>
public sealed record DuplicateCandidate(string FirstKey, string SecondKey, string Reason, string Detail);
