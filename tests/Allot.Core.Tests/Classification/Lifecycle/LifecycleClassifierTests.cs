using Allot.Core.Classification;
using Allot.Core.Classification.Lifecycle;
using Allot.Core.Indicators;

namespace Allot.Core.Tests.Classification.Lifecycle;

public sealed class LifecycleClassifierTests
{
    private const double NaN = double.NaN;

    private static ClassifierResult Run(LifecycleOptions options, params (double Orders, double Tenure, double Recency, double Growth)[] rows)
    {
        var keys = rows.Select((_, i) => $"k{i:D3}").ToArray();
        var table = IndicatorTable.Create(new DateOnly(2026, 6, 30), keys, new Dictionary<string, double[]>
        {
            ["orders"] = rows.Select(r => r.Orders).ToArray(),
            ["tenure_days"] = rows.Select(r => r.Tenure).ToArray(),
            ["recency_days"] = rows.Select(r => r.Recency).ToArray(),
            ["growth_365"] = rows.Select(r => r.Growth).ToArray(),
        });
        return LifecycleClassifier.Classify(table, options);
    }

    private static ClassAssignment One(double orders, double tenure, double recency, double growth) =>
        Run(new LifecycleOptions(), (orders, tenure, recency, growth)).Assignments[0];

    [Theory]
    [InlineData(0, NaN, NaN, NaN, "potential")]
    [InlineData(NaN, 400, 10, 0.5, "potential")]
    [InlineData(1, 90, 90, NaN, "new")]            // tenure ≤ 90 inclusive
    [InlineData(1, 90.5, 90, 0, "mature")]         // just past new
    [InlineData(3, 500, 365, 0, "dormant")]        // lost needs recency > 365: 365 is not lost
    [InlineData(3, 500, 365.5, 0, "lost")]
    [InlineData(3, 500, 180, 0, "mature")]         // dormant needs recency > 180: 180 is not dormant
    [InlineData(3, 500, 180.5, 0, "dormant")]
    [InlineData(3, 500, 10, -0.2, "declining")]    // growth ≤ −0.2 inclusive
    [InlineData(3, 500, 10, -0.19, "mature")]
    [InlineData(3, 500, 10, 0.2, "growing")]       // growth ≥ +0.2 inclusive
    [InlineData(3, 500, 10, 0.19, "mature")]
    public void Classify_Boundary_StageAsDocumented(double orders, double tenure, double recency, double growth, string stage)
    {
        Assert.Equal(stage, One(orders, tenure, recency, growth).Class);
    }

    [Fact]
    public void Classify_NewAndSilent_NewWinsBecauseItIsEvaluatedFirst()
    {
        // Custom thresholds so a new customer can be silent long enough to be dormant too.
        var options = new LifecycleOptions { NewMaxTenureDays = 400, DormantRecencyDays = 100, LostRecencyDays = 300 };
        Assert.Equal("new", Run(options, (2, 350, 320, -0.9)).Assignments[0].Class);
    }

    [Fact]
    public void Classify_LostAndDeclining_LostWinsOverGrowthRules()
    {
        var a = One(5, 900, 400, -0.8);
        Assert.Equal(("lost", "lost: recency_days 400 > 365"), (a.Class, a.Reason));
    }

    [Fact]
    public void Classify_DormantAndGrowing_DormantWins()
    {
        Assert.Equal("dormant", One(5, 900, 200, 0.9).Class);
    }

    [Fact]
    public void Classify_Reasons_NameRuleAndValues()
    {
        var result = Run(new LifecycleOptions(), (0, NaN, NaN, NaN), (1, 45, 45, NaN), (3, 500, 200, 0), (3, 500, 10, -0.25),
            (3, 500, 10, 0.3), (3, 500, 10, 0.05));
        Assert.Equal(
        [
            "potential: no order yet (orders 0)",
            "new: tenure_days 45 ≤ 90",
            "dormant: recency_days 200 > 180",
            "declining: growth_365 -0.25 ≤ -0.20",
            "growing: growth_365 +0.30 ≥ +0.20",
            "mature: growth_365 +0.05 between -0.20 and +0.20",
        ], result.Assignments.Select(a => a.Reason));
        Assert.Equal(-0.25, result.Assignments[3].Numbers["growth_365"]);
        Assert.Equal(200, result.Assignments[2].Numbers["recency_days"]);
    }

