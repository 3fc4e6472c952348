using System.Diagnostics;
using System.Globalization;

namespace Allot.Cli.Output;

/// <summary>A one-line progress bar on stderr, redrawn at most ten times a second; silent when stderr is not a terminal.</summary>
/// <remarks>Thread-safe: the generator reports from worker threads.</remarks>
internal sealed class ProgressBar(TextWriter err, string label, bool enabled) : IDisposable, IProgress<double>
{
    private readonly Lock _gate = new();
    private bool _disposed;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private bool _drawn;

    /// <summary>Shows a fraction done (0–1) and a note such as "1,234,567 rows".</summary>
    public void Report(double fraction) => Report(fraction, "");

    public void Report(double fraction, string note)
    {
        lock (_gate)
            Draw(fraction, note);
    }

    private void Draw(double fraction, string note)
    {
        if (!enabled || _disposed || _clock.ElapsedMilliseconds - _lastDraw < 100) return;
        _lastDraw = _clock.ElapsedMilliseconds;
        fraction = Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1);
        int filled = (int)(fraction * 30);
        err.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{label} [{new string('#', filled)}{new string('.', 30 - filled)}] {fraction,4:P0} {note}   "));
        _drawn = true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            if (_drawn) err.Write("\r" + new string(' ', 100) + "\r");
        }
    }
}
