using Allot.Core.Classification.Clustering;

namespace Allot.Core.Tests.Classification.Clustering;

public sealed class SplitMix64Tests
{
    [Fact]
    public void NextUInt64_Seed1234567_MatchesReferenceSequence()
    {
        // The reference outputs of Vigna's splitmix64.c for seed 1234567 (checked with a Python port).
        var rng = new SplitMix64(1234567);
        Assert.Equal([6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            Enumerable.Range(0, 5).Select(_ => rng.NextUInt64()));
    }

    [Fact]
    public void NextInt_ManyDraws_StayInRangeAndCoverIt()
    {
        var rng = new SplitMix64(5);
        var seen = new int[7];
        for (int i = 0; i < 7000; i++) seen[rng.NextInt(7)]++;
        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void NextGaussian_ManyDraws_MeanZeroVarianceOne()
    {
        var rng = new SplitMix64(6);
        var draws = Enumerable.Range(0, 20000).Select(_ => rng.NextGaussian()).ToArray();
        double mean = draws.Average();
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(draws.Average(v => (v - mean) * (v - mean)), 0.95, 1.05);
    }
}
