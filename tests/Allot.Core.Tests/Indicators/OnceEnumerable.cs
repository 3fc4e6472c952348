using System.Collections;

namespace Allot.Core.Tests.Indicators;

/// <summary>A sequence that counts its enumerations, standing in for a stream of orders from the store.</summary>
internal sealed class OnceEnumerable<T>(IEnumerable<T> items) : IEnumerable<T>
{
    public int Enumerations { get; private set; }

    public IEnumerator<T> GetEnumerator()
    {
        Enumerations++;
        return items.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
