using Allot.Core.Importing;

namespace Allot.Import.Importing.Direct;

/// <summary>A batch of an orders file's rows: those accepted so far as <see cref="OrderRows"/>, those refused by
/// the reading or the mapping as rejects; both in line order.</summary>
internal sealed class DirectBatch
{
    public OrderRows Rows { get; } = new();

    public List<RowReject> Rejects { get; } = [];

    /// <summary>Bytes of the file read when the batch was complete.</summary>
    public long BytesRead { get; set; }

    /// <summary>Rows read into the batch.</summary>
    public int Read => Rows.Count + Rejects.Count;

    public void Clear()
    {
        Rows.Clear();
        Rejects.Clear();
        BytesRead = 0;
    }
}
