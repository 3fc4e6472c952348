using System.Globalization;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Npgsql;

namespace Allot.Storage.Postgres;

/// <summary>An import transaction on PostgreSQL, written a batch at a time through binary COPY.</summary>
/// <remarks>
/// <para>The outcomes are those of <see cref="Sqlite.SqliteImportSession"/>, row for row; they are decided here,
/// per batch, instead of by an upsert per row. Known customer, rep and invoice keys are held in memory, as
/// there. A key repeated within the batch is a duplicate of its first occurrence. The batch's other keys are
/// looked up in one query (<c>key = ANY(…)</c>): a key this import already wrote is a duplicate, one written
/// before is updated, the rest are new. New rows go straight into the table by COPY; updated rows by COPY
/// into a temporary table and one <c>UPDATE … FROM</c>. Owner changes are worked out from the looked-up
/// owner, exactly as SQLite's session does, and recorded by COPY into the history.</para>
/// <para>When a table was empty as a file began, a key can only exist if this file wrote it, so keys whose
/// fingerprint the file has not written (<see cref="FileKeys"/>) are not looked up at all: a first load asks the
/// server only about its repeats. Past <see cref="BulkThreshold"/> new rows such a load goes on without the
/// table's indexes (<see cref="BulkLoad"/>) until the file ends or a key may repeat.</para>
/// <para>The session holds the store's write lock (<see cref="PostgresStore.WriteLockSql"/>) from its start to
/// its end, so what it looked up stays true until it commits: a second import waits, then sees this one's rows.</para>
/// </remarks>
internal sealed partial class PostgresImportSession : IImportSession
{
    private readonly NpgsqlConnection _c;
    private readonly NpgsqlTransaction _tx;
    private readonly string _by;
    private readonly TimeProvider _clock;
    private readonly PostgresLocation _where;
    private HashSet<string>? _customerKeys;
    private HashSet<string>? _repKeys;
    private HashSet<string>? _invoiceKeys;
    private bool _open = true;

    // Per file.
    private EntityKind _kind;
    private bool _inFile;
    private string _file = "";
    private ImportTable _table = ImportTable.For(EntityKind.Orders, new HashSet<string>());
    private long _importId;
    private long _createdCustomers;
    private bool _createMissing;
    private bool _ownerGiven;
    private FileKeys? _written;
    private BulkLoad? _bulk;
    private bool _bulkTried;
    private long _inserted;
    private bool _staged;

    public PostgresImportSession(NpgsqlConnection connection, string by, TimeProvider clock, PostgresLocation where)
    {
        _c = connection;
        _by = by;
        _clock = clock;
        _where = where;
        _tx = _c.BeginTransaction();
        PostgresStore.Exec(_c, PostgresStore.WriteLockSql);
    }

    /// <summary>Rows per batch: large enough that the round trips (lookup, COPY) cost little per row.</summary>
    public int BatchSize => 16_384;

    /// <summary>New rows of one file into an empty table after which the load goes on without indexes: one full
    /// batch. Building an index by sorting costs less than maintaining it row by row from a few thousand rows
    /// on (measured: the first 100,000 rows of a load cost 0.3–0.5 s more server time with the indexes in place
    /// than without them and rebuilt), and dropping and rebuilding is a few catalog statements.</summary>
    internal const int BulkThreshold = 16_384;

    /// <summary>New rows of one file after which the table's statistics are refreshed.</summary>
    private const int AnalyzeThreshold = 10_000;

    public void BeginFile(EntityKind kind, string file, IReadOnlySet<string> columns, bool createMissingCustomers) => Guard(() =>
    {
        EnsureOpen();
        _kind = kind;
        _file = file;
        _createMissing = createMissingCustomers;
        _createdCustomers = 0;
        _ownerGiven = kind == EntityKind.Customers && columns.Contains("owner_rep");
        _table = ImportTable.For(kind, columns);
        using (var insert = PostgresStore.Command(_c, "INSERT INTO imports (kind, file, started_at, by_whom) VALUES (@k, @f, @t, @b) RETURNING id",
            ("k", kind.ToString().ToLowerInvariant()), ("f", file), ("t", Now()), ("b", _by)))
            _importId = (long)insert.ExecuteScalar()!;
        using (var any = PostgresStore.Command(_c, $"SELECT EXISTS (SELECT 1 FROM {_table.Name})"))
            _written = (bool)any.ExecuteScalar()! ? null : new FileKeys();
        _bulk = null;
        _bulkTried = false;
        _inserted = 0;
        _staged = false;
        _inFile = true;
    });

