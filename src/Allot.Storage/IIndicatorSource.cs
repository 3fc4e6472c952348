using Allot.Core.Indicators;

namespace Allot.Storage;

/// <summary>A store that computes the per-customer indicators where the data is (GROUP BY in SQL) instead of
/// streaming every order out; the table is exactly the one <see cref="IndicatorCalculator"/> computes from the
/// store's records.</summary>
/// <remarks>Optional: callers use it when the store offers it (<c>store is IIndicatorSource</c>) and stream
/// the records through <see cref="IndicatorCalculator.Compute(IndicatorInput, DateOnly?)"/> otherwise.</remarks>
public interface IIndicatorSource
{
    /// <summary>The indicators of every customer at an as-of date.</summary>
    /// <param name="asOf">The date; when null, the default of <see cref="IndicatorCalculator.Compute(IndicatorInput, DateOnly?)"/>
    /// (the latest order date, else the latest date of any record).</param>
    IndicatorTable ComputeIndicators(DateOnly? asOf);
}
