using System.Data.Common;
using System.Globalization;
using Allot.Core.Value;

namespace Allot.Storage.Postgres;

/// <summary>Value runs (migration 3) on the server: the same rows as SQLite's (<c>SqliteStore.ValueRuns</c>),
/// the results written by binary copy. Integers are BIGINT and reals DOUBLE PRECISION here; flags are 0/1.</summary>
public sealed partial class PostgresStore
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
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(customers);
        return Run(c =>
        {
            using var tx = c.BeginTransaction();
            using var insert = Command(c, """
                INSERT INTO value_runs (created_at, by_whom, model, time_unit, calibration_end, parameters, standard_errors, log_likelihood,
                    converged, spend_parameters, spend_log_likelihood, spend_correlation, horizon_days, clv_months, discount_rate, margin,
                    churn_threshold, churn_quantile, churn_basis, value_cut, customers, warnings)
                VALUES (@at, @by, @model, @unit, @end, @params, @se, @ll, @conv, @spend, @spendLl, @corr, @horizon, @months, @rate, @margin,
                    @threshold, @quantile, @basis, @cut, @n, @warnings) RETURNING id
                """,
                ("at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), ("by", by), ("model", run.Model), ("unit", run.Unit),
                ("end", StoredRows.FormatDate(run.CalibrationEnd)), ("params", JoinParameters(run.Parameters, se: false)),
                ("se", JoinParameters(run.Parameters, se: true)), ("ll", run.LogLikelihood), ("conv", run.Converged ? 1L : 0L),
                ("spend", JoinParameters(run.SpendParameters, se: false) + "|" + JoinParameters(run.SpendParameters, se: true)),
                ("spendLl", OrNull(Finite(run.SpendLogLikelihood))), ("corr", OrNull(Finite(run.SpendCorrelation))),
                ("horizon", run.HorizonDays), ("months", (long)run.ClvMonths), ("rate", run.DiscountRate), ("margin", run.Margin),
                ("threshold", run.ChurnThreshold), ("quantile", run.ChurnQuantile), ("basis", run.ChurnBasis),
                ("cut", OrNull(Finite(run.ValueCut))), ("n", (long)run.Customers), ("warnings", (long)run.Warnings));
            long id = (long)insert.ExecuteScalar()!;

            // Runs can hold a million customers: a binary copy, as imports and classification runs use.
            using (var copy = new BinaryCopy(c, $"value_results (run_id, {ValueResultColumns})"))
            {
                foreach (var v in customers)
                {
                    copy.StartRow(14);
                    copy.Int64(id);
                    copy.Text(v.CustomerKey);
                    copy.Int64(v.X);
                    copy.Double(v.Tx);
                    copy.Double(v.T);
                    copy.Double(v.MeanSpend);
                    copy.Double(v.HistoricValue);
                    copy.Double(Finite(v.ProbabilityAlive));
                    copy.Double(Finite(v.ExpectedPurchases));
                    copy.Double(Finite(v.ExpectedSpend));
                    copy.Double(Finite(v.Clv));
                    copy.Int64(v.ChurnWarning ? 1L : 0L);
                    copy.Double(Finite(v.ValueAtRisk));
                    copy.Int64(v.ChurnRank);
                }
                copy.Complete();
            }
            tx.Commit();
            return id;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<ValueRunInfo> GetValueRuns(int limit = 50) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {ValueRunColumns} FROM value_runs ORDER BY id DESC LIMIT @l", ("l", (long)limit));
        return ReadAll(cmd, ReadValueRun);
    });

    /// <inheritdoc />
    public StoredCustomerValue? GetCustomerValue(long runId, string customerKey) =>
        ReadValues("WHERE run_id = @run AND customer_key = @key", runId, customerKey, 1).FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyList<StoredCustomerValue> ReadCustomerValues(long runId) =>
        ReadValues("WHERE run_id = @run ORDER BY customer_key", runId, null, int.MaxValue);

    /// <inheritdoc />
    public IReadOnlyList<StoredCustomerValue> GetChurnWarnings(long runId, int limit = 50) =>
        ReadValues("WHERE run_id = @run AND churn_rank IS NOT NULL ORDER BY churn_rank", runId, null, limit);

    private List<StoredCustomerValue> ReadValues(string where, long runId, string? key, int limit) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {ValueResultColumns} FROM value_results {where} LIMIT @limit", ("run", runId), ("limit", (long)limit));
        if (key is not null) cmd.Parameters.AddWithValue("key", key);
        return ReadAll(cmd, ReadValue);
    });

    private static ValueRunInfo ReadValueRun(DbDataReader r)
    {
        string[] spend = r.GetString(10).Split('|');
        return new ValueRunInfo(r.GetInt64(0), StoredRows.Instant(r, 1), r.GetString(2), new ValueRun
        {
            Model = r.GetString(3),
            Unit = r.GetString(4),
            CalibrationEnd = StoredRows.Date(r, 5),
            Parameters = SplitParameters(r.GetString(6), r.GetString(7)),
            LogLikelihood = r.GetDouble(8),
            Converged = r.GetInt64(9) != 0,
            SpendParameters = spend.Length == 2 ? SplitParameters(spend[0], spend[1]) : [],
            SpendLogLikelihood = Real(r, 11),
            SpendCorrelation = Real(r, 12),
            HorizonDays = r.GetDouble(13),
            ClvMonths = checked((int)r.GetInt64(14)),
            DiscountRate = r.GetDouble(15),
            Margin = r.GetDouble(16),
            ChurnThreshold = r.GetDouble(17),
            ChurnQuantile = r.GetDouble(18),
            ChurnBasis = r.GetString(19),
            ValueCut = Real(r, 20),
            Customers = checked((int)r.GetInt64(21)),
            Warnings = checked((int)r.GetInt64(22)),
        });
    }

    private static StoredCustomerValue ReadValue(DbDataReader r) => new(r.GetString(0), checked((int)r.GetInt64(1)), r.GetDouble(2),
        r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), Real(r, 6), Real(r, 7), Real(r, 8), Real(r, 9), r.GetInt64(10) != 0, Real(r, 11),
        StoredRows.IntOrNull(r, 12));

    private static double? Real(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static object OrNull(double? value) => value is { } v ? v : DBNull.Value;

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
