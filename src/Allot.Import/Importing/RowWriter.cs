using Allot.Core.Importing;
using Allot.Import.Mapping;

namespace Allot.Import.Importing;

/// <summary>Collects a file's rows, writes their records to the sink a batch at a time, and accounts for every
/// row in line order, so the rejects file lists refusals in file order whether the reader or the store refused.</summary>
/// <remarks>Call <see cref="Flush"/> whenever <see cref="Full"/> says so and once at the end of the file.</remarks>
internal sealed class RowWriter(Importer importer, string path, HeaderMap? map, Action<object, WriteOutcome>? written = null)
{
    /// <summary>Rows per batch when the sink states no preference: a batch is the unit of progress reporting.</summary>
    public const int DefaultBatch = 2048;

    private readonly List<(long Line, object? Record, RowReject? Reject)> _rows = [];
    private readonly List<LineRecord> _records = [];
    private WriteOutcome[] _outcomes = [];

    /// <summary>Rows per batch: the sink's preference, at least <see cref="DefaultBatch"/>.</summary>
    public int BatchSize { get; } = Math.Max(DefaultBatch, importer.Sink.BatchSize);

    public long Read { get; private set; }

    public long Inserted { get; private set; }

    public long Updated { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>True when a batch is complete and should be flushed.</summary>
    public bool Full => _rows.Count >= BatchSize;

    /// <summary>A row whose record goes to the store.</summary>
    public void Add(long line, object record) => _rows.Add((line, record, null));

    /// <summary>A row already refused (by the reader or the mapping).</summary>
    public void Reject(RowReject reject) => _rows.Add((reject.Line, null, reject));

    /// <summary>Writes the pending records and accounts for the pending rows.</summary>
    public void Flush()
    {
        _records.Clear();
        foreach (var row in _rows)
            if (row.Record is not null) _records.Add(new LineRecord(row.Record, row.Line));
        if (_outcomes.Length < _records.Count) _outcomes = new WriteOutcome[Math.Max(_records.Count, BatchSize)];
        if (_records.Count > 0) importer.Sink.WriteBatch(_records, _outcomes.AsSpan(0, _records.Count));
        int k = 0;
        foreach (var (line, record, reject) in _rows)
        {
            Read++;
            if (record is null)
            {
                importer.Reject(reject!);
                Rejected++;
                continue;
            }
            var outcome = _outcomes[k++];
            written?.Invoke(record, outcome);
            switch (outcome)
            {
                case WriteOutcome.Inserted: Inserted++; break;
                case WriteOutcome.Updated: Updated++; break;
                default:
                    importer.Reject(importer.Explain(outcome, record, path, line, map));
                    Rejected++;
                    break;
            }
        }
        _rows.Clear();
    }
}
