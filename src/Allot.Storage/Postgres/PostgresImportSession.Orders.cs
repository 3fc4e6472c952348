using System.Text;
using Allot.Core.Importing;

namespace Allot.Storage.Postgres;

/// <summary>Orders as <see cref="OrderRows"/>: the same decisions as <see cref="WriteBatch(IReadOnlyList{LineRecord}, WriteOutcome[])"/>
/// makes for their records, worked out on the rows' bytes (fingerprints, repeats, known customers) and encoded
/// from them straight into the COPY; a key becomes a string only when the server is asked about it.</summary>
internal sealed partial class PostgresImportSession
{
    // The columns CopyOrders writes, in its order: those of ImportTable's orders, then the import's.
    private static readonly string[] OrderFields = ["key", "customer_key", "order_date", "amount", "profit", "category", "channel", "quantity"];
    private static readonly string OrderColumns = string.Join(", ", OrderFields) + ", import_id, import_line";

    private WriteOutcome[] _orderOutcomes = [];
    private long[] _orderPrints = [];
    private int[] _firstInBatch = [];

    public bool TakesOrderRows => true;

    public void WriteOrders(OrderRows rows, Span<WriteOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (outcomes.Length < rows.Count) throw new ArgumentException("one outcome per row is needed", nameof(outcomes));
        EnsureFile();
        if (_kind != EntityKind.Orders) throw new InvalidOperationException("BeginFile(Orders) first");
        if (!_table.Columns.AsSpan().SequenceEqual(OrderFields)) throw new InvalidOperationException("the orders table's columns changed: CopyOrders writes the old ones");
        if (_orderOutcomes.Length < rows.Count) _orderOutcomes = new WriteOutcome[rows.Count];
        Guard(() => DecideAndCopy(rows, _orderOutcomes));
        _orderOutcomes.AsSpan(0, rows.Count).CopyTo(outcomes);
    }

