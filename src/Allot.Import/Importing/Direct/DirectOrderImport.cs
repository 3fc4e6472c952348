using System.Collections.Concurrent;
using Allot.Core.Importing;
using Allot.Import.Mapping;
using Allot.Import.Reading;

namespace Allot.Import.Importing.Direct;

/// <summary>An orders file into a sink that takes <see cref="OrderRows"/> (<see cref="IImportSink.TakesOrderRows"/>):
/// read byte by byte (<see cref="OrderLineReader"/>) on a second thread, written a batch at a time through
/// <see cref="IImportSink.WriteOrders"/>, with the accounting and rejects <see cref="Importer.Import"/> gives.</summary>
/// <remarks>Taken: UTF-8 (or ASCII) text with a one-character delimiter whose header is one plain line, with no
/// reading option given (encoding, delimiter, sheet, whitespace); any header the orders layout resolves (aliases, a
/// mapping). Anything else is read the usual way (<see cref="TryImport"/> returns null before the sink hears of
/// the file).</remarks>
internal static class DirectOrderImport
{
    /// <summary>Imports the orders file, or returns null when it is not one this path reads.</summary>
    /// <exception cref="ImportFileException">The file cannot be read (as <see cref="Importer.Import"/> says).</exception>
    public static FileImportReport? TryImport(Importer importer, string path, ImportOptions options)
    {
        if (options.Encoding is not null || options.Delimiter is not null || options.Whitespace is not null || options.Sheet is not null) return null;
        HeaderMap map;
        DetectedEncoding encoding;
        byte delimiter;
        long dataStart, headerLine, length;
        string description;
        using (var reader = Importer.Open(path, options))
        {
            map = HeaderMap.Resolve(Layouts.Orders, reader.Headers, options.Mapping, path);
            if (reader is not DelimitedTableReader text || text.DetectedEncoding.Name != "UTF-8" || text.IsWhitespaceSeparated
                || text.Delimiter is > (char)0x7E or < ' ' and not '\t' or '"' or ' ')
                return null;
            encoding = text.DetectedEncoding;
            delimiter = (byte)text.Delimiter;
            (dataStart, headerLine) = OrderFileSums.DataStart(path, encoding.PreambleLength, delimiter, reader.Headers);
            if (dataStart < 0) return null;
            description = reader.Description;
            length = reader.Length;
        }
        var sink = importer.Sink;
        var mapper = new RecordMapper(EntityKind.Orders, map, path, importer.Today);
        sink.BeginFile(EntityKind.Orders, path, mapper.StoreColumns(), options.CreateMissing);
        int batchSize = Math.Max(RowWriter.DefaultBatch, sink.BatchSize);
        var counts = new Counts();
        using var lines = new OrderLineReader(path, map, encoding, delimiter, importer.Today, dataStart, headerLine);
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<DirectBatch>(boundedCapacity: 2);
        var free = new ConcurrentBag<DirectBatch>();
        var producer = Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    var batch = free.TryTake(out var reused) ? reused : new DirectBatch();
                    bool any = lines.Next(batch, batchSize);
                    batch.BytesRead = lines.BytesRead;
                    if (!any) break;
                    queue.Add(batch, stop.Token);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, stop.Token);
        var outcomes = new WriteOutcome[batchSize];
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
            {
                if (outcomes.Length < batch.Rows.Count) outcomes = new WriteOutcome[batch.Rows.Count];
                if (batch.Rows.Count > 0) sink.WriteOrders(batch.Rows, outcomes.AsSpan(0, batch.Rows.Count));
                Account(importer, path, map, batch, outcomes, counts);
                importer.Progress(new ImportProgress(path, counts.Read, batch.BytesRead, length));
                free.Add(batch);
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
        var file = sink.EndFile(counts.Read, counts.Inserted, counts.Updated, counts.Rejected);
        return new FileImportReport(path, EntityKind.Orders, description, counts.Read, counts.Inserted, counts.Updated, counts.Rejected,
            file.CreatedCustomers);
    }

    private sealed class Counts
    {
        public long Read, Inserted, Updated, Rejected;
    }

    // Every row of the batch in line order, as RowWriter accounts for rows: the reading's and mapping's rejects
    // and the store's refusals interleaved.
    private static void Account(Importer importer, string path, HeaderMap map, DirectBatch batch, WriteOutcome[] outcomes, Counts counts)
    {
        var rows = batch.Rows;
        var rejects = batch.Rejects;
        int r = 0, k = 0;
        while (r < rows.Count || k < rejects.Count)
        {
            counts.Read++;
            if (k == rejects.Count || (r < rows.Count && rows.Line(r) < rejects[k].Line))
            {
                switch (outcomes[r])
                {
                    case WriteOutcome.Inserted: counts.Inserted++; break;
                    case WriteOutcome.Updated: counts.Updated++; break;
                    default:
                        importer.Reject(importer.Explain(outcomes[r], rows.ToOrder(r), path, rows.Line(r), map));
                        counts.Rejected++;
                        break;
                }
                r++;
            }
            else
            {
                importer.Reject(rejects[k++]);
                counts.Rejected++;
            }
        }
    }
}