    public WriteOutcome Write(Customer customer, long line) => WriteOne(customer, line);

    public WriteOutcome Write(Rep rep, long line) => WriteOne(rep, line);

    public WriteOutcome Write(Order order, long line) => WriteOne(order, line);

    public WriteOutcome Write(Invoice invoice, long line) => WriteOne(invoice, line);

    public WriteOutcome Write(Payment payment, long line) => WriteOne(payment, line);

    public WriteOutcome Write(Interaction interaction, long line) => WriteOne(interaction, line);

    public WriteOutcome Write(Feedback feedback, long line) => WriteOne(feedback, line);

    private WriteOutcome WriteOne(object record, long line)
    {
        Span<WriteOutcome> outcome = stackalloc WriteOutcome[1];
        WriteBatch([new LineRecord(record, line)], outcome);
        return outcome[0];
    }

    public void WriteBatch(IReadOnlyList<LineRecord> records, Span<WriteOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (outcomes.Length < records.Count) throw new ArgumentException("one outcome per record is needed", nameof(outcomes));
        EnsureFile();
        var result = new WriteOutcome[records.Count];
        Guard(() => WriteBatch(records, result));
        result.CopyTo(outcomes);
    }

    private void WriteBatch(IReadOnlyList<LineRecord> records, WriteOutcome[] outcomes)
    {
        // 1. References, as SQLite checks them (rep before customer), and repeats within the batch. Each key and
        // (on a first load) its fingerprint are worked out once.
        var candidates = new List<int>(records.Count);
        var keys = new string[records.Count];
        var prints = _written is null ? null : new long[records.Count];
        var firstInBatch = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        bool repeats = false;
        for (int i = 0; i < records.Count; i++)
        {
            object record = records[i].Record;
            if (record.GetType() != _table.RecordType) throw new InvalidOperationException($"BeginFile({record.GetType().Name}) first");
            var refused = CheckReferences(record);
            if (refused is not null)
            {
                outcomes[i] = refused.Value;
                continue;
            }
            string key = keys[i] = _table.Key(record);
            if (!firstInBatch.TryAdd(key, i))
            {
                outcomes[i] = WriteOutcome.DuplicateInFile;
                repeats = true;
                continue;
            }
            if (prints is not null) prints[i] = FileKeys.Fingerprint(key);
            candidates.Add(i);
        }
        // A repeat's reject names the line of its first occurrence, found through the unique index.
        if (repeats) EndBulkLoad();

        // 2. Which keys the table holds already: written by this import (duplicates) or before it (updates).
        var stored = Lookup(candidates, keys, prints);
        var inserts = new List<(object Record, long Line)>(candidates.Count);
        var updates = new List<(object Record, long Line)>();
        var history = new List<(string Customer, string? From, string? To, long Line)>();
        foreach (int i in candidates)
        {
            var (record, line) = records[i];
            string key = keys[i];
            bool existed = stored.TryGetValue(key, out var old);
            if (existed && old.ImportId == _importId)
            {
                outcomes[i] = WriteOutcome.DuplicateInFile;
                continue;
            }
            if (record is Customer customer && _ownerGiven)
            {
                // As SQLite's session: a changed owner gets today as its start unless the file says otherwise.
                bool changed = !string.Equals(old.Owner, customer.OwnerRepKey, StringComparison.Ordinal);
                var since = customer.OwnerSince ?? (changed ? (customer.OwnerRepKey is null ? null : Today()) : old.OwnerSince);
                record = customer with { OwnerSince = since };
                if (changed && (existed || customer.OwnerRepKey is not null)) history.Add((key, old.Owner, customer.OwnerRepKey, line));
            }
            (existed ? updates : inserts).Add((record, line));
            outcomes[i] = existed ? WriteOutcome.Updated : WriteOutcome.Inserted;
            if (prints is not null) _written?.Add(prints[i]);
        }

        // 3. Write: new rows straight into the table, updated ones through a temporary table. A large first load
        // goes on without the table's indexes (built again at the end of the file).
        if (_written is not null && !_bulkTried && _inserted + inserts.Count >= BulkThreshold)
        {
            _bulkTried = true;
            _bulk = BulkLoad.Start(_c, _table.Name);
        }
        if (inserts.Count > 0) Copy(_table.Name, inserts);
        _inserted += inserts.Count;
        if (updates.Count > 0)
        {
            string stage = Stage();
            Copy(stage, updates);
            var set = _table.Updated.Concat(["import_id", "import_line"]).Select(c => $"{c} = s.{c}");
            PostgresStore.Exec(_c, $"UPDATE {_table.Name} AS t SET {string.Join(", ", set)} FROM {stage} AS s WHERE t.key = s.key");
            PostgresStore.Exec(_c, $"TRUNCATE {stage}");
        }
        if (history.Count > 0) RecordOwnerChanges(history);

        // 4. Keys now known, and customers created for records that named unknown ones (--create-missing).
        var known = _kind switch
        {
            EntityKind.Customers => CustomerKeys(),
            EntityKind.Reps => RepKeys(),
            EntityKind.Invoices => InvoiceKeys(),
            _ => null,
        };
        if (known is null && !_createMissing) return;
        var created = new List<string>();
        foreach (var (record, _) in inserts.Concat(updates))
        {
            known?.Add(_table.Key(record));
            if (_createMissing && CustomerOf(record) is { } customerKey && CustomerKeys().Add(customerKey)) created.Add(customerKey);
        }
        if (created.Count > 0) CreateCustomers(created);
    }

