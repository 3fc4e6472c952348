using System.Globalization;
using System.Text;
using Allot.Core.Importing;

namespace Allot.Import.Importing;

/// <summary>Writes rejected rows to a CSV file (<c>file,line,column,value,reason</c>), created on the first reject.</summary>
public sealed class RejectWriter : IDisposable
{
    private const int MaxValueLength = 200;
    private readonly Action<RowReject>? _seen;
    private StreamWriter? _writer;
    private bool _closed;

    /// <summary>Creates a writer for a path; nothing is written until a row is rejected.</summary>
    /// <param name="path">The rejects file.</param>
    /// <param name="seen">Also told every reject as it is written (the server keeps the first few for its answer).</param>
    public RejectWriter(string path, Action<RowReject>? seen = null)
    {
        Path = path;
        _seen = seen;
    }

    /// <summary>The rejects file.</summary>
    public string Path { get; }

    /// <summary>Rows written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one reject.</summary>
    public void Write(RowReject reject)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_writer is null)
        {
            _writer = new StreamWriter(Path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            _writer.Write("file,line,column,value,reason\n");
        }
        string? value = reject.Value is { Length: > MaxValueLength } v ? v[..MaxValueLength] + "…" : reject.Value;
        _writer.Write(string.Join(',', CsvText.Quote(reject.File), reject.Line.ToString(CultureInfo.InvariantCulture),
            CsvText.Quote(reject.Column), CsvText.Quote(value), CsvText.Quote(reject.Reason)));
        _writer.Write('\n');
        Count++;
        _seen?.Invoke(reject);
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        _closed = true;
        _writer?.Dispose();
        _writer = null;
    }
}
