namespace Allot.Core.Maintenance;

/// <summary>The follow-up plan's rules besides the cadence (which is per tier, segment and stage).</summary>
/// <param name="NewCustomerDays">A new customer is followed up within this many days of its first order.</param>
/// <param name="NewCustomerWindowDays">A first order counts as new for this many days (older first orders follow the cadence).</param>
/// <param name="ChurnDays">A customer with a churn warning is followed up within this many days of the warning.</param>
/// <param name="ChurnStages">Lifecycle stages that are a churn warning (e.g. declining, dormant).</param>
/// <param name="ChurnProbabilityBelow">A value model's probability of still being active below this is a churn warning.</param>
/// <param name="HorizonWeeks">Weeks ahead the plan reaches when not told otherwise.</param>
public sealed record FollowUpSettings(
    int NewCustomerDays,
    int NewCustomerWindowDays,
    int ChurnDays,
    IReadOnlySet<string> ChurnStages,
    double ChurnProbabilityBelow,
    int HorizonWeeks);
