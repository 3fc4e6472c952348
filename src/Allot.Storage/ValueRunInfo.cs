namespace Allot.Storage;

/// <summary>A stored value run.</summary>
/// <param name="Id">Run number.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="By">Who ran it.</param>
/// <param name="Run">Models, estimates and settings.</param>
public sealed record ValueRunInfo(long Id, DateTimeOffset CreatedAt, string By, ValueRun Run);
