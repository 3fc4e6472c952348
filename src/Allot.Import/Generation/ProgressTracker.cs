namespace Allot.Import.Generation;

/// <summary>Combines the progress of the parallel writers into one coarse 0..1 figure.</summary>
/// <remarks>Reports only when the total crosses a whole percent, and never goes backwards, so a UI bound
/// to it is neither flooded nor jittery.</remarks>
internal sealed class ProgressTracker
{
    private readonly IProgress<double>? _progress;
    private readonly double[] _weights;
    private readonly long[] _done;
    private readonly long _total;
    private readonly Lock _gate = new();
    private int _lastPercent = -1;

    /// <summary>Creates a tracker for parts of the given relative weights, each counting to <paramref name="total"/>.</summary>
    public ProgressTracker(IProgress<double>? progress, long total, params double[] weights)
    {
        _progress = progress;
        _total = Math.Max(1, total);
        var sum = weights.Sum();
        _weights = [.. weights.Select(w => w / sum)];
        _done = new long[weights.Length];
    }

    /// <summary>Reports the start (0).</summary>
    public void Start() => Publish(0);

    /// <summary>Sets how far part <paramref name="part"/> has got, out of the total given at construction.</summary>
    public void Advance(int part, long done)
    {
        if (_progress is null)
            return;

        Volatile.Write(ref _done[part], Math.Min(done, _total));
        var fraction = 0.0;
        for (var k = 0; k < _done.Length; k++)
            fraction += _weights[k] * Volatile.Read(ref _done[k]) / _total;

        // 100 % is kept for Finish: the files are complete only once renamed into place.
        Publish(Math.Min(99, (int)(fraction * 100)));
    }

    /// <summary>Reports completion (1).</summary>
    public void Finish() => Publish(100);

    private void Publish(int percent)
    {
        if (_progress is null)
            return;

        lock (_gate)
        {
            if (percent <= _lastPercent)
                return;
            _lastPercent = percent;
            _progress.Report(percent / 100.0);
        }
    }
}
