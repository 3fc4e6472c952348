namespace Allot.Storage.Runs;

/// <summary>One class's figures, rounded for display: shares to 6 places, revenue to cents, means to 4 places.</summary>
/// <param name="Class">The class.</param>
/// <param name="Customers">Customers in it.</param>
/// <param name="CustomerShare">Its share of the customers.</param>
/// <param name="Revenue">Its customers' revenue.</param>
/// <param name="RevenueShare">Its share of the revenue.</param>
/// <param name="ProfitShare">Its share of the profit (0 without profit figures).</param>
/// <param name="Means">Mean indicators over its customers with a value; null when none has one.</param>
public sealed record ClassFigures(string Class, int Customers, double CustomerShare, double Revenue, double RevenueShare, double ProfitShare,
    IReadOnlyDictionary<string, double?> Means);
