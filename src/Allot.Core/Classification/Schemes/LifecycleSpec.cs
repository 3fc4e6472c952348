using Allot.Core.Classification.Lifecycle;
using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>A lifecycle stage classifier in a scheme (<see cref="LifecycleClassifier"/>).</summary>
/// <param name="Name">The classifier's name.</param>
/// <param name="Line">Its line in the source.</param>
/// <param name="Options">Indicators, stage thresholds and name language.</param>
public sealed record LifecycleSpec(string Name, int Line, LifecycleOptions Options) : ClassifierSpec(Name, Line)
{
    /// <inheritdoc/>
    public override string Kind => "lifecycle";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Indicators =>
        [Options.OrdersIndicator, Options.TenureIndicator, Options.RecencyIndicator, Options.GrowthIndicator];

    /// <inheritdoc/>
    public override ClassifierResult Run(IndicatorTable table) => LifecycleClassifier.Classify(table, Options with { Name = Name });
}
