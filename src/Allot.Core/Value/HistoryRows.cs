namespace Allot.Core.Value;

/// <summary>Customer histories (x, tₓ, T) grouped: identical rows become one with a weight, and the distinct tₓ and
/// T values are listed once, so a likelihood evaluation computes each ln(α + T) once however many customers share it.</summary>
internal sealed class HistoryRows
{
    private HistoryRows(int[] x, int[] txIndex, int[] tIndex, double[] weight, double[] txValues, double[] tValues, int maxX, double totalWeight)
    {
        X = x;
        TxIndex = txIndex;
        TIndex = tIndex;
        Weight = weight;
        TxValues = txValues;
        TValues = tValues;
        MaxX = maxX;
        TotalWeight = totalWeight;
    }

    /// <summary>Repeat purchases of each row.</summary>
    public int[] X { get; }

    /// <summary>Index of each row's tₓ in <see cref="TxValues"/>.</summary>
    public int[] TxIndex { get; }

    /// <summary>Index of each row's T in <see cref="TValues"/>.</summary>
    public int[] TIndex { get; }

    /// <summary>How many customers each row stands for.</summary>
    public double[] Weight { get; }

    /// <summary>The distinct recencies.</summary>
    public double[] TxValues { get; }

    /// <summary>The distinct ages.</summary>
    public double[] TValues { get; }

    /// <summary>Largest x.</summary>
    public int MaxX { get; }

    /// <summary>Sum of the weights (customers).</summary>
    public double TotalWeight { get; }

    /// <summary>Rows.</summary>
    public int Count => X.Length;

    /// <summary>Groups histories; <paramref name="weights"/> null means one customer each.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or a row is impossible (x &lt; 0, tₓ &lt; 0, T &lt; tₓ, a
    /// negative weight). Rows of weight 0 are skipped.</exception>
    public static HistoryRows Group(IReadOnlyList<int> x, IReadOnlyList<double> tx, IReadOnlyList<double> t, IReadOnlyList<double>? weights = null)
    {
        int n = x.Count;
        if (tx.Count != n || t.Count != n || (weights is not null && weights.Count != n))
            throw new ArgumentException("x, tx, T (and weights) must have one value per customer");
        var rows = new Dictionary<(int, double, double), int>();
        var rx = new List<int>();
        var rtx = new List<double>();
        var rt = new List<double>();
        var rw = new List<double>();
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double w = weights?[i] ?? 1;
            if (w == 0) continue;
            if (x[i] < 0 || !(tx[i] >= 0) || !(t[i] >= tx[i]) || !double.IsFinite(t[i]) || !(w > 0))
                throw new ArgumentException($"row {i + 1}: impossible history x={x[i]}, t_x={tx[i]}, T={t[i]}, weight={w}");
            var key = (x[i], tx[i], t[i]);
            if (rows.TryGetValue(key, out int row)) rw[row] += w;
            else
            {
                rows.Add(key, rx.Count);
                rx.Add(x[i]);
                rtx.Add(tx[i]);
                rt.Add(t[i]);
                rw.Add(w);
            }
            total += w;
        }
        var (txValues, txIndex) = Distinct(rtx);
        var (tValues, tIndex) = Distinct(rt);
        return new HistoryRows([.. rx], txIndex, tIndex, [.. rw], txValues, tValues, rx.Count == 0 ? 0 : rx.Max(), total);
    }

    private static (double[] Values, int[] Index) Distinct(List<double> values)
    {
        var map = new Dictionary<double, int>();
        var list = new List<double>();
        var index = new int[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (!map.TryGetValue(values[i], out int k))
            {
                k = list.Count;
                map.Add(values[i], k);
                list.Add(values[i]);
            }
            index[i] = k;
        }
        return ([.. list], index);
    }
}
