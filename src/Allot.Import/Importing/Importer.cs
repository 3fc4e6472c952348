using System.Collections.Concurrent;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Allot.Import.Mapping;
using Allot.Import.Reading;

namespace Allot.Import.Importing;

/// <summary>Reads files into an <see cref="IImportSink"/>, accounting for every row.</summary>
/// <remarks>Streaming: memory does not grow with the file. The caller owns the transaction: a file-level
/// problem throws <see cref="ImportFileException"/> and the caller rolls back.</remarks>
public sealed class Importer
{
    private readonly IImportSink _sink;
    private readonly RejectWriter _rejects;
    private readonly DateOnly _today;
    private readonly Action<ImportProgress>? _progress;

    /// <summary>Creates an importer.</summary>
    /// <param name="sink">Where records go.</param>
    /// <param name="rejects">Where rejected rows go.</param>
    /// <param name="clock">Gives today's date (dates after it are refused).</param>
    /// <param name="progress">Called every few thousand rows.</param>
    public Importer(IImportSink sink, RejectWriter rejects, TimeProvider clock, Action<ImportProgress>? progress = null)
    {
        _sink = sink;
        _rejects = rejects;
        // The user's calendar day: a UTC date would refuse this morning's orders in UTC+8 as "in the future".
        _today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        _progress = progress;
    }

    /// <summary>The sink.</summary>
    public IImportSink Sink => _sink;

    /// <summary>False to read orders files through the table reader and the mapper even when the sink takes order
    /// rows (tests compare the two ways).</summary>
    internal bool DirectOrders { get; init; } = true;

    /// <summary>Today's date as the importer sees it.</summary>
    public DateOnly Today => _today;

    /// <summary>Records a reject.</summary>
    public void Reject(RowReject reject) => _rejects.Write(reject);

    /// <summary>Reports progress.</summary>
    public void Progress(ImportProgress progress) => _progress?.Invoke(progress);

    /// <summary>Imports one file of a kind in the canonical layout (or any layout the aliases and mapping cover).</summary>
    /// <remarks>Orders files go the direct way when the sink takes order rows (<see cref="IImportSink.TakesOrderRows"/>)
    /// and the file allows it: see <see cref="Direct.DirectOrderImport"/>. Otherwise reading and mapping run on a second thread, a few batches ahead of the writes, so parsing
    /// overlaps the store's work; the queue is bounded, so memory does not grow with the file. Records reach the
    /// store a batch at a time (<see cref="IImportSink.WriteBatch"/>): 2,048 rows, or more when the store asks.</remarks>
    public FileImportReport Import(EntityKind kind, string path, ImportOptions options)
    {
        // Orders into a store that takes them as bytes: read byte by byte where the file allows (same outcomes).
        if (kind == EntityKind.Orders && DirectOrders && _sink.TakesOrderRows
            && Direct.DirectOrderImport.TryImport(this, path, options) is { } direct)
            return direct;
        using var reader = Open(path, options);
        var map = HeaderMap.Resolve(Layouts.For(kind), reader.Headers, options.Mapping, path);
        var mapper = new RecordMapper(kind, map, path, _today);
        _sink.BeginFile(kind, path, mapper.StoreColumns(), options.CreateMissing);
        var writer = new RowWriter(this, path, map);
        // The queue holds a bounded number of rows, whatever the batch size the store prefers.
        int capacity = Math.Max(2, 16 * RowWriter.DefaultBatch / writer.BatchSize);
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<MappedBatch>(boundedCapacity: capacity);
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new MappedBatch(writer.BatchSize);
                while (reader.Read(out var row))
                {
                    bool ok = mapper.TryMap(row, out object? record, out var reject);
                    batch.Rows.Add(new MappedRow(row.Line, ok ? record : null, reject));
                    if (batch.Rows.Count == writer.BatchSize)
                    {
                        batch.BytesRead = reader.BytesRead;
                        queue.Add(batch, stop.Token);
                        batch = new MappedBatch(writer.BatchSize);
                    }
                }
                batch.BytesRead = reader.BytesRead;
                queue.Add(batch, stop.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, stop.Token);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
            {
                foreach (var row in batch.Rows)
                {
                    if (row.Record is null) writer.Reject(row.Reject!);
                    else writer.Add(row.Line, row.Record);
                }
                writer.Flush();
                _progress?.Invoke(new ImportProgress(path, writer.Read, batch.BytesRead, reader.Length));
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            Importer.JoinReader(producer);
        }
        var counts = _sink.EndFile(writer.Read, writer.Inserted, writer.Updated, writer.Rejected);
        return new FileImportReport(path, kind, reader.Description, writer.Read, writer.Inserted, writer.Updated, writer.Rejected, counts.CreatedCustomers);
    }

