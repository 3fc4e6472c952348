using System.Globalization;
using Allot.Core.Maintenance;

namespace Allot.Core.FollowUps;

/// <summary>Which customers carry a churn warning.</summary>
/// <remarks>Two sources: the lifecycle stage of the latest classification run (a stage listed in
/// <see cref="FollowUpSettings.ChurnStages"/>, e.g. declining or dormant), and — when a value-model run exists — its
/// probability that the customer is still active (BG/NBD P(alive)) below
/// <see cref="FollowUpSettings.ChurnProbabilityBelow"/>. The value model is the hook for the value-model issue:
/// pass its probabilities and its as-of date; without them only the stage counts.</remarks>
public static class ChurnSignals
{
    /// <summary>The customer's churn warning, or null.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="settings">The follow-up settings.</param>
    /// <param name="classifiedOn">The as-of date of the classification run the stage comes from.</param>
    /// <param name="alive">P(still active) from a value-model run, when one exists and covers the customer.</param>
    /// <param name="valuedOn">The value-model run's as-of date.</param>
    public static ChurnSignal? Of(BookCustomer customer, FollowUpSettings settings, DateOnly? classifiedOn, double? alive, DateOnly? valuedOn)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(settings);
        if (alive is double p && valuedOn is { } v && p < settings.ChurnProbabilityBelow)
            return new ChurnSignal(v, string.Create(CultureInfo.InvariantCulture, $"value model: P(active) {p:0.00} below {settings.ChurnProbabilityBelow:0.00}"));
        if (customer.Stage is { } stage && classifiedOn is { } c && settings.ChurnStages.Contains(stage))
            return new ChurnSignal(c, $"lifecycle stage {stage}");
        return null;
    }
}
