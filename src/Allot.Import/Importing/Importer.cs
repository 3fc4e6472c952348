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
        _today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        _progress = progress;
    }

    /// <summary>The sink.</summary>
    public IImportSink Sink => _sink;

    /// <summary>Today's date as the importer sees it.</summary>
    public DateOnly Today => _today;

    /// <summary>Records a reject.</summary>
    public void Reject(RowReject reject) => _rejects.Write(reject);

    /// <summary>Reports progress.</summary>
    public void Progress(ImportProgress progress) => _progress?.Invoke(progress);

    /// <summary>Imports one file of a kind in the canonical layout (or any layout the aliases and mapping cover).</summary>
    public FileImportReport Import(EntityKind kind, string path, ImportOptions options)
    {
        using var reader = Open(path, options);
        var map = HeaderMap.Resolve(Layouts.For(kind), reader.Headers, options.Mapping, path);
        var mapper = new RecordMapper(kind, map, path, _today);
        _sink.BeginFile(kind, path, mapper.StoreColumns(), options.CreateMissing);
        long read = 0, inserted = 0, updated = 0, rejected = 0;
        while (reader.Read(out var row))
        {
            read++;
            if ((read & 0x3FFF) == 0) _progress?.Invoke(new ImportProgress(path, read, reader.BytesRead, reader.Length));
            if (!mapper.TryMap(row, out object? record, out var reject))
            {
                Reject(reject!);
                rejected++;
                continue;
            }
            var outcome = Write(record!, row.Line);
            switch (outcome)
            {
                case WriteOutcome.Inserted: inserted++; break;
                case WriteOutcome.Updated: updated++; break;
                default:
                    Reject(Explain(outcome, record!, path, row.Line, map));
                    rejected++;
                    break;
            }
        }
        _progress?.Invoke(new ImportProgress(path, read, reader.Length, reader.Length));
        var counts = _sink.EndFile(read, inserted, updated, rejected);
        return new FileImportReport(path, kind, reader.Description, read, inserted, updated, rejected, counts.CreatedCustomers);
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