    [Fact]
    public void Classify_MissingGrowth_MatureAndSaysSo()
    {
        var a = One(3, 500, 10, NaN);
        Assert.Equal(("mature", "mature: growth_365 missing"), (a.Class, a.Reason));
        Assert.True(double.IsNaN(a.Numbers["growth_365"]));
    }

    [Fact]
    public void Classify_MissingTenureAndRecency_RulesSkippedAndListed()
    {
        var a = One(3, NaN, NaN, 0.5);
        Assert.Equal(("growing", "growing: growth_365 +0.50 ≥ +0.20; missing: tenure_days, recency_days"), (a.Class, a.Reason));
    }

    [Fact]
    public void Classify_MissingOrders_Potential()
    {
        Assert.Equal("potential: no order yet (orders missing)", One(NaN, 10, 5, 0).Reason);
    }

    [Fact]
    public void Classify_ChineseNames_ClassesInStageOrder()
    {
        var result = Run(new LifecycleOptions { ChineseNames = true }, (0, NaN, NaN, NaN), (3, 500, 400, 0));
        Assert.Equal(["潜在", "新客户", "成长", "成熟", "衰退", "沉睡", "流失"], result.Classes);
        Assert.Equal(["潜在", "流失"], result.Assignments.Select(a => a.Class));
        Assert.StartsWith("lost:", result.Assignments[1].Reason);
    }

    [Fact]
    public void Classify_EnglishNames_ClassesInStageOrder()
    {
        var result = Run(new LifecycleOptions(), (1, 10, 10, 0));
        Assert.Equal(["potential", "new", "growing", "mature", "declining", "dormant", "lost"], result.Classes);
        Assert.Equal("lifecycle", result.Name);
    }

    [Fact]
    public void Classify_RenamedIndicators_ReadsThem()
    {
        var keys = new[] { "a" };
        var table = IndicatorTable.Create(new DateOnly(2026, 6, 30), keys, new Dictionary<string, double[]>
        {
            ["n"] = [4], ["t"] = [700], ["r"] = [30], ["g"] = [-0.5],
        });
        var options = new LifecycleOptions { OrdersIndicator = "n", TenureIndicator = "t", RecencyIndicator = "r", GrowthIndicator = "g" };
        var a = LifecycleClassifier.Classify(table, options).Assignments[0];
        Assert.Equal(("declining", "declining: g -0.50 ≤ -0.20"), (a.Class, a.Reason));
    }

    [Fact]
    public void Classify_MissingIndicatorColumn_ThrowsKeyNotFound()
    {
        var table = IndicatorTable.Create(new DateOnly(2026, 6, 30), ["a"], new Dictionary<string, double[]> { ["orders"] = [1] });
        var error = Assert.Throws<KeyNotFoundException>(() => LifecycleClassifier.Classify(table, new LifecycleOptions()));
        Assert.Contains("tenure_days", error.Message);
    }

    [Fact]
    public void Classify_DormantNotBelowLost_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Run(new LifecycleOptions { DormantRecencyDays = 365, LostRecencyDays = 365 }, (1, 1, 1, 0)));
        Assert.Contains("DormantRecencyDays (365) must be below LostRecencyDays (365)", error.Message);
    }

    [Theory]
    [InlineData(0.0, 0.2, "DecliningGrowth must be below 0")]
    [InlineData(-0.2, 0.0, "GrowingGrowth must be above 0")]
    [InlineData(double.NegativeInfinity, 0.2, "DecliningGrowth must be a finite number")]
    public void Classify_BadGrowthThresholds_Throw(double declining, double growing, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Run(new LifecycleOptions { DecliningGrowth = declining, GrowingGrowth = growing }, (1, 1, 1, 0)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Classify_NegativeNewTenure_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Run(new LifecycleOptions { NewMaxTenureDays = -1 }, (1, 1, 1, 0)));
        Assert.Contains("NewMaxTenureDays must be at least 0, not -1", error.Message);
    }

    [Fact]
    public void Classify_SameIndicatorTwice_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Run(new LifecycleOptions { RecencyIndicator = "tenure_days" }, (1, 1, 1, 0)));
        Assert.Contains("distinct", error.Message);
    }
}
