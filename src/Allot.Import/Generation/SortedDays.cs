namespace Allot.Import.Generation;

/// <summary>Draws a given number of days uniformly over a span, in ascending order, one at a time.</summary>
/// <remarks>The days are the order statistics of uniform draws — a Poisson process conditioned on its count, as
/// BG/NBD assumes while a customer is active — produced without storing or sorting them: each next position
/// is the minimum of the remaining n uniforms on the rest of the span, 1 − V^(1/n) of it.</remarks>
internal struct SortedDays
{
    private readonly int _startDay;
    private readonly int _spanDays;
    private long _remaining;
    private double _position;

    /// <summary>Prepares <paramref name="count"/> days in [<paramref name="firstDay"/>, <paramref name="lastDay"/>].</summary>
    public SortedDays(int firstDay, int lastDay, long count)
    {
        _startDay = firstDay;
        _spanDays = Math.Max(1, lastDay - firstDay + 1);
        _remaining = count;
        _position = 0;
    }

    /// <summary>The next day (day number); false when all have been drawn.</summary>
    public bool Next(ref Rng rng, out int day)
    {
        if (_remaining <= 0)
        {
            day = 0;
            return false;
        }

        var step = 1 - DeterministicMath.Exp(DeterministicMath.Log(rng.NextOpenDouble()) / _remaining);
        _position += (1 - _position) * step;
        _remaining--;
        day = _startDay + Math.Min(_spanDays - 1, (int)(_position * _spanDays));
        return true;
    }
}
