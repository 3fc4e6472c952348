namespace Allot.Core.Value;

/// <summary>Every customer's value figures, aligned with the rows of the <see cref="CustomerSummaries"/> they were
/// computed from.</summary>
/// <param name="ProbabilityAlive">P(alive) at the calibration end.</param>
/// <param name="ExpectedPurchases">Expected purchases in the scoring horizon.</param>
/// <param name="ExpectedSpend">Expected spend per purchase (Gamma-Gamma conditional mean, or the customer's own
/// mean when there is no spend model).</param>
/// <param name="Clv">Discounted expected margin over the CLV horizon.</param>
/// <param name="ClvIfAlive">The same for a customer known to be active (CLV / P(alive), computed directly so it
/// stays finite when P(alive) underflows).</param>
public sealed record ValueScores(double[] ProbabilityAlive, double[] ExpectedPurchases, double[] ExpectedSpend, double[] Clv, double[] ClvIfAlive)
{
    /// <summary>Customers.</summary>
    public int Count => ProbabilityAlive.Length;
}
