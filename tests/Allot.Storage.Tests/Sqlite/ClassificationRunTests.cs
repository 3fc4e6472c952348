using Allot.Core.Classification;
using Allot.Core.Classification.Schemes;

namespace Allot.Storage.Tests.Sqlite;

public sealed class ClassificationRunTests
{
    [Fact]
    public void SaveClassificationRun_RoundTripsTiersReasonsAndMissingNumbers()
    {
        using var t = new TempStore();
        var numbers = new Dictionary<string, double> { ["value"] = 12.5, ["share"] = double.NaN };
        var a = new ClassAssignment("C1", "A", "cumulative share before it 0 % < 80 %", numbers);
        var b = new ClassAssignment("C2", "C", "missing", new Dictionary<string, double>());
        var result = new ClassifierResult("abc_amount", ["A", "B", "C"], [a, b]);
        var outcome = new SchemeOutcome("retail", [result],
        [
            new CustomerClassification("C1", "A", "Champions", "mature", ["key_account", "credit_risk"], [a]),
            new CustomerClassification("C2", "C", null, null, [], [b]),
        ]);
        long id = t.Store.SaveClassificationRun("alice", new DateOnly(2025, 5, 31), "{ \"name\": \"retail\" }", outcome, [1250.5, double.NaN], ["A", "B", "C"]);
        t.Reopen();

        var run = Assert.Single(t.Store.GetClassificationRuns());
        Assert.Equal((id, "alice", new DateOnly(2025, 5, 31), "retail", 2), (run.Id, run.By, run.AsOf, run.SchemeName, run.Customers));
        Assert.Equal(["A", "B", "C"], run.TierClasses);
        var c1 = t.Store.GetClassification(id, "C1")!;
        Assert.Equal(("A", "Champions", "mature"), (c1.Tier, c1.Segment, c1.LifecycleStage));
        Assert.Equal(["key_account", "credit_risk"], c1.Tags);
        var cls = Assert.Single(c1.Classes);
        Assert.Equal(("abc_amount", "A"), (cls.Classifier, cls.Class));
        Assert.Equal(12.5, cls.Numbers["value"]);
        Assert.True(double.IsNaN(cls.Numbers["share"]));
        Assert.Equal(["C1", "C2"], t.Store.ReadClassifications(id).Select(x => x.CustomerKey));
        Assert.Null(t.Store.GetClassification(id, "C9"));
        Assert.Equal((1250.5, 0.0), (c1.Revenue, t.Store.GetClassification(id, "C2")!.Revenue));
    }
}
