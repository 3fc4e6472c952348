using Allot.Core.Value;

namespace Allot.Core.Tests.Value;

public sealed class SpecialFunctionsTests
{
    // Reference values: CPython's math.lgamma.
    [Theory]
    [InlineData(0.5, 0.57236494292470008707)] // ln √π
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(10, 12.801827480081469611)] // ln 9!
    [InlineData(0.01, 4.5994798780420217225)]
    [InlineData(171.5, 709.1431630309282)]
    [InlineData(1e6, 12815504.569147611)]
    [InlineData(3e7, 486501230.4993775)]
    public void LogGamma_KnownValues(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), Math.Max(1e-13, Math.Abs(expected) * 1e-14));

    [Fact]
    public void LogGamma_Recurrence_HoldsAcrossTheRange()
    {
        for (double x = 0.013; x < 5000; x *= 1.37)
            Assert.Equal(Math.Log(x), SpecialFunctions.LogGamma(x + 1) - SpecialFunctions.LogGamma(x), 1e-11 * Math.Max(1, Math.Abs(Math.Log(x))) * Math.Max(1, Math.Log(x + 1) * 10));
    }

    [Theory]
    [InlineData(1, -0.57721566490153286061)]
    [InlineData(0.5, -1.9635100260214234794)]
    [InlineData(10, 2.2517525890667211076)]
    [InlineData(1000, 6.9072551956488065)]
    public void Digamma_KnownValues(double x, double expected) => Assert.Equal(expected, SpecialFunctions.Digamma(x), 1e-13);

    [Fact]
    public void LogSumExp_HugeAndTinyArguments_NoOverflow()
    {
        Assert.Equal(1000 + Math.Log(2), SpecialFunctions.LogSumExp(1000, 1000), 12);
        Assert.Equal(-1000, SpecialFunctions.LogSumExp(-1000, double.NegativeInfinity));
        Assert.Equal(Math.Log(Math.Exp(2) - Math.Exp(1)), SpecialFunctions.LogDiffExp(2, 1), 12);
        Assert.Equal(double.NegativeInfinity, SpecialFunctions.LogDiffExp(3, 3));
        Assert.Equal(Math.Log(1e-10), SpecialFunctions.LogDiffExp(0, Math.Log(1 - 1e-10)), 6);
    }

    [Theory]
    [InlineData(0.5, 3.0, 0.3)]
    [InlineData(400, 401.6, 0.9)]
    [InlineData(1.6, 1000, 0.99)]
    public void Hyp2F1UnitA_MatchesDirectSeries(double b, double c, double z)
    {
        // ₂F₁(1, b; c; z) by summing the hypergeometric series term by term in its textbook form.
        double sum = 0, term = 1;
        for (int n = 0; n < 100000 && term > 1e-18; n++)
        {
            sum += term;
            term *= (1 + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        }
        Assert.Equal(sum, SpecialFunctions.Hyp2F1UnitA(b, c, z), sum * 1e-13);
    }
}
