namespace Allot.Core.Value;

/// <summary>A model of how many purchases a customer makes and whether the customer is still active, fitted on
/// histories (x, tₓ, T): BG/NBD and Pareto/NBD.</summary>
/// <remarks>Times are in the unit the model was fitted in (days, weeks or months); x counts repeat purchases
/// (purchase days after the first), tₓ is the time of the last one and T the time since the first purchase,
/// both measured from the first purchase.</remarks>
public interface ICountModel
{
    /// <summary>bgnbd or pareto-nbd.</summary>
    string Name { get; }

    /// <summary>P(alive | x, tₓ, T): the probability the customer has not dropped out by T.</summary>
    double ProbabilityAlive(int x, double tx, double t);

    /// <summary>E[purchases in (T, T + horizon] | x, tₓ, T, alive at T]; times P(alive) it is the conditional expectation.</summary>
    /// <remarks>In both models it depends on x and T but not on tₓ (given alive at T, the posterior of the rates
    /// does not involve tₓ); <see cref="ValueScorer"/> relies on that to compute it once per (x, T).</remarks>
    double ExpectedPurchasesIfAlive(double horizon, int x, double tx, double t);

    /// <summary>E[purchases in (T, T + horizon] | x, tₓ, T].</summary>
    double ExpectedPurchases(double horizon, int x, double tx, double t);

    /// <summary>E[repeat purchases in (0, horizon]] of a customer who just made a first purchase (the model's
    /// unconditional mean, used for the tracking chart).</summary>
    double ExpectedPurchasesNew(double horizon);
}
