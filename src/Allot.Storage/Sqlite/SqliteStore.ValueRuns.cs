using System.Globalization;
using Allot.Core.Value;

namespace Allot.Storage.Sqlite;

/// <summary>Value runs (migration 3).</summary>
public sealed partial class SqliteStore
{
    private const string ValueRunColumns = """
        id, created_at, by_whom, model, time_unit, calibration_end, parameters, standard_errors, log_likelihood, converged,
        spend_parameters, spend_log_likelihood, spend_correlation, horizon_days, clv_months, discount_rate, margin,
        churn_threshold, churn_quantile, churn_basis, value_cut, customers, warnings
        """;

    private const string ValueResultColumns = """
        customer_key, frequency, recency, age, mean_spend, historic_value, p_alive, exp_purchases, exp_spend, clv,
        churn_warning, value_at_risk, churn_rank
        """;

    /// <inheritdoc />
    public long SaveValueRun(string by, ValueRun run, IEnumerable<StoredCustomerValue> customers)
    {
        using var tx = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO value_runs (created_at, by_whom, model, time_unit, calibration_end, parameters, standard_errors, log_likelihood,
                converged, spend_parameters, spend_log_likelihood, spend_correlation, horizon_days, clv_months, discount_rate, margin,
                churn_threshold, churn_quantile, churn_basis, value_cut, customers, warnings)
            VALUES ($at, $by, $model, $unit, $end, $params, $se, $ll, $conv, $spend, $spendLl, $corr, $horizon, $months, $rate, $margin,
                $threshold, $quantile, $basis, $cut, $n, $warnings) RETURNING id
            """;
        var p = insert.Parameters;
        p.AddWithValue("$at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        p.AddWithValue("$by", by);
        p.AddWithValue("$model", run.Model);
        p.AddWithValue("$unit", run.Unit);
        p.AddWithValue("$end", run.CalibrationEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        p.AddWithValue("$params", JoinParameters(run.Parameters, se: false));
        p.AddWithValue("$se", JoinParameters(run.Parameters, se: true));
        p.AddWithValue("$ll", run.LogLikelihood);
        p.AddWithValue("$conv", run.Converged ? 1 : 0);
        p.AddWithValue("$spend", JoinParameters(run.SpendParameters, se: false) + "|" + JoinParameters(run.SpendParameters, se: true));
        p.AddWithValue("$spendLl", (object?)Finite(run.SpendLogLikelihood) ?? DBNull.Value);
        p.AddWithValue("$corr", (object?)Finite(run.SpendCorrelation) ?? DBNull.Value);
        p.AddWithValue("$horizon", run.HorizonDays);
        p.AddWithValue("$months", run.ClvMonths);
        p.AddWithValue("$rate", run.DiscountRate);
        p.AddWithValue("$margin", run.Margin);
        p.AddWithValue("$threshold", run.ChurnThreshold);
        p.AddWithValue("$quantile", run.ChurnQuantile);
        p.AddWithValue("$basis", run.ChurnBasis);
        p.AddWithValue("$cut", (object?)Finite(run.ValueCut) ?? DBNull.Value);
        p.AddWithValue("$n", run.Customers);
        p.AddWithValue("$warnings", run.Warnings);
        long id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);

        // Runs can hold a million customers: the raw prepared statement, as imports use.
        var db = _connection.Handle ?? throw new StoreException("the store connection is closed");
        using (var row = new RawStatement(db, $"INSERT INTO value_results (run_id, {ValueResultColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        {
            foreach (var c in customers)
            {
                row.Bind(1, id);
                row.Bind(2, c.CustomerKey);
                row.Bind(3, (long)c.X);
                row.Bind(4, c.Tx);
                row.Bind(5, c.T);
                row.Bind(6, c.MeanSpend);
                row.Bind(7, c.HistoricValue);
                row.Bind(8, Finite(c.ProbabilityAlive));
                row.Bind(9, Finite(c.ExpectedPurchases));
                row.Bind(10, Finite(c.ExpectedSpend));
                row.Bind(11, Finite(c.Clv));
                row.Bind(12, c.ChurnWarning ? 1L : 0L);
                row.Bind(13, Finite(c.ValueAtRisk));
                row.Bind(14, (long?)c.ChurnRank);
                row.Execute();
            }
        }
        tx.Commit();
        return id;
    }

    /// <inheritdoc />
    public IReadOnlyList<ValueRunInfo> GetValueRuns(int limit = 50)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {ValueRunColumns} FROM value_runs ORDER BY id DESC LIMIT $l";
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<ValueRunInfo>();
        while (r.Read())
        {
            string[] spend = r.GetString(10).Split('|');
            list.Add(new ValueRunInfo(r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2), new ValueRun
            {
                Model = r.GetString(3),
                Unit = r.GetString(4),
                CalibrationEnd = StoredRows.Date(r, 5),
                Parameters = SplitParameters(r.GetString(6), r.GetString(7)),
                LogLikelihood = r.GetDouble(8),
                Converged = r.GetInt64(9) != 0,
                SpendParameters = spend.Length == 2 ? SplitParameters(spend[0], spend[1]) : [],
                SpendLogLikelihood = r.IsDBNull(11) ? null : r.GetDouble(11),
                SpendCorrelation = r.IsDBNull(12) ? null : r.GetDouble(12),
                HorizonDays = r.GetDouble(13),
                ClvMonths = r.GetInt32(14),
                DiscountRate = r.GetDouble(15),
                Margin = r.GetDouble(16),
                ChurnThreshold = r.GetDouble(17),
                ChurnQuantile = r.GetDouble(18),
                ChurnBasis = r.GetString(19),
                ValueCut = r.IsDBNull(20) ? null : r.GetDouble(20),
                Customers = r.GetInt32(21),
                Warnings = r.GetInt32(22),
            }));
        }
        return list;
    }

    /// <inheritdoc />
    public StoredCustomerValue? GetCustomerValue(long runId, string customerKey) =>
        ReadValues("WHERE run_id = $run AND customer_key = $key", runId, customerKey, 1).FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyList<StoredCustomerValue> ReadCustomerValues(long runId) =>
        ReadValues("WHERE run_id = $run ORDER BY customer_key", runId, null, int.MaxValue);

    /// <inheritdoc />
    public IReadOnlyList<StoredCustomerValue> GetChurnWarnings(long runId, int limit = 50) =>
        ReadValues("WHERE run_id = $run AND churn_rank IS NOT NULL ORDER BY churn_rank", runId, null, limit);

    private List<StoredCustomerValue> ReadValues(string where, long runId, string? key, int limit)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {ValueResultColumns} FROM value_results {where} LIMIT $limit";
        cmd.Parameters.AddWithValue("$run", runId);
        cmd.Parameters.AddWithValue("$limit", limit);
        if (key is not null) cmd.Parameters.AddWithValue("$key", key);
        using var r = cmd.ExecuteReader();
        var list = new List<StoredCustomerValue>();
        double? Real(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
        while (r.Read())
        {
            list.Add(new StoredCustomerValue(r.GetString(0), r.GetInt32(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5),
                Real(6), Real(7), Real(8), Real(9), r.GetInt64(10) != 0, Real(11), r.IsDBNull(12) ? null : r.GetInt32(12)));
        }
        return list;
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static string JoinParameters(IReadOnlyList<FittedParameter> parameters, bool se) =>
        string.Join(';', parameters.Select(p => p.Name + "=" + (se ? p.StandardError : p.Value).ToString("R", CultureInfo.InvariantCulture)));

    private static List<FittedParameter> SplitParameters(string values, string errors)
    {
        var se = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, v) in Pairs(errors)) se[name] = v;
        return [.. Pairs(values).Select(p => new FittedParameter(p.Name, p.Value, se.GetValueOrDefault(p.Name, double.NaN)))];
    }

    private static IEnumerable<(string Name, double Value)> Pairs(string text)
    {
        foreach (string item in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) yield return (item[..eq], double.Parse(item[(eq + 1)..], CultureInfo.InvariantCulture));
        }
    }
}