    public long? FirstLineOf(string key)
    {
        EnsureFile();
        return Guard(() =>
        {
            using var q = PostgresStore.Command(_c, $"SELECT import_line FROM {_table.Name} WHERE key = @k AND import_id = @i", ("k", key), ("i", _importId));
            return q.ExecuteScalar() is long line ? line : (long?)null;
        });
    }

    public FileCounts EndFile(long read, long imported, long updated, long rejected)
    {
        EnsureFile();
        return Guard(() =>
        {
            if (_bulk is not null) EndBulkLoad();
            // A table that grew a lot gets fresh planner statistics, so lookups of the next file use its index.
            else if (_inserted >= AnalyzeThreshold) PostgresStore.Exec(_c, $"ANALYZE {_table.Name}");
            using (var u = PostgresStore.Command(_c, "UPDATE imports SET read_rows = @r, imported = @i, updated = @u, rejected = @x WHERE id = @id",
                ("r", read), ("i", imported), ("u", updated), ("x", rejected), ("id", _importId)))
                u.ExecuteNonQuery();
            _inFile = false;
            _written = null;
            return new FileCounts(_importId, _createdCustomers);
        });
    }

    public void Commit()
    {
        EnsureOpen();
        Guard(() => _tx.Commit());
        _open = false;
        _c.Dispose();
    }

    public void Dispose()
    {
        if (!_open) return;
        _open = false;
        // An import lands whole or not at all. When the connection is already gone the server has rolled back.
        try { _tx.Rollback(); }
        catch (Exception e) when (PostgresErrors.Handles(e) || e is InvalidOperationException) { }
        _c.Dispose();
    }

    // --- the pieces -------------------------------------------------------------------------------------------

    private WriteOutcome? CheckReferences(object record)
    {
        switch (record)
        {
            case Customer c when _ownerGiven && c.OwnerRepKey is not null && !RepKeys().Contains(c.OwnerRepKey):
                return WriteOutcome.UnknownRep;
            case Payment p when !InvoiceKeys().Contains(p.InvoiceKey):
                return WriteOutcome.UnknownInvoice;
            case Interaction x when x.RepKey is not null && !RepKeys().Contains(x.RepKey):
                return WriteOutcome.UnknownRep;
        }
        return CustomerOf(record) is { } key && !_createMissing && !CustomerKeys().Contains(key) ? WriteOutcome.UnknownCustomer : null;
    }

    private void EndBulkLoad()
    {
        _bulk?.Finish();
        _bulk = null;
    }

    private static string? CustomerOf(object record) => record switch
    {
        Order o => o.CustomerKey,
        Invoice i => i.CustomerKey,
        Interaction x => x.CustomerKey,
        Feedback f => f.CustomerKey,
        _ => null,
    };

    private void Guard(Action action) => Guard(() => { action(); return 0; });

    private T Guard<T>(Func<T> action) => PostgresErrors.Guard(action, _where);

    private void EnsureOpen()
    {
        if (!_open) throw new InvalidOperationException("the import session is finished");
    }

    private void EnsureFile()
    {
        EnsureOpen();
        if (!_inFile) throw new InvalidOperationException("BeginFile first");
    }

    private string Now() => _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);

    private DateOnly Today() => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);
}
