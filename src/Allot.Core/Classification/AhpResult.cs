using System.Globalization;

namespace Allot.Core.Classification;

/// <summary>Weights derived from an AHP pairwise comparison matrix, with Saaty's consistency measures.</summary>
/// <remarks>
/// CI = (λmax − n) / (n − 1); CR = CI / RI with Saaty's random index RI for n; for n ≤ 2 every matrix is
/// consistent and CR = 0. The most inconsistent pair is the one whose judgement a_ij differs most from the ratio
/// w_i / w_j the weights imply, measured as |ln(a_ij · w_j / w_i)| (a factor of 3 too high or too low counts the
/// same); criteria are numbered from 1 in messages and 0 in <see cref="MostInconsistentPair"/>.
/// </remarks>
public sealed class AhpResult
{
    internal AhpResult(double[] weights, double lambdaMax, double ci, double ri, double cr, (int Row, int Column) pair, double given)
    {
        Weights = weights;
        LambdaMax = lambdaMax;
        ConsistencyIndex = ci;
        RandomIndex = ri;
        ConsistencyRatio = cr;
        MostInconsistentPair = pair;
        MostInconsistentGiven = given;
    }

    /// <summary>The weights, one per criterion in matrix order, summing to 1.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The principal eigenvalue λmax (≥ n; n exactly for a consistent matrix).</summary>
    public double LambdaMax { get; }

    /// <summary>Consistency index CI = (λmax − n) / (n − 1); 0 for n ≤ 2.</summary>
    public double ConsistencyIndex { get; }

    /// <summary>Saaty's random index for n (0 for n ≤ 2).</summary>
    public double RandomIndex { get; }

    /// <summary>Consistency ratio CR = CI / RI; 0 for n ≤ 2. Saaty accepts CR ≤ 0.10.</summary>
    public double ConsistencyRatio { get; }

    /// <summary>Row and column (0-based, row &lt; column) of the judgement farthest from what the weights imply.</summary>
    public (int Row, int Column) MostInconsistentPair { get; }

    /// <summary>The judgement given for <see cref="MostInconsistentPair"/>.</summary>
    public double MostInconsistentGiven { get; }

    /// <summary>The ratio w_row / w_column the weights imply for <see cref="MostInconsistentPair"/>.</summary>
    public double MostInconsistentImplied => Weights[MostInconsistentPair.Row] / Weights[MostInconsistentPair.Column];

    /// <summary>Returns this result when CR ≤ <paramref name="limit"/> (inclusive), else throws.</summary>
    /// <param name="limit">Largest acceptable consistency ratio; Saaty's 0.10 by default.</param>
    /// <exception cref="InvalidOperationException">CR &gt; limit; the message names the most inconsistent pair.</exception>
    public AhpResult EnsureConsistent(double limit = 0.10)
    {
        if (ConsistencyRatio <= limit) return this;
        var (i, j) = MostInconsistentPair;
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"consistency ratio {ConsistencyRatio:0.00} > {limit:0.00}: revise the comparisons; the most inconsistent pair is criteria {i + 1} and {j + 1} (judged {MostInconsistentGiven:0.###}, the weights imply {MostInconsistentImplied:0.###})"));
    }
}
