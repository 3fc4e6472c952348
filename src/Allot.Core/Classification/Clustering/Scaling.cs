namespace Allot.Core.Classification.Clustering;

/// <summary>Column scaling for clustering: writes one scaled indicator into a row-major matrix.</summary>
internal static class Scaling
{
    /// <summary>Writes the scaled <paramref name="column"/> into column <paramref name="j"/> of
    /// <paramref name="matrix"/> (<paramref name="d"/> columns); missing values get the scaled column mean.</summary>
    /// <exception cref="ArgumentException">The column has an infinite value, or no known value at all.</exception>
    public static void Write(ReadOnlySpan<double> column, string name, Normalisation how, double[] matrix, int j, int d)
    {
        int known = 0;
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in column)
        {
            if (double.IsNaN(v)) continue;
            if (double.IsInfinity(v)) throw new ArgumentException($"indicator {name} has an infinite value");
            known++;
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (known == 0) throw new ArgumentException($"indicator {name} has no known value, so it cannot be used for clustering");
        double mean = sum / known;
        double shift, scale;
        if (how == Normalisation.ZScore)
        {
            double squares = 0;
            foreach (double v in column)
                if (!double.IsNaN(v)) squares += (v - mean) * (v - mean);
            double sd = Math.Sqrt(squares / known);
            shift = mean;
            scale = sd > 0 ? 1 / sd : 0;
        }
        else
        {
            shift = min;
            scale = max > min ? 1 / (max - min) : 0;
        }
        // The fill for a missing value is the mean of the scaled known values: 0 for z-scores by construction,
        // (mean − min) / (max − min) for min-max. Either way missing values sit at the centre of the column.
        double fill = (mean - shift) * scale;
        for (int i = 0; i < column.Length; i++)
        {
            double v = column[i];
            matrix[i * d + j] = double.IsNaN(v) ? fill : (v - shift) * scale;
        }
    }
}
