using Allot.Core.Classification;

namespace Allot.Core.Tests.Classification;

public sealed class AhpTests
{
    [Fact]
    public void Weights_Saaty3x3Example_PublishedWeightsAndCr()
    {
        // The textbook 3×3 example (1, 3, 5 / 1/3, 1, 3 / 1/5, 1/3, 1): weights 0.637, 0.258, 0.105,
        // λmax 3.039, CI 0.019, CR 0.033.
        var result = Ahp.Weights(new double[,] { { 1, 3, 5 }, { 1.0 / 3, 1, 3 }, { 1.0 / 5, 1.0 / 3, 1 } });
        Assert.Equal(0.637, result.Weights[0], 3);
        Assert.Equal(0.258, result.Weights[1], 3);
        Assert.Equal(0.105, result.Weights[2], 3);
        Assert.Equal(3.039, result.LambdaMax, 3);
        Assert.Equal(0.019, result.ConsistencyIndex, 3);
        Assert.Equal(0.033, result.ConsistencyRatio, 3);
        Assert.Same(result, result.EnsureConsistent());
    }

    [Fact]
    public void Weights_ConsistentMatrix_ExactWeightsAndLambdaN()
    {
        double[] truth = [0.4, 0.3, 0.2, 0.1];
        var a = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) a[i, j] = truth[i] / truth[j];
        var result = Ahp.Weights(a);
        for (int i = 0; i < 4; i++) Assert.Equal(truth[i], result.Weights[i], 12);
        Assert.Equal(4, result.LambdaMax, 10);
        Assert.Equal(0, result.ConsistencyRatio, 10);
        Assert.Equal(0.90, result.RandomIndex);
    }

    [Fact]
    public void EnsureConsistent_CyclicJudgements_ThrowsNamingPair()
    {
        // 1 ≫ 2, 2 ≫ 3, but 3 ≫ 1: hopelessly inconsistent.
        var result = Ahp.Weights(new double[,] { { 1, 5, 1.0 / 5 }, { 1.0 / 5, 1, 5 }, { 5, 1.0 / 5, 1 } });
        Assert.True(result.ConsistencyRatio > 0.1);
        var ex = Assert.Throws<InvalidOperationException>(() => result.EnsureConsistent());
        Assert.StartsWith("consistency ratio ", ex.Message);
        Assert.Contains("> 0.10: revise the comparisons", ex.Message);
        Assert.Contains("most inconsistent pair is criteria", ex.Message);
    }

    [Fact]
    public void EnsureConsistent_OneBadJudgement_FindsThatPair()
    {
        // Consistent weights 8:4:2:1 except a[1,4] claimed 1/8 instead of 8.
        double[] truth = [8, 4, 2, 1];
        var a = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) a[i, j] = truth[i] / truth[j];
        a[0, 3] = 1.0 / 8;
        a[3, 0] = 8;
        var result = Ahp.Weights(a);
        Assert.Equal((0, 3), result.MostInconsistentPair);
        Assert.Contains("criteria 1 and 4", Assert.Throws<InvalidOperationException>(() => result.EnsureConsistent()).Message);
    }

    [Fact]
    public void Weights_NotReciprocal_ThrowsNamingCell()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ahp.Weights(new double[,] { { 1, 3 }, { 3, 1 } }));
        Assert.Contains("not reciprocal: a[1,2] = 3 but a[2,1] = 3", ex.Message);
    }

    [Fact]
    public void Weights_TwoDecimalReciprocals_Accepted()
    {
        var result = Ahp.Weights(new double[,] { { 1, 3, 7 }, { 0.33, 1, 3 }, { 0.14, 0.33, 1 } });
        Assert.Equal(1, result.Weights.Sum(), 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    public void Weights_NonPositiveEntry_Throws(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => Ahp.Weights(new double[,] { { 1, bad }, { 1, 1 } }));
        Assert.Contains("positive and finite", ex.Message);
    }

    [Fact]
    public void Weights_NotSquareOrTooLarge_Throws()
    {
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => Ahp.Weights(new double[2, 3])).Message);
        var big = new double[16, 16];
        for (int i = 0; i < 16; i++) for (int j = 0; j < 16; j++) big[i, j] = 1;
        Assert.Contains("1 to 15", Assert.Throws<ArgumentException>(() => Ahp.Weights(big)).Message);
    }

    [Fact]
    public void Weights_TwoCriteria_CrZero()
    {
        var result = Ahp.Weights(new double[,] { { 1, 3 }, { 1.0 / 3, 1 } });
        Assert.Equal([0.75, 0.25], result.Weights.Select(w => Math.Round(w, 12)));
        Assert.Equal(0, result.ConsistencyRatio);
    }
}
