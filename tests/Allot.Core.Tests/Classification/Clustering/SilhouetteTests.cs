using Allot.Core.Classification.Clustering;

namespace Allot.Core.Tests.Classification.Clustering;

public sealed class SilhouetteTests
{
    [Fact]
    public void Mean_TwoPairsOnALine_MatchesHandComputation()
    {
        // A = {0, 2}, B = {6, 7}. By hand: s(0) = (6.5 − 2) / 6.5, s(2) = (4.5 − 2) / 4.5, s(6) = (5 − 1) / 5,
        // s(7) = (6 − 1) / 6.
        double expected = (4.5 / 6.5 + 2.5 / 4.5 + 4.0 / 5 + 5.0 / 6) / 4;
        double actual = Silhouette.Mean([[0.0], [2.0], [6.0], [7.0]], [0, 0, 1, 1]);
        Assert.Equal(expected, actual, 12);
        Assert.Equal(0.720299, actual, 6);
    }

    [Fact]
    public void Mean_SingletonCluster_ScoresZero()
    {
        // A = {0} alone scores 0; s(3) = (3 − 1) / 3, s(4) = (4 − 1) / 4.
        Assert.Equal((0 + 2.0 / 3 + 3.0 / 4) / 3, Silhouette.Mean([[0.0], [3.0], [4.0]], [0, 1, 1]), 12);
    }

    [Fact]
    public void Mean_TwoDimensions_UsesEuclideanDistance()
    {
        // A = {(0,0), (3,4)} at distance 5; B = {(0,10)}: s((0,0)) = (10 − 5) / 10, s((3,4)) = (√45 − 5) / √45.
        double expected = (0.5 + (Math.Sqrt(45) - 5) / Math.Sqrt(45) + 0) / 3;
        Assert.Equal(expected, Silhouette.Mean([[0.0, 0.0], [3.0, 4.0], [0.0, 10.0]], [0, 0, 1]), 12);
    }

    [Fact]
    public void Mean_OneCluster_IsNaN()
    {
        Assert.True(double.IsNaN(Silhouette.Mean([[0.0], [1.0]], [0, 0])));
    }
}
