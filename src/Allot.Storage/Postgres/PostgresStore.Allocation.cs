using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Allot.Storage.Postgres;

/// <summary>Allocation runs on the server: proposals stored whole, applied all-or-nothing with owner history —
/// the semantics of <c>SqliteStore.Allocation</c>.</summary>
/// <remarks>Applying takes the store's write lock (<see cref="WriteLockSql"/>) and then locks the selected
/// customers' rows (<c>FOR UPDATE</c>, in key order) before checking their owners, so two appliers — or an
/// applier and an import — run one after the other, and the second finds the owners the first wrote.</remarks>
public sealed partial class PostgresStore
{
    private const string AllocationRunColumns =
        "id, created_at, by_whom, policy_name, strategy, classification_run, objective, customers, changes, summary, applied_at, applied_by, applied_changes";

    private const string AllocationColumns = "customer_key, current_rep, proposed_rep, fit, reason, details, applied";

    // Changes are written in chunks of this many customers (set-based statements over arrays); progress is told after each.
    private const int ApplyChunk = 1000;

    /// <inheritdoc />
    public long SaveAllocationRun(string by, AllocationRunHeader header, IReadOnlyList<StoredAllocation> results)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(results);
        return Run(c =>
        {
            using var tx = c.BeginTransaction();
            using var run = Command(c, """
                INSERT INTO allocation_runs (created_at, by_whom, policy_name, policy_text, strategy, classification_run, objective, customers, changes, summary)
                VALUES (@at, @by, @name, @text, @strategy, @crun, @objective, @n, @changes, @summary) RETURNING id
                """,
                ("at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), ("by", by), ("name", header.PolicyName),
                ("text", header.PolicyText), ("strategy", header.Strategy),
                ("crun", header.ClassificationRunId is { } crun ? crun : DBNull.Value), ("objective", header.Objective),
                ("n", (long)results.Count), ("changes", (long)results.Count(r => r.ProposedRep is not null && r.ProposedRep != r.CurrentRep)),
                ("summary", header.SummaryJson));
            long id = (long)run.ExecuteScalar()!;
            using (var copy = new BinaryCopy(c, "allocation_results (run_id, customer_key, current_rep, proposed_rep, fit, reason, details)"))
            {
                foreach (var r in results)
                {
                    copy.StartRow(7);
                    copy.Int64(id);
                    copy.Text(r.CustomerKey);
                    copy.Text(r.CurrentRep);
                    copy.Text(r.ProposedRep);
                    copy.Double(double.IsFinite(r.Fit) ? r.Fit : 0.0);
                    copy.Text(r.Reason);
                    copy.Text(r.DetailsJson);
                }
                copy.Complete();
            }
            tx.Commit();
            return id;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<AllocationRunInfo> GetAllocationRuns(int limit = 50) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {AllocationRunColumns} FROM allocation_runs ORDER BY id DESC LIMIT @l", ("l", (long)limit));
        return ReadAll(cmd, ReadAllocationRun);
    });

    /// <inheritdoc />
    public AllocationRunInfo? GetAllocationRun(long runId) => Run(c => FindAllocationRun(c, runId));

    /// <inheritdoc />
    public string? GetAllocationPolicyText(long runId) => Run(c =>
    {
        using var cmd = Command(c, "SELECT policy_text FROM allocation_runs WHERE id = @id", ("id", runId));
        return cmd.ExecuteScalar() as string;
    });

    /// <inheritdoc />
    public IEnumerable<StoredAllocation> ReadAllocations(long runId) =>
        Stream($"SELECT {AllocationColumns} FROM allocation_results WHERE run_id = @run ORDER BY customer_key", ReadAllocation, ("run", runId));

    /// <inheritdoc />
    public StoredAllocation? GetAllocation(long runId, string customerKey) => Run(c =>
    {
        using var cmd = Command(c, $"SELECT {AllocationColumns} FROM allocation_results WHERE run_id = @run AND customer_key = @key",
            ("run", runId), ("key", customerKey));
        return ReadAll(cmd, ReadAllocation).FirstOrDefault();
    });

    /// <inheritdoc />
    public ApplyOutcome ApplyAllocation(long runId, string by, Func<StoredAllocation, bool> select, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(select);
        return Run(c =>
        {
            using var tx = c.BeginTransaction();
            Exec(c, WriteLockSql);
            if (FindAllocationRun(c, runId) is null) throw new StoreException($"there is no allocation run {runId}; `allot allocate runs` lists them");

            // Read under the write lock, so a result another applier marked meanwhile is not selected again.
            List<StoredAllocation> selected;
            using (var read = Command(c, $"SELECT {AllocationColumns} FROM allocation_results WHERE run_id = @run ORDER BY customer_key", ("run", runId)))
                selected = ReadAll(read, ReadAllocation).Where(a => a.ProposedRep is not null && !a.Applied && select(a)).ToList();

            // Lock the selected customers (in key order, so concurrent lockers cannot deadlock), then check their owners.
            var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
            using (var lockRows = Command(c, "SELECT key, owner_rep FROM customers WHERE key = ANY(@keys) ORDER BY key FOR UPDATE",
                ("keys", selected.Select(a => a.CustomerKey).ToArray())))
            using (var r = lockRows.ExecuteReader())
            {
                while (r.Read()) owners[r.GetString(0)] = StoredRows.Text(r, 1);
            }
            AllocationConflicts.ThrowIfAny(runId, selected, owners);

            string now = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            string today = DateOnly.FromDateTime(_clock.GetLocalNow().DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var changes = selected.Where(a => a.ProposedRep != a.CurrentRep).ToList();
            int unchanged = selected.Count - changes.Count;

            // Every selected result is marked applied, the unchanged ones included.
            Exec(c, "UPDATE allocation_results SET applied = 1 WHERE run_id = @run AND customer_key = ANY(@keys)",
                ("run", runId), ("keys", selected.Select(a => a.CustomerKey).ToArray()));

            int changed = 0;
            for (int start = 0; start < changes.Count; start += ApplyChunk)
            {
                var chunk = changes.GetRange(start, Math.Min(ApplyChunk, changes.Count - start));
                string[] keys = [.. chunk.Select(a => a.CustomerKey)];
                Exec(c, """
                    UPDATE customers AS c SET owner_rep = u.rep, owner_since = @since,
                        status = CASE WHEN c.status = 'pool' THEN 'active' ELSE c.status END
                    FROM unnest(@keys::text[], @reps::text[]) AS u (key, rep)
                    WHERE c.key = u.key
                    """, ("keys", keys), ("reps", chunk.Select(a => a.ProposedRep!).ToArray()), ("since", today));
                Exec(c, """
                    INSERT INTO assignment_history (customer_key, from_rep, to_rep, changed_at, by_whom, reason, run_id)
                    SELECT h.key, h.from_rep, h.to_rep, @at, @by, h.reason, @run
                    FROM unnest(@keys::text[], @froms::text[], @tos::text[], @reasons::text[]) WITH ORDINALITY AS h (key, from_rep, to_rep, reason, n)
                    ORDER BY h.n
                    """, ("keys", keys), ("froms", chunk.Select(a => a.CurrentRep).ToArray()), ("tos", chunk.Select(a => a.ProposedRep!).ToArray()),
                    ("reasons", chunk.Select(a => $"allocation run {runId}: {a.Reason}").ToArray()), ("at", now), ("by", by), ("run", runId));
                changed += chunk.Count;
                if (changed < changes.Count) progress?.Invoke(changed, changes.Count);
            }
            progress?.Invoke(changed, changes.Count);
            Exec(c, "UPDATE allocation_runs SET applied_at = @at, applied_by = @by, applied_changes = applied_changes + @n WHERE id = @run",
                ("at", now), ("by", by), ("n", (long)changed), ("run", runId));
            tx.Commit();
            return new ApplyOutcome(changed, unchanged);
        });
    }

    private static AllocationRunInfo? FindAllocationRun(NpgsqlConnection c, long runId)
    {
        using var cmd = Command(c, $"SELECT {AllocationRunColumns} FROM allocation_runs WHERE id = @id", ("id", runId));
        return ReadAll(cmd, ReadAllocationRun).FirstOrDefault();
    }

    private static AllocationRunInfo ReadAllocationRun(DbDataReader r) => new(
        r.GetInt64(0), StoredRows.Instant(r, 1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetInt64(5), r.GetInt64(6), checked((int)r.GetInt64(7)), checked((int)r.GetInt64(8)), r.GetString(9),
        r.IsDBNull(10) ? null : StoredRows.Instant(r, 10), StoredRows.Text(r, 11), checked((int)r.GetInt64(12)));

    private static StoredAllocation ReadAllocation(DbDataReader r) => new(
        r.GetString(0), StoredRows.Text(r, 1), StoredRows.Text(r, 2), r.GetDouble(3), r.GetString(4), r.GetString(5), r.GetInt64(6) != 0);
}