    /// <summary>Waits for the reading thread of an import; its own failure (e.g. an unterminated quote) is thrown as
    /// itself, a cancellation (the writing side failed first and is being reported) is not.</summary>
    internal static void JoinReader(Task producer)
    {
        try { producer.Wait(); }
        catch (AggregateException e) when (e.InnerException is not OperationCanceledException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
        }
        catch (AggregateException) { }
    }

    private readonly record struct MappedRow(long Line, object? Record, RowReject? Reject);

    private sealed class MappedBatch(int size)
    {
        public List<MappedRow> Rows { get; } = new(size);

        public long BytesRead { get; set; }
    }

    /// <summary>Opens a table with the options' overrides.</summary>
    public static ITableReader Open(string path, ImportOptions options, bool hasHeader = true, bool? whitespace = null)
    {
        if (!File.Exists(path)) throw new ImportFileException(path, "file not found");
        return TableReader.Open(path, new TableReadOptions
        {
            Encoding = options.Encoding,
            Delimiter = options.Delimiter,
            Sheet = options.Sheet,
            HasHeader = hasHeader,
            Whitespace = whitespace ?? options.Whitespace,
        });
    }

    /// <summary>Writes one record of any kind.</summary>
    public WriteOutcome Write(object record, long line) => record switch
    {
        Customer c => _sink.Write(c, line),
        Rep r => _sink.Write(r, line),
        Order o => _sink.Write(o, line),
        Invoice i => _sink.Write(i, line),
        Payment p => _sink.Write(p, line),
        Interaction x => _sink.Write(x, line),
        Feedback f => _sink.Write(f, line),
        _ => throw new ArgumentException($"not a record: {record.GetType().Name}", nameof(record)),
    };

    /// <summary>Turns a store refusal into a reject with its reason.</summary>
    public RowReject Explain(WriteOutcome outcome, object record, string path, long line, HeaderMap? map)
    {
        (string keyField, string key) = record switch
        {
            Customer c => ("customer_id", c.Key),
            Rep r => ("rep_id", r.Key),
            Order o => ("order_id", o.Key),
            Invoice i => ("invoice_id", i.Key),
            Payment p => ("payment_id", p.Key),
            Interaction x => ("interaction_id", x.Key),
            Feedback f => ("feedback_id", f.Key),
            _ => ("key", "?"),
        };
        string Header(string field) => map?.HeaderOf(field) ?? field;
        return outcome switch
        {
            WriteOutcome.DuplicateInFile => new RowReject(path, line, Header(keyField), key,
                _sink.FirstLineOf(key) is long first ? $"duplicate key {key}: first at line {first}" : $"duplicate key {key} in this file"),
            WriteOutcome.UnknownCustomer => new RowReject(path, line, Header("customer_id"), CustomerOf(record),
                $"unknown customer {CustomerOf(record)}: import customers first, or pass --create-missing"),
            WriteOutcome.UnknownRep => new RowReject(path, line, Header(record is Customer ? "owner_rep_id" : "rep_id"), RepOf(record),
                $"unknown rep {RepOf(record)}: import reps first"),
            WriteOutcome.UnknownInvoice => new RowReject(path, line, Header("invoice_id"), ((Payment)record).InvoiceKey,
                $"unknown invoice {((Payment)record).InvoiceKey}: import invoices first"),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };
    }

    private static string? CustomerOf(object record) => record switch
    {
        Order o => o.CustomerKey,
        Invoice i => i.CustomerKey,
        Interaction x => x.CustomerKey,
        Feedback f => f.CustomerKey,
        _ => null,
    };

    private static string? RepOf(object record) => record switch
    {
        Customer c => c.OwnerRepKey,
        Interaction x => x.RepKey,
        _ => null,
    };
}
