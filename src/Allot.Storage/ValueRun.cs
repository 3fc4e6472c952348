using Allot.Core.Value;

namespace Allot.Storage;

/// <summary>What a value run was: the models, their estimates and the settings its figures were computed with.</summary>
public sealed record ValueRun
{
    /// <summary>The purchase model: bgnbd or pareto-nbd.</summary>
    public required string Model { get; init; }

    /// <summary>The time unit of the fit: day, week or month.</summary>
    public required string Unit { get; init; }

    /// <summary>Last day of the calibration period (the date the figures describe).</summary>
    public required DateOnly CalibrationEnd { get; init; }

    /// <summary>The purchase model's estimates with standard errors.</summary>
    public required IReadOnlyList<FittedParameter> Parameters { get; init; }

    /// <summary>Its summed log-likelihood.</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>Whether its fit converged.</summary>
    public required bool Converged { get; init; }

    /// <summary>Gamma-Gamma estimates (empty when spend fell back to each customer's own mean).</summary>
    public IReadOnlyList<FittedParameter> SpendParameters { get; init; } = [];

    /// <summary>Gamma-Gamma log-likelihood, when fitted.</summary>
    public double? SpendLogLikelihood { get; init; }

    /// <summary>Frequency-spend correlation over the repeat buyers.</summary>
    public double? SpendCorrelation { get; init; }

    /// <summary>Horizon of the expected purchases, days.</summary>
    public required double HorizonDays { get; init; }

    /// <summary>CLV horizon, months.</summary>
    public required int ClvMonths { get; init; }

    /// <summary>Monthly discount rate of the CLV.</summary>
    public required double DiscountRate { get; init; }

    /// <summary>Margin applied to spend in the CLV.</summary>
    public required double Margin { get; init; }

    /// <summary>Churn rule: P(alive) below this.</summary>
    public required double ChurnThreshold { get; init; }

    /// <summary>Churn rule: value at or above this quantile.</summary>
    public required double ChurnQuantile { get; init; }

    /// <summary>Churn rule: historic or expected value.</summary>
    public required string ChurnBasis { get; init; }

    /// <summary>The value at the churn quantile.</summary>
    public double? ValueCut { get; init; }

    /// <summary>Customers scored.</summary>
    public required int Customers { get; init; }

    /// <summary>Churn warnings.</summary>
    public required int Warnings { get; init; }
}
