namespace Allot.Core.Importing;

/// <summary>What the store recorded for one file.</summary>
/// <param name="ImportId">The import's id in the store.</param>
/// <param name="CreatedCustomers">Customers created for records that named unknown ones (--create-missing).</param>
public sealed record FileCounts(long ImportId, long CreatedCustomers);
