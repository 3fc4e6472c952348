using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;

namespace Allot.Core.Importing;

/// <summary>Where an import writes records: the store's side of an import.</summary>
/// <remarks>Files are written one after another: <see cref="BeginFile"/>, records, <see cref="EndFile"/>.
/// A record whose key is already in the store updates it; a key seen earlier in the same file is refused.</remarks>
public interface IImportSink
{
    /// <summary>Starts a file.</summary>
    /// <param name="kind">What the file holds.</param>
    /// <param name="file">The file's path, recorded with the import.</param>
    /// <param name="columns">Store columns the file provides (customers and reps: only these are updated on
    /// existing rows, so a file without a birthday column keeps the birthdays already stored).</param>
    /// <param name="createMissingCustomers">Create a bare customer for a record naming an unknown one.</param>
    void BeginFile(EntityKind kind, string file, IReadOnlySet<string> columns, bool createMissingCustomers);

    /// <summary>Writes a customer; records an owner change when the owner differs from the stored one.</summary>
    WriteOutcome Write(Customer customer, long line);

    /// <summary>Writes a rep.</summary>
    WriteOutcome Write(Rep rep, long line);

    /// <summary>Writes an order.</summary>
    WriteOutcome Write(Order order, long line);

    /// <summary>Writes an invoice.</summary>
    WriteOutcome Write(Invoice invoice, long line);

    /// <summary>Writes a payment.</summary>
    WriteOutcome Write(Payment payment, long line);

    /// <summary>Writes an interaction.</summary>
    WriteOutcome Write(Interaction interaction, long line);

    /// <summary>Writes feedback.</summary>
    WriteOutcome Write(Feedback feedback, long line);

    /// <summary>How many records the sink would like per <see cref="WriteBatch"/> call; 1 when it has no
    /// preference (an embedded store, where a call costs no round trip).</summary>
    int BatchSize => 1;

    /// <summary>Writes records of the current file in order, with exactly the outcomes writing them one by one
    /// would give (a key repeated within the batch is a duplicate of its first occurrence, and so on).</summary>
    /// <remarks>A server store writes the whole batch in a few round trips instead of one per record; the
    /// default writes them one by one.</remarks>
    /// <param name="records">The records, in file order.</param>
    /// <param name="outcomes">Receives one outcome per record.</param>
    void WriteBatch(IReadOnlyList<LineRecord> records, Span<WriteOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (outcomes.Length < records.Count) throw new ArgumentException("one outcome per record is needed", nameof(outcomes));
        for (int i = 0; i < records.Count; i++)
        {
            var (record, line) = records[i];
            outcomes[i] = record switch
            {
                Customer c => Write(c, line),
                Rep r => Write(r, line),
                Order o => Write(o, line),
                Invoice v => Write(v, line),
                Payment p => Write(p, line),
                Interaction x => Write(x, line),
                Feedback f => Write(f, line),
                _ => throw new ArgumentException($"not a record: {record?.GetType().Name ?? "null"}", nameof(records)),
            };
        }
    }

    /// <summary>True when <see cref="WriteOrders"/> is the sink's fast way in for orders (an importer then reads an
    /// orders file it can read byte by byte into <see cref="OrderRows"/> instead of records); false by default.</summary>
    bool TakesOrderRows => false;

    /// <summary>Writes orders of the current file (an orders file) in order, with exactly the outcomes
    /// <see cref="WriteBatch"/> gives their records.</summary>
    /// <remarks>The default writes <see cref="OrderRows.ToOrder"/> of each row through <see cref="WriteBatch"/>.</remarks>
    /// <param name="rows">The rows, in file order.</param>
    /// <param name="outcomes">Receives one outcome per row.</param>
    void WriteOrders(OrderRows rows, Span<WriteOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var records = new LineRecord[rows.Count];
        for (int i = 0; i < rows.Count; i++) records[i] = new LineRecord(rows.ToOrder(i), rows.Line(i));
        WriteBatch(records, outcomes);
    }

    /// <summary>The line where a key of the current file was first written (for duplicate messages).</summary>
    long? FirstLineOf(string key);

    /// <summary>Ends the current file and records its row accounting with the import.</summary>
    /// <param name="read">Data rows read from the file.</param>
    /// <param name="imported">Rows that inserted a new record.</param>
    /// <param name="updated">Rows that updated an existing record.</param>
    /// <param name="rejected">Rows rejected (by the reader, the mapping or the store).</param>
    FileCounts EndFile(long read, long imported, long updated, long rejected);

}
