using Allot.Core.Classification.Clustering;

namespace Allot.Core.Value;

/// <summary>Generates orders from known BG/NBD and Gamma-Gamma parameters: for benchmarks, and to check that a fit
/// recovers the parameters it was given.</summary>
/// <remarks>Each customer draws λ ~ Gamma(r, α), p ~ Beta(a, b) and ν ~ Gamma(q, γ); makes a first purchase on a
/// day uniform in the first <see cref="SimulationOptions.CohortDays"/> days; then buys after exponential(λ) gaps
/// (in the model's unit) and drops out after each repeat purchase with probability p, until the end day. Each
/// amount is Gamma(p_spend, ν), rounded to cents. Times are cut to whole days, as real orders are, so two
/// purchases on one day become one in the summaries. Deterministic for a seed (SplitMix64).</remarks>
public static class BgNbdSimulation
{
    /// <summary>Simulated orders, customer by customer.</summary>
    public static IEnumerable<Purchase> Purchases(BgNbdModel model, GammaGammaModel spend, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new SplitMix64(options.Seed);
        double unitDays = TimeUnits.Days(options.Unit);
        int start = options.Start.DayNumber, end = options.End.DayNumber;
        // Keys C0000001… with as many digits as the largest number, so ordinal order is numeric order.
        string digits = new('0', Math.Max(1, options.Customers.ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
        for (int c = 0; c < options.Customers; c++)
        {
            string key = "C" + c.ToString(digits, System.Globalization.CultureInfo.InvariantCulture);
            double lambda = Gamma(random, model.R) / model.Alpha;
            double ga = Gamma(random, model.A), gb = Gamma(random, model.B);
            double dropout = ga / (ga + gb);
            double nu = Gamma(random, spend.Q) / spend.Gamma;
            double day = start + random.NextInt(options.CohortDays);
            for (bool first = true; ; first = false)
            {
                decimal amount = Math.Round((decimal)Math.Max(0.01, Gamma(random, spend.P) / nu), 2);
                yield return new Purchase(key, DateOnly.FromDayNumber((int)day), amount);
                if (!first && random.NextDouble() < dropout) break; // dropout follows repeat purchases only
                day += -Math.Log(1 - random.NextDouble()) / lambda * unitDays;
                if (!(day <= end)) break;
            }
        }
    }

    /// <summary>Exact continuous-time histories (x, tₓ, T) straight from the model, without orders or whole days:
    /// T uniform in [<paramref name="minT"/>, <paramref name="maxT"/>] (model units). For checking that a fit recovers
    /// the parameters: orders cut to whole days merge same-day purchases of the heaviest buyers, which biases the
    /// rate parameters slightly.</summary>
    public static (int[] X, double[] Tx, double[] T) Histories(BgNbdModel model, int customers, double minT, double maxT, ulong seed)
    {
        var random = new SplitMix64(seed);
        var x = new int[customers];
        var tx = new double[customers];
        var t = new double[customers];
        for (int c = 0; c < customers; c++)
        {
            double lambda = Gamma(random, model.R) / model.Alpha;
            double ga = Gamma(random, model.A), gb = Gamma(random, model.B);
            double dropout = ga / (ga + gb);
            t[c] = minT + (maxT - minT) * random.NextDouble();
            double time = 0;
            while (true)
            {
                time += -Math.Log(1 - random.NextDouble()) / lambda;
                if (!(time <= t[c])) break;
                x[c]++;
                tx[c] = time;
                if (random.NextDouble() < dropout) break;
            }
        }
        return (x, tx, t);
    }

    /// <summary>A Gamma(shape, 1) variate (Marsaglia &amp; Tsang 2000; shape &lt; 1 by the boost U^{1/shape}).</summary>
    internal static double Gamma(SplitMix64 random, double shape)
    {
        if (shape < 1) return Gamma(random, shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = random.NextGaussian();
                v = 1 + c * z;
            }
            while (v <= 0);
            v = v * v * v;
            double u = 1 - random.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}
