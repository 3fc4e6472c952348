namespace Allot.Storage;

/// <summary>One customer's figures in a value run.</summary>
/// <param name="CustomerKey">The customer.</param>
/// <param name="X">Repeat purchases in the calibration period.</param>
/// <param name="Tx">Time of the last repeat purchase since the first (run's unit).</param>
/// <param name="T">Time from the first purchase to the calibration end (run's unit).</param>
/// <param name="MeanSpend">Mean repeat spend (zbar).</param>
/// <param name="HistoricValue">Spend in the calibration period.</param>
/// <param name="ProbabilityAlive">P(alive).</param>
/// <param name="ExpectedPurchases">Expected purchases in the run's horizon.</param>
/// <param name="ExpectedSpend">Expected spend per purchase.</param>
/// <param name="Clv">CLV over the run's months.</param>
/// <param name="ChurnWarning">Whether the customer has a churn warning.</param>
/// <param name="ValueAtRisk">(1 − P(alive)) × value, for warned customers.</param>
/// <param name="ChurnRank">1 for the largest value at risk, for warned customers.</param>
public sealed record StoredCustomerValue(string CustomerKey, int X, double Tx, double T, double MeanSpend, double HistoricValue,
    double? ProbabilityAlive, double? ExpectedPurchases, double? ExpectedSpend, double? Clv, bool ChurnWarning, double? ValueAtRisk, int? ChurnRank);
