using Allot.Core.Maintenance;

namespace Allot.Storage.Maintenance;

/// <summary>Feeds the latest value run's P(alive) into a daily job, so churn warnings (follow-up tasks and alerts) come
/// from the value model as well as from the lifecycle stage.</summary>
public static class ValueModelHook
{
    /// <summary>The options with <see cref="JobOptions.AliveProbability"/> and <see cref="JobOptions.ValuedOn"/> from the
    /// store's latest value run; unchanged when there is none (or it has no P(alive), e.g. a Gamma-Gamma-only run).</summary>
    public static JobOptions WithValueModel(this JobOptions options, IStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        if (store.GetValueRuns(1) is not [var run]) return options;
        var alive = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var v in store.ReadCustomerValues(run.Id))
            if (v.ProbabilityAlive is { } p && double.IsFinite(p)) alive[v.CustomerKey] = p;
        return alive.Count == 0 ? options : options with { AliveProbability = alive, ValuedOn = run.Run.CalibrationEnd };
    }
}
