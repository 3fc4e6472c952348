using Allot.Core.FollowUps;
using Allot.Core.Maintenance;
using Allot.Core.Value;
using Allot.Storage.Maintenance;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Pool;

/// <summary>The latest value run's P(alive) reaches the daily job: a customer the model says has probably stopped
/// buying gets a churn follow-up and a churn alert; one it says is active does not.</summary>
public sealed class ValueModelHookTests
{
    private static readonly DateOnly Day = new(2026, 6, 1);

    [Fact]
    public void DailyRun_LowAliveProbability_GivesChurnTaskAndAlert()
    {
        using var t = new TempStore();
        Load(t.Store, [Rep("R1")], [Customer("C1", owner: "R1"), Customer("C2", owner: "R1")],
            interactions: [Interaction("I1", "C1", "2026-05-30", "R1"), Interaction("I2", "C2", "2026-05-30", "R1")]);
        var rules = RulesParser.Parse(DefaultRules.Text, "defaults");

        var before = DailyRun.Run(t.Store, rules, Path.Combine(Path.GetDirectoryName(t.Store.Location)!, "r.json"),
            new JobOptions("daily", Day, "daily", JobSteps.Plan | JobSteps.Alerts, 4));
        Assert.DoesNotContain(before.Result.Tasks, x => x.Kind == FollowUpKind.Churn);

        t.Store.SaveValueRun("tests", Run(), [
            new("C1", 3, 10, 40, 50, 150, 0.12, 0.1, 50, 5, true, 120, 1),
            new("C2", 6, 39, 40, 50, 300, 0.93, 2.5, 50, 400, false, null, null),
        ]);
        var after = DailyRun.Run(t.Store, rules, Path.Combine(Path.GetDirectoryName(t.Store.Location)!, "r.json"),
            new JobOptions("daily", Day, "daily", JobSteps.Plan | JobSteps.Alerts, 4));
        var churn = Assert.Single(after.Result.Tasks, x => x.Kind == FollowUpKind.Churn);
        Assert.Equal("C1", churn.CustomerKey);
        Assert.Contains("value model: P(active) 0.12 below 0.50", churn.Reason);
        Assert.Contains(after.Result.Alerts, a => a.CustomerKey == "C1" && a.Kind == Core.Alerts.AlertKind.ChurnWarning);
        Assert.DoesNotContain(after.Result.Alerts, a => a.CustomerKey == "C2" && a.Kind == Core.Alerts.AlertKind.ChurnWarning);
        Assert.True(File.Exists(after.DigestPath));
    }

    private static ValueRun Run() => new()
    {
        Model = "bgnbd", Unit = "week", CalibrationEnd = new DateOnly(2026, 5, 31),
        Parameters = [new FittedParameter("r", 0.24, 0.01), new FittedParameter("alpha", 4.4, 0.4), new FittedParameter("a", 0.79, 0.2), new FittedParameter("b", 2.4, 0.7)],
        LogLikelihood = -100, Converged = true, SpendParameters = [], SpendLogLikelihood = double.NaN, SpendCorrelation = double.NaN,
        HorizonDays = 90, ClvMonths = 12, DiscountRate = 0.01, Margin = 1, ChurnThreshold = 0.5, ChurnQuantile = 0.8, ChurnBasis = "historic",
        ValueCut = 100, Customers = 2, Warnings = 1,
    };
}
