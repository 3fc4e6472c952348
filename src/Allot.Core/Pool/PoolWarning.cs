namespace Allot.Core.Pool;

/// <summary>The standing warning to a customer's owner that it returns to the pool.</summary>
/// <param name="RepKey">The owner warned.</param>
/// <param name="On">The day of the warning.</param>
/// <param name="Due">The day announced for the return to the pool.</param>
public sealed record PoolWarning(string RepKey, DateOnly On, DateOnly Due);
