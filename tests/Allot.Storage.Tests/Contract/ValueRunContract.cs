using Allot.Core.Value;

namespace Allot.Storage.Tests.Contract;

/// <summary>Value runs: fitted models and every customer's figures stored whole; churn warnings in rank order.</summary>
public abstract class ValueRunContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    private static ValueRun Run(int customers, int warnings) => new()
    {
        Model = "bgnbd",
        Unit = "week",
        CalibrationEnd = new DateOnly(1997, 9, 30),
        Parameters = [new FittedParameter("r", 0.2425917, 0.0126), new FittedParameter("alpha", 4.41359, 0.378), new FittedParameter("a", 0.79, 0.19), new FittedParameter("b", 2.43, 0.71)],
        LogLikelihood = -9582.429,
        Converged = true,
        SpendParameters = [new FittedParameter("p", 6.25, 1.19), new FittedParameter("q", 3.74, double.NaN), new FittedParameter("gamma", 15.44, 4.16)],
        SpendLogLikelihood = -4055.9,
        SpendCorrelation = 0.11,
        HorizonDays = 90,
        ClvMonths = 12,
        DiscountRate = 0.01,
        Margin = 1,
        ChurnThreshold = 0.5,
        ChurnQuantile = 0.8,
        ChurnBasis = "historic",
        ValueCut = 120.5,
        Customers = customers,
        Warnings = warnings,
    };

    [Fact]
    public void SaveValueRun_CountModelOnly_KeepsMissingSpendFiguresAsMissing()
    {
        var run = Run(1, 0) with { SpendParameters = [], SpendLogLikelihood = null, SpendCorrelation = null, ValueCut = null };
        long id = Store.SaveValueRun("alice", run, [new("0001", 2, 30.43, 38.86, 0, 0, 0.98, 0.3, null, null, false, null, null)]);
        T.Reopen();
        var info = Store.GetValueRuns().Single(r => r.Id == id);
        Assert.Equal(((double?)null, (double?)null, (double?)null), (info.Run.SpendLogLikelihood, info.Run.SpendCorrelation, info.Run.ValueCut));
        Assert.Equal(0.98, Store.ReadCustomerValues(id).Single().ProbabilityAlive);
    }

    [Fact]
    public void SaveValueRun_RoundTripsParametersFiguresAndWarnings()
    {
        StoredCustomerValue[] customers =
        [
            new("0001", 2, 30.43, 38.86, 22.35, 73.6, 0.98, 0.3, 24.6, 80.2, false, null, null),
            new("0002", 5, 3, 38.86, 40, 250, 0.02, 0.001, 39.9, 0.5, true, 245, 2),
            new("0003", 9, 1, 38.86, 90, 900, 0.01, double.NaN, 89, 0.1, true, 891, 1),
        ];
        long id = Store.SaveValueRun("alice", Run(3, 2), customers);
        T.Reopen();

        var info = Assert.Single(Store.GetValueRuns());
        Assert.Equal((id, "alice"), (info.Id, info.By));
        Assert.Equal(("bgnbd", "week", new DateOnly(1997, 9, 30), -9582.429, true), (info.Run.Model, info.Run.Unit, info.Run.CalibrationEnd, info.Run.LogLikelihood, info.Run.Converged));
        Assert.Equal(Run(3, 2).Parameters, info.Run.Parameters);
        Assert.Equal(["p", "q", "gamma"], info.Run.SpendParameters.Select(p => p.Name));
        Assert.True(double.IsNaN(info.Run.SpendParameters[1].StandardError));
        Assert.Equal((0.11, 120.5, 3, 2), (info.Run.SpendCorrelation, info.Run.ValueCut, info.Run.Customers, info.Run.Warnings));
        Assert.Equal(customers[0], Store.GetCustomerValue(id, "0001"));
        Assert.Null(Store.GetCustomerValue(id, "0009"));
        Assert.Null(Store.GetCustomerValue(id, "0003")!.ExpectedPurchases); // NaN is stored as missing
        Assert.Equal(["0003", "0002"], Store.GetChurnWarnings(id).Select(c => c.CustomerKey));
        Assert.Equal(["0003"], Store.GetChurnWarnings(id, limit: 1).Select(c => c.CustomerKey));
        Assert.Equal(customers.Select(c => c.CustomerKey).Order(StringComparer.Ordinal), Store.ReadCustomerValues(id).Select(c => c.CustomerKey));
        Assert.Equal(customers[0], Store.ReadCustomerValues(id)[0]);
        Assert.Empty(Store.ReadCustomerValues(id + 100));
    }

    [Fact]
    public void GetValueRuns_NewestFirst()
    {
        long first = Store.SaveValueRun("a", Run(0, 0), []);
        long second = Store.SaveValueRun("b", Run(0, 0) with { Model = "pareto-nbd" }, []);
        Assert.Equal([second, first], Store.GetValueRuns().Select(r => r.Id));
        Assert.Equal("pareto-nbd", Store.GetValueRuns(1)[0].Run.Model);
    }
}
