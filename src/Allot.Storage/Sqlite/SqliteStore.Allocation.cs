using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Allot.Storage.Sqlite;

/// <summary>Allocation runs: proposals stored whole, applied all-or-nothing with owner history.</summary>
public sealed partial class SqliteStore
{
    private const string AllocationRunColumns =
        "id, created_at, by_whom, policy_name, strategy, classification_run, objective, customers, changes, summary, applied_at, applied_by, applied_changes";

    private const string AllocationColumns = "customer_key, current_rep, proposed_rep, fit, reason, details, applied";

    /// <inheritdoc />
    public long SaveAllocationRun(string by, AllocationRunHeader header, IReadOnlyList<StoredAllocation> results)
    {
        using var tx = _connection.BeginTransaction();
        using var run = _connection.CreateCommand();
        run.Transaction = tx;
        run.CommandText = """
            INSERT INTO allocation_runs (created_at, by_whom, policy_name, policy_text, strategy, classification_run, objective, customers, changes, summary)
            VALUES ($at, $by, $name, $text, $strategy, $crun, $objective, $n, $changes, $summary) RETURNING id
            """;
        run.Parameters.AddWithValue("$at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        run.Parameters.AddWithValue("$by", by);
        run.Parameters.AddWithValue("$name", header.PolicyName);
        run.Parameters.AddWithValue("$text", header.PolicyText);
        run.Parameters.AddWithValue("$strategy", header.Strategy);
        run.Parameters.AddWithValue("$crun", (object?)header.ClassificationRunId ?? DBNull.Value);
        run.Parameters.AddWithValue("$objective", header.Objective);
        run.Parameters.AddWithValue("$n", results.Count);
        run.Parameters.AddWithValue("$changes", results.Count(r => r.ProposedRep is not null && r.ProposedRep != r.CurrentRep));
        run.Parameters.AddWithValue("$summary", header.SummaryJson);
        long id = Convert.ToInt64(run.ExecuteScalar(), CultureInfo.InvariantCulture);

        using var insert = _connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO allocation_results (run_id, customer_key, current_rep, proposed_rep, fit, reason, details)
            VALUES ($run, $key, $current, $proposed, $fit, $reason, $details)
            """;
        var pRun = insert.Parameters.Add("$run", SqliteType.Integer);
        var pKey = insert.Parameters.Add("$key", SqliteType.Text);
        var pCurrent = insert.Parameters.Add("$current", SqliteType.Text);
        var pProposed = insert.Parameters.Add("$proposed", SqliteType.Text);
        var pFit = insert.Parameters.Add("$fit", SqliteType.Real);
        var pReason = insert.Parameters.Add("$reason", SqliteType.Text);
        var pDetails = insert.Parameters.Add("$details", SqliteType.Text);
        insert.Prepare();
        pRun.Value = id;
        foreach (var r in results)
        {
            pKey.Value = r.CustomerKey;
            pCurrent.Value = (object?)r.CurrentRep ?? DBNull.Value;
            pProposed.Value = (object?)r.ProposedRep ?? DBNull.Value;
            pFit.Value = double.IsFinite(r.Fit) ? r.Fit : 0.0;
            pReason.Value = r.Reason;
            pDetails.Value = r.DetailsJson;
            insert.ExecuteNonQuery();
        }
        tx.Commit();
        return id;
    }

    /// <inheritdoc />
    public IReadOnlyList<AllocationRunInfo> GetAllocationRuns(int limit = 50)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {AllocationRunColumns} FROM allocation_runs ORDER BY id DESC LIMIT $l";
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<AllocationRunInfo>();
        while (r.Read()) list.Add(ReadAllocationRun(r));
        return list;
    }

    /// <inheritdoc />
    public AllocationRunInfo? GetAllocationRun(long runId)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {AllocationRunColumns} FROM allocation_runs WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", runId);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadAllocationRun(r) : null;
    }

    /// <inheritdoc />
    public string? GetAllocationPolicyText(long runId)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT policy_text FROM allocation_runs WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", runId);
        return cmd.ExecuteScalar() as string;
    }

    /// <inheritdoc />
    public IEnumerable<StoredAllocation> ReadAllocations(long runId)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {AllocationColumns} FROM allocation_results WHERE run_id = $run ORDER BY customer_key";
        cmd.Parameters.AddWithValue("$run", runId);
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return ReadAllocation(r);
    }

    /// <inheritdoc />
    public StoredAllocation? GetAllocation(long runId, string customerKey)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {AllocationColumns} FROM allocation_results WHERE run_id = $run AND customer_key = $key";
        cmd.Parameters.AddWithValue("$run", runId);
        cmd.Parameters.AddWithValue("$key", customerKey);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadAllocation(r) : null;
    }

    /// <inheritdoc />
    public ApplyOutcome ApplyAllocation(long runId, string by, Func<StoredAllocation, bool> select, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(select);
        if (GetAllocationRun(runId) is null) throw new StoreException($"there is no allocation run {runId}; `allot allocate runs` lists them");
        var selected = ReadAllocations(runId).Where(a => a.ProposedRep is not null && !a.Applied && select(a)).ToList();
        // An immediate transaction: the owners checked below cannot change before the updates land.
        using var tx = _connection.BeginTransaction(deferred: false);

        var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
        using (var read = _connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = """
                SELECT r.customer_key, c.owner_rep, c.key IS NOT NULL FROM allocation_results r
                LEFT JOIN customers c ON c.key = r.customer_key WHERE r.run_id = $run
                """;
            read.Parameters.AddWithValue("$run", runId);
            using var r = read.ExecuteReader();
            while (r.Read())
                if (r.GetBoolean(2)) owners[r.GetString(0)] = r.IsDBNull(1) ? null : r.GetString(1);
        }
        AllocationConflicts.ThrowIfAny(runId, selected, owners);

        string now = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        string today = DateOnly.FromDateTime(_clock.GetLocalNow().DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var update = _connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = """
            UPDATE customers SET owner_rep = $rep, owner_since = $since,
                status = CASE WHEN status = 'pool' THEN 'active' ELSE status END
            WHERE key = $key
            """;
        var uRep = update.Parameters.Add("$rep", SqliteType.Text);
        var uKey = update.Parameters.Add("$key", SqliteType.Text);
        update.Parameters.AddWithValue("$since", today);
        using var history = _connection.CreateCommand();
        history.Transaction = tx;
        history.CommandText = """
            INSERT INTO assignment_history (customer_key, from_rep, to_rep, changed_at, by_whom, reason, run_id)
            VALUES ($key, $from, $to, $at, $by, $reason, $run)
            """;
        var hKey = history.Parameters.Add("$key", SqliteType.Text);
        var hFrom = history.Parameters.Add("$from", SqliteType.Text);
        var hTo = history.Parameters.Add("$to", SqliteType.Text);
        var hReason = history.Parameters.Add("$reason", SqliteType.Text);
        history.Parameters.AddWithValue("$at", now);
        history.Parameters.AddWithValue("$by", by);
        history.Parameters.AddWithValue("$run", runId);
        using var mark = _connection.CreateCommand();
        mark.Transaction = tx;
        mark.CommandText = "UPDATE allocation_results SET applied = 1 WHERE run_id = $run AND customer_key = $key";
        var mKey = mark.Parameters.Add("$key", SqliteType.Text);
        mark.Parameters.AddWithValue("$run", runId);

        int changed = 0, unchanged = 0;
        int toChange = selected.Count(a => a.ProposedRep != a.CurrentRep);
        foreach (var a in selected)
        {
            mKey.Value = a.CustomerKey;
            mark.ExecuteNonQuery();
            if (a.ProposedRep == a.CurrentRep)
            {
                unchanged++;
                continue;
            }
            uRep.Value = a.ProposedRep;
            uKey.Value = a.CustomerKey;
            update.ExecuteNonQuery();
            hKey.Value = a.CustomerKey;
            hFrom.Value = (object?)a.CurrentRep ?? DBNull.Value;
            hTo.Value = a.ProposedRep;
            hReason.Value = $"allocation run {runId}: {a.Reason}";
            history.ExecuteNonQuery();
            if (++changed % 1000 == 0) progress?.Invoke(changed, toChange);
        }
        progress?.Invoke(changed, toChange);
        using var done = _connection.CreateCommand();
        done.Transaction = tx;
        done.CommandText = """
            UPDATE allocation_runs SET applied_at = $at, applied_by = $by, applied_changes = applied_changes + $n WHERE id = $run
            """;
        done.Parameters.AddWithValue("$at", now);
        done.Parameters.AddWithValue("$by", by);
        done.Parameters.AddWithValue("$n", changed);
        done.Parameters.AddWithValue("$run", runId);
        done.ExecuteNonQuery();
        tx.Commit();
        return new ApplyOutcome(changed, unchanged);
    }

    private static AllocationRunInfo ReadAllocationRun(SqliteDataReader r) => new(
        r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetInt64(5), r.GetInt64(6), r.GetInt32(7), r.GetInt32(8), r.GetString(9),
        r.IsDBNull(10) ? null : DateTimeOffset.Parse(r.GetString(10), CultureInfo.InvariantCulture),
        r.IsDBNull(11) ? null : r.GetString(11), r.GetInt32(12));

    private static StoredAllocation ReadAllocation(SqliteDataReader r) => new(
        r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetDouble(3),
        r.GetString(4), r.GetString(5), r.GetInt64(6) != 0);
}
