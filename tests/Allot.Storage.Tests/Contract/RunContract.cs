using Allot.Core.Classification;
using Allot.Core.Classification.Schemes;

namespace Allot.Storage.Tests.Contract;

/// <summary>Classification runs are stored whole and read back exactly.</summary>
public abstract class RunContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    [Fact]
    public void SaveClassificationRun_RoundTripsTiersReasonsAndMissingNumbers()
    {
        long id = Save("alice", Outcome(), [1250.5, double.NaN]);
        T.Reopen();

        var run = Assert.Single(Store.GetClassificationRuns());
        Assert.Equal((id, "alice", new DateOnly(2025, 5, 31), "retail", 2, Builders.Now), (run.Id, run.By, run.AsOf, run.SchemeName, run.Customers, run.CreatedAt));
        Assert.Equal(["A", "B", "C"], run.TierClasses);
        var c1 = Store.GetClassification(id, "C1")!;
        Assert.Equal(("A", "Champions", "mature"), (c1.Tier, c1.Segment, c1.LifecycleStage));
        Assert.Equal(["key_account", "credit_risk"], c1.Tags);
        var cls = Assert.Single(c1.Classes);
        Assert.Equal(("abc_amount", "A", "cumulative share before it 0 % < 80 %"), (cls.Classifier, cls.Class, cls.Reason));
        Assert.Equal(12.5, cls.Numbers["value"]);
        Assert.True(double.IsNaN(cls.Numbers["share"]));
        Assert.Equal(["C1", "C2"], Store.ReadClassifications(id).Select(x => x.CustomerKey));
        Assert.Null(Store.GetClassification(id, "C9"));
        var c2 = Store.GetClassification(id, "C2")!;
        Assert.Equal((1250.5, 0.0, (string?)null, (string?)null), (c1.Revenue, c2.Revenue, c2.Segment, c2.LifecycleStage));
        Assert.Empty(c2.Tags);
    }

    [Fact]
    public void GetClassificationRuns_NewestFirstUpToTheLimit()
    {
        long first = Save("a", Outcome(), [1, 2]);
        long second = Save("b", Outcome(), [3, 4]);
        long third = Save("c", Outcome(), [5, 6]);
        Assert.True(first < second && second < third);
        Assert.Equal([third, second, first], Store.GetClassificationRuns().Select(r => r.Id));
        Assert.Equal([third, second], Store.GetClassificationRuns(2).Select(r => r.Id));
        Assert.Equal(3.0, Store.GetClassification(second, "C1")!.Revenue);
    }

    [Fact]
    public void SaveClassificationRun_RevenueNotOnePerCustomer_RefusedAndNothingStored()
    {
        Assert.Throws<ArgumentException>(() => Save("a", Outcome(), [1]));
        Assert.Empty(Store.GetClassificationRuns());
    }

    [Fact]
    public void ReadClassifications_UnknownRun_Empty() => Assert.Empty(Store.ReadClassifications(404));

    [Fact]
    public void SaveClassificationRun_KeepsFiguresPerCustomer_NamesOnTheRun()
    {
        var figures = new Dictionary<string, IReadOnlyList<double>> { ["profit"] = [310.25, double.NaN], ["orders"] = [12, 1] };
        long id = Store.SaveClassificationRun("alice", new DateOnly(2025, 5, 31), "{}", Outcome(), [1250.5, 9], ["A", "B", "C"], figures);
        long old = Save("bob", Outcome(), [1, 2]);
        T.Reopen();
        var run = Store.GetClassificationRuns().Single(r => r.Id == id);
        Assert.Equal(["orders", "profit"], run.FigureNames);
        Assert.Equal([12, 310.25], Store.GetClassification(id, "C1")!.Figures);
        var c2 = Store.ReadClassifications(id).Single(c => c.CustomerKey == "C2").Figures;
        Assert.Equal(1, c2[0]);
        Assert.True(double.IsNaN(c2[1]));
        Assert.Empty(Store.GetClassificationRuns().Single(r => r.Id == old).FigureNames);
        Assert.Empty(Store.GetClassification(old, "C1")!.Figures);
        Assert.Throws<ArgumentException>(() => Store.SaveClassificationRun("x", new DateOnly(2025, 5, 31), "{}", Outcome(), [1, 2], ["A"],
            new Dictionary<string, IReadOnlyList<double>> { ["profit"] = [1] }));
    }

    private long Save(string by, SchemeOutcome outcome, double[] revenue) =>
        Store.SaveClassificationRun(by, new DateOnly(2025, 5, 31), "{ \"name\": \"retail\" }", outcome, revenue, ["A", "B", "C"]);

    private static SchemeOutcome Outcome()
    {
        var numbers = new Dictionary<string, double> { ["value"] = 12.5, ["share"] = double.NaN };
        var a = new ClassAssignment("C1", "A", "cumulative share before it 0 % < 80 %", numbers);
        var b = new ClassAssignment("C2", "C", "missing", new Dictionary<string, double>());
        var result = new ClassifierResult("abc_amount", ["A", "B", "C"], [a, b]);
        return new SchemeOutcome("retail", [result],
        [
            new CustomerClassification("C1", "A", "Champions", "mature", ["key_account", "credit_risk"], [a]),
            new CustomerClassification("C2", "C", null, null, [], [b]),
        ]);
    }
}