    private void DecideAndCopy(OrderRows rows, WriteOutcome[] outcomes)
    {
        int n = rows.Count;
        if (_orderPrints.Length < n) _orderPrints = new long[n];
        var prints = _orderPrints;
        // 1. Known customers (unless they are created), and repeats within the batch, found by fingerprint and
        // confirmed byte for byte.
        var customers = _createMissing ? default : CustomerKeys().GetAlternateLookup<ReadOnlySpan<char>>();
        var candidates = new List<int>(n);
        int tableSize = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)n * 2));
        if (_firstInBatch.Length < tableSize) _firstInBatch = new int[tableSize];
        var first = _firstInBatch.AsSpan(0, tableSize);
        first.Fill(-1);
        bool repeats = false;
        Span<char> chars = stackalloc char[128];
        for (int i = 0; i < n; i++)
        {
            if (!_createMissing && !Known(customers, rows.CustomerKey(i), chars))
            {
                outcomes[i] = WriteOutcome.UnknownCustomer;
                continue;
            }
            prints[i] = FileKeys.Fingerprint(rows.Key(i));
            if (!FirstInBatch(first, rows, prints, i))
            {
                outcomes[i] = WriteOutcome.DuplicateInFile;
                repeats = true;
                continue;
            }
            candidates.Add(i);
        }
        if (repeats) EndBulkLoad();

        // 2. Which keys the table holds already; on a first load only the keys whose fingerprint the file wrote.
        // A fingerprint the file had not written cannot be in the table: added here (one probe of the set instead of
        // a look and then an add), it is asked about only when it was there already.
        var askRows = _written is null ? candidates : candidates.FindAll(i => !_written.Add(prints[i]));
        var asked = new string?[n];
        foreach (int i in askRows) asked[i] = Encoding.UTF8.GetString(rows.Key(i));
        var stored = askRows.Count == 0 ? [] : Lookup(askRows, asked!, null);
        var inserts = new List<int>(candidates.Count);
        var updates = new List<int>();
        foreach (int i in candidates)
        {
            bool existed = false;
            if (asked[i] is { } key && stored.TryGetValue(key, out var old))
            {
                if (old.ImportId == _importId)
                {
                    outcomes[i] = WriteOutcome.DuplicateInFile;
                    continue;
                }
                existed = true;
            }
            (existed ? updates : inserts).Add(i);
            outcomes[i] = existed ? WriteOutcome.Updated : WriteOutcome.Inserted;
        }

        // 3. Write, as for records.
        if (_written is not null && !_bulkTried && _inserted + inserts.Count >= BulkThreshold)
        {
            _bulkTried = true;
            _bulk = BulkLoad.Start(_c, _table.Name);
        }
        if (inserts.Count > 0) CopyOrders(_table.Name, rows, inserts);
        _inserted += inserts.Count;
        if (updates.Count > 0)
        {
            string stage = Stage();
            CopyOrders(stage, rows, updates);
            var set = _table.Updated.Concat(["import_id", "import_line"]).Select(c => $"{c} = s.{c}");
            PostgresStore.Exec(_c, $"UPDATE {_table.Name} AS t SET {string.Join(", ", set)} FROM {stage} AS s WHERE t.key = s.key");
            PostgresStore.Exec(_c, $"TRUNCATE {stage}");
        }

        // 4. Customers created for orders that named unknown ones (--create-missing): inserted rows first, then
        // updated ones, as for records.
        if (!_createMissing) return;
        var known = CustomerKeys().GetAlternateLookup<ReadOnlySpan<char>>();
        var created = new List<string>();
        foreach (int i in inserts.Concat(updates))
        {
            var customer = rows.CustomerKey(i);
            if (Known(known, customer, chars)) continue;
            string text = Encoding.UTF8.GetString(customer);
            CustomerKeys().Add(text);
            created.Add(text);
        }
        if (created.Count > 0) CreateCustomers(created);
    }

    /// <summary>The first of <paramref name="count"/> consecutive ids taken from the table's identity sequence (which
    /// then goes on after them).</summary>
    private long ReserveIds(int count)
    {
        using var q = PostgresStore.Command(_c, "SELECT setval(q.s, nextval(q.s) + @n - 1) - @n + 1 FROM (SELECT pg_get_serial_sequence(@t, 'id')::regclass AS s) AS q",
            ("n", (long)count), ("t", _table.Name));
        return (long)q.ExecuteScalar()!;
    }

    private static bool Known(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> keys, ReadOnlySpan<byte> key, Span<char> chars)
    {
        if (Encoding.UTF8.GetMaxCharCount(key.Length) > chars.Length) return keys.Contains(Encoding.UTF8.GetString(key));
        int length = Encoding.UTF8.GetChars(key, chars);
        return keys.Contains(chars[..length]);
    }

    // True when row i's key is the first of its kind in the batch (an open-addressing table of row numbers by
    // fingerprint; equal fingerprints are compared byte for byte, so a collision of two keys is no repeat).
    private static bool FirstInBatch(Span<int> table, OrderRows rows, long[] prints, int i)
    {
        int mask = table.Length - 1;
        long print = prints[i];
        for (int slot = (int)print & mask; ; slot = (slot + 1) & mask)
        {
            int other = table[slot];
            if (other < 0)
            {
                table[slot] = i;
                return true;
            }
            if (prints[other] == print && rows.Key(other).SequenceEqual(rows.Key(i))) return false;
        }
    }

    private void CopyOrders(string table, OrderRows rows, List<int> which)
    {
        // While a first load holds the table without its indexes (and locked against everyone else), the new rows'
        // ids are taken from the identity's sequence in one step instead of one nextval per row: the same numbers, in
        // the same order, as the sequence would have given them.
        long id = table == _table.Name && _bulk is not null ? ReserveIds(which.Count) : 0;
        using var copy = new BinaryCopy(_c, $"{table} ({(id > 0 ? "id, " : "")}{OrderColumns})");
        foreach (int i in which)
        {
            copy.StartRow(id > 0 ? 11 : 10);
            if (id > 0) copy.Int64(id++);
            copy.Utf8OrNull(rows.Key(i));
            copy.Utf8OrNull(rows.CustomerKey(i));
            copy.Date(DateOnly.FromDayNumber(rows.DayNumber(i)));
            copy.Int64(StoredMoney.ToStored(rows.Amount(i)));
            copy.Money(rows.Profit(i));
            copy.Utf8OrNull(rows.Category(i));
            copy.Utf8OrNull(rows.Channel(i));
            copy.Double(rows.Quantity(i) is decimal q ? (double)q : null);
            copy.Int64(_importId);
            copy.Int64(rows.Line(i));
        }
        copy.Complete();
    }
}
