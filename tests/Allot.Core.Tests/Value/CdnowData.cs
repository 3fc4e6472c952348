using System.Globalization;
using Allot.Core.Value;
using Allot.Tests.Shared;

namespace Allot.Core.Tests.Value;

/// <summary>The CDNOW 1/10 sample as the papers use it (../shared/data/cdnow, conventions in its README).</summary>
internal static class CdnowData
{
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);
    public static readonly DateOnly HoldoutEnd = new(1998, 6, 30);

    private static readonly Lazy<CustomerSummaries> Weekly = new(() => Summaries(TimeUnit.Week));

    /// <summary>Sample id (column 2) as the customer key, date, dollars.</summary>
    public static IEnumerable<Purchase> Purchases()
    {
        foreach (string line in File.ReadLines(SharedData.File("cdnow", "CDNOW_sample.txt")))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 5) continue;
            yield return new Purchase(f[1], DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture),
                decimal.Parse(f[4], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>39 weeks of calibration, 39 of holdout, in weeks.</summary>
    public static CustomerSummaries WeeklySummaries => Weekly.Value;

    public static CustomerSummaries Summaries(TimeUnit unit) => CustomerSummaries.FromPurchases(Purchases(),
        new SummaryOptions { Unit = unit, CalibrationEnd = CalibrationEnd, HoldoutEnd = HoldoutEnd });

    /// <summary>The published summary file: ID, x, t_x, T, zbar (as printed).</summary>
    public static IReadOnlyList<string[]> PublishedSummary() =>
        File.ReadAllText(SharedData.File("cdnow", "cdnow_customers_summary_with_transactions.csv"))
            .Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
}
