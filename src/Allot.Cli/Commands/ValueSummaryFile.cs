using System.Globalization;
using Allot.Core.Value;
using Allot.Import.Importing;

namespace Allot.Cli.Commands;

/// <summary>Histories from a summary CSV, in the papers' layouts (CDNOW summaries, donations.csv).</summary>
internal sealed record ValueSummaryFile(string Path, string[] Keys, int[] X, double[] Tx, double[] T, double[]? MeanSpend, double[]? Weights)
{
    public static ValueSummaryFile Read(string path)
    {
        using var reader = Importer.Open(path, new ImportOptions());
        var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(bool required, params string[] names)
        {
            int i = headers.FindIndex(names.Contains);
            if (i < 0 && required)
                throw new ArgumentException($"{path}: no column {string.Join(" or ", names)}; headers found: {string.Join(", ", reader.Headers)}");
            return i;
        }
        int id = Column(false, "id", "customer_id", "customer"), x = Column(true, "x", "frequency"), tx = Column(true, "t_x", "recency"),
            t = Column(true, "t", "periods", "n", "age"), zbar = Column(false, "zbar", "monetary_value", "mean_spend"),
            w = Column(false, "weights", "weight", "count", "n_custs");
        var keys = new List<string>();
        var xs = new List<int>();
        var txs = new List<double>();
        var ts = new List<double>();
        var zs = new List<double>();
        var ws = new List<double>();
        while (reader.Read(out var row))
        {
            string Cell(int i) => i < row.Fields.Length ? row.Fields[i].Trim() : "";
            double Number(int i, string name) => double.TryParse(Cell(i), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v : throw new ArgumentException($"{path}, line {row.Line}: {name} '{Cell(i)}' is not a number");
            double xv = Number(x, "x");
            if (xv < 0 || xv != Math.Floor(xv)) throw new ArgumentException($"{path}, line {row.Line}: x must be a whole number ≥ 0");
            keys.Add(id >= 0 ? Cell(id) : row.Line.ToString(CultureInfo.InvariantCulture));
            xs.Add((int)xv);
            txs.Add(Number(tx, "t_x"));
            ts.Add(Number(t, "T"));
            if (zbar >= 0) zs.Add(Number(zbar, "zbar"));
            if (w >= 0) ws.Add(Number(w, "weights"));
        }
        if (xs.Count == 0) throw new ArgumentException($"{path}: no rows");
        return new ValueSummaryFile(path, [.. keys], [.. xs], [.. txs], [.. ts], zbar >= 0 ? [.. zs] : null, w >= 0 ? [.. ws] : null);
    }

    /// <summary>As customer summaries (one row per customer; weighted rows are repeated).</summary>
    public CustomerSummaries ToSummaries(TimeUnit unit, DateOnly calibrationEnd)
    {
        var keys = new List<string>();
        var x = new List<int>();
        var tx = new List<double>();
        var t = new List<double>();
        var z = new List<double>();
        for (int i = 0; i < X.Length; i++)
        {
            double w = Weights?[i] ?? 1;
            if (w != Math.Floor(w) || w < 0) throw new ArgumentException($"{Path}: weights must be whole numbers for this model");
            for (int k = 0; k < w; k++)
            {
                keys.Add(w == 1 ? Keys[i] : $"{Keys[i]}#{k + 1}");
                x.Add(X[i]);
                tx.Add(Tx[i]);
                t.Add(T[i]);
                z.Add(MeanSpend?[i] ?? 0);
            }
        }
        return CustomerSummaries.Create(unit, calibrationEnd, keys, x, tx, t, z);
    }
}
