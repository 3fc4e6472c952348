namespace Allot.Core.Pool;

/// <summary>The answer to a claim, assignment or release: done, or refused with a reason a person can act on.</summary>
/// <param name="Refusal">Why it was refused; null when allowed.</param>
/// <param name="Message">What happened or why not, naming the customer, the rep and the limit.</param>
public sealed record ClaimVerdict(ClaimRefusal? Refusal, string Message)
{
    /// <summary>True when allowed.</summary>
    public bool Allowed => Refusal is null;
}
