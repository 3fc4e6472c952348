using System.Globalization;
using Allot.Core.Importing;
using Npgsql;
using NpgsqlTypes;

namespace Allot.Storage.Postgres;

/// <summary>The session's conversations with the server: the key lookups of a batch, the COPYs that write
/// new and updated rows, owner history and created customers, and the known keys it holds in memory.</summary>
internal sealed partial class PostgresImportSession
{
    private readonly record struct Stored(long? ImportId, string? Owner, DateOnly? OwnerSince);

    /// <summary>The stored rows among the keys: who wrote them, and (customers) their owner.</summary>
    /// <remarks>In a table that was empty when the file began only keys of this file can be there, so only
    /// those whose fingerprint the file has written are asked about.</remarks>
    /// <param name="candidates">The rows of the batch to look up.</param>
    /// <param name="keys">The batch's keys, by row.</param>
    /// <param name="prints">Their fingerprints, by row, when the table was empty as the file began.</param>
    private Dictionary<string, Stored> Lookup(List<int> candidates, string[] keys, long[]? prints)
    {
        var ask = _written is null || prints is null
            ? candidates.Select(i => keys[i]).ToArray()
            : candidates.Where(i => _written.MaySee(prints[i])).Select(i => keys[i]).ToArray();
        var found = new Dictionary<string, Stored>(StringComparer.Ordinal);
        if (ask.Length == 0) return found;
        // A possible repeat during a first load: the unique index must be back before the question is asked.
        EndBulkLoad();
        string owner = _kind == EntityKind.Customers ? "owner_rep, owner_since" : "NULL, NULL";
        using var q = PostgresStore.Command(_c, $"SELECT key, import_id, {owner} FROM {_table.Name} WHERE key = ANY(@keys)");
        q.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = ask });
        using var r = q.ExecuteReader();
        while (r.Read())
            found[r.GetString(0)] = new Stored(r.IsDBNull(1) ? null : r.GetInt64(1), StoredRows.Text(r, 2), StoredRows.DateOrNull(r, 3));
        return found;
    }

    private void Copy(string table, List<(object Record, long Line)> rows)
    {
        using var copy = new BinaryCopy(_c, $"{table} ({string.Join(", ", _table.Columns)}, import_id, import_line)");
        int fields = _table.Columns.Length + 2;
        foreach (var (record, line) in rows)
        {
            copy.StartRow(fields);
            _table.Write(copy, record);
            copy.Int64(_importId);
            copy.Int64(line);
        }
        copy.Complete();
    }

    /// <summary>A temporary table with the current file's columns (same types and collation, no constraints),
    /// made once per file and dropped at the end of the transaction.</summary>
    private string Stage()
    {
        const string stage = "allot_stage";
        if (_staged) return stage;
        PostgresStore.Exec(_c, $"DROP TABLE IF EXISTS {stage}");
        PostgresStore.Exec(_c, $"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {string.Join(", ", _table.Columns)}, import_id, import_line "
            + $"FROM {_table.Name} WITH NO DATA");
        _staged = true;
        return stage;
    }

    private void RecordOwnerChanges(List<(string Customer, string? From, string? To, long Line)> changes)
    {
        string at = Now();
        string file = Path.GetFileName(_file);
        using var copy = new BinaryCopy(_c, "assignment_history (customer_key, from_rep, to_rep, changed_at, by_whom, reason)");
        foreach (var (customer, from, to, line) in changes)
        {
            copy.StartRow(6);
            copy.Text(customer);
            copy.Text(from);
            copy.Text(to);
            copy.Text(at);
            copy.Text(_by);
            copy.Text($"import of {file} line {line.ToString(CultureInfo.InvariantCulture)}");
        }
        copy.Complete();
    }

    private void CreateCustomers(List<string> keys)
    {
        using var copy = new BinaryCopy(_c, "customers (key, import_id)");
        foreach (string key in keys)
        {
            copy.StartRow(2);
            copy.Text(key);
            copy.Int64(_importId);
        }
        copy.Complete();
        _createdCustomers += keys.Count;
    }

    private HashSet<string> CustomerKeys() => _customerKeys ??= LoadKeys("customers");

    private HashSet<string> RepKeys() => _repKeys ??= LoadKeys("reps");

    private HashSet<string> InvoiceKeys() => _invoiceKeys ??= LoadKeys("invoices");

    private HashSet<string> LoadKeys(string table)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var q = PostgresStore.Command(_c, $"SELECT key FROM {table}");
        using var r = q.ExecuteReader();
        while (r.Read()) keys.Add(r.GetString(0));
        return keys;
    }
}
