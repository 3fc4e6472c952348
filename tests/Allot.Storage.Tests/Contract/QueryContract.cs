using Allot.Core.Engagement;
using Allot.Core.Value;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Contract;

/// <summary>The reads the server scopes by user: customer filters by owners and by a classification run's tier,
/// segment and stage; one customer's interactions; the reps' books.</summary>
public abstract class QueryContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    [Fact]
    public void FindCustomers_Owners_MatchesTheSetOnlyAndCombinesWithOwner()
    {
        Book();
        Assert.Equal(["C1", "C2"], Keys(new CustomerQuery { Owners = ["R1"] }));
        Assert.Equal(["C1", "C2", "C3"], Keys(new CustomerQuery { Owners = ["R2", "R1"] }));
        Assert.Empty(Keys(new CustomerQuery { Owners = [] }));
        Assert.Empty(Keys(new CustomerQuery { Owners = ["R1"], Owner = "R2" }));
        Assert.Equal(["C3"], Keys(new CustomerQuery { Owners = ["R1", "R2"], Owner = "R2" }));
        Assert.Empty(Keys(new CustomerQuery { Owners = ["R1"], Owner = "-" }));
    }

    [Fact]
    public void FindCustomers_TierSegmentStage_LatestRunUnlessRunGiven()
    {
        var (first, _) = Book();
        Assert.Equal(["C2", "C3"], Keys(new CustomerQuery { Tier = "A" }));
        Assert.Equal(["C1", "C3"], Keys(new CustomerQuery { Tier = "A", Run = first }));
        Assert.Equal(["C3"], Keys(new CustomerQuery { Segment = "Loyal" }));
        Assert.Equal(["C2", "C3"], Keys(new CustomerQuery { Segment = "Loyal", Run = first }));
        Assert.Equal(["C1"], Keys(new CustomerQuery { Stage = "at_risk" }));
        Assert.Equal(["C2", "C3"], Keys(new CustomerQuery { Tier = "A", Stage = "mature" }));
        Assert.Equal(["C2"], Keys(new CustomerQuery { Stage = "new", Run = first }));
        Assert.Equal(["C2"], Keys(new CustomerQuery { Tier = "A", Owners = ["R1"] }));
        Assert.Empty(Keys(new CustomerQuery { Tier = "A", Run = 404 }));
    }

    [Fact]
    public void FindCustomers_TierWithoutAnyRun_MatchesNobody()
    {
        Load(Store, [Rep("R1")], [Customer("C1", "R1")]);
        Assert.Empty(Keys(new CustomerQuery { Tier = "A" }));
        Assert.Equal(["C1"], Keys(new CustomerQuery()));
    }

    [Fact]
    public void GetInteractions_OneCustomersNewestFirst()
    {
        Book();
        Assert.Equal(["X3", "X2", "X1"], Store.GetInteractions("C1").Select(x => x.Key));
        var newest = Store.GetInteractions("C1")[0];
        Assert.Equal((new DateOnly(2025, 3, 1), "R1", InteractionKind.Call), (newest.Date, newest.RepKey, newest.Kind));
        Assert.Equal(["X4"], Store.GetInteractions("C3").Select(x => x.Key));
        Assert.Empty(Store.GetInteractions("C2"));
        Assert.Empty(Store.GetInteractions("nobody"));
    }

    [Fact]
    public void GetRepBooks_CountsTiersOfTheLatestRunAndSumsClv()
    {
        Book();
        Store.SaveValueRun("test", ValueRun(), [Value("C1", 10.5), Value("C2", null), Value("C3", 7)]);
        var books = Store.GetRepBooks();
        Assert.Equal(["R1", "R2"], books.Select(b => b.RepKey));
        Assert.Equal((2L, 10.5), (books[0].Customers, books[0].Value));
        Assert.Equal([new TierShare("A", 1, 0), new TierShare("B", 1, 10.5)], books[0].Tiers);
        Assert.Equal([new TierShare("A", 1, 7)], books[1].Tiers);
        Assert.Equal(["R2"], Store.GetRepBooks(["R2", "R3"]).Select(b => b.RepKey));
        Assert.Empty(Store.GetRepBooks([]));
    }

    [Fact]
    public void GetRepBooks_NoRuns_EveryCustomerUnclassifiedWithNoValue()
    {
        Load(Store, [Rep("R1")], [Customer("C1", "R1"), Customer("C2", "R1"), Customer("C3")]);
        var book = Assert.Single(Store.GetRepBooks());
        Assert.Equal(new TierShare("-", 2, 0), Assert.Single(book.Tiers));
        Assert.Equal((2L, 0.0), (book.Customers, book.Value));
    }

    private List<string> Keys(CustomerQuery query) => Store.FindCustomers(query).Select(c => c.Key).ToList();

    /// <summary>Reps R1, R2 (R3 owns nothing); C1, C2 owned by R1, C3 by R2, C4 by nobody; interactions X1–X4;
    /// two classification runs (the second moves C1 down and C2 up).</summary>
    private (long First, long Second) Book()
    {
        Load(Store, [Rep("R1", team: "East"), Rep("R2", team: "West"), Rep("R3")],
            [Customer("C1", "R1"), Customer("C2", "R1"), Customer("C3", "R2"), Customer("C4")],
            interactions:
            [
                Interaction("X2", "C1", date: "2025-02-01"), Interaction("X1", "C1", date: "2025-01-15", rep: "R1"),
                Interaction("X3", "C1", date: "2025-03-01", rep: "R1"), Interaction("X4", "C3", date: "2024-12-31", rep: "R2"),
            ]);
        long first = Classify(Store, new DateOnly(2025, 1, 31), ("C1", "A", "Champions", "mature"), ("C2", "B", "Loyal", "new"), ("C3", "A", "Loyal", "mature"));
        long second = Classify(Store, new DateOnly(2025, 4, 30), ("C1", "B", "Hibernating", "at_risk"), ("C2", "A", "Champions", "mature"), ("C3", "A", "Loyal", "mature"));
        return (first, second);
    }

    private static StoredCustomerValue Value(string key, double? clv) => new(key, 1, 1, 2, 10, 10, 0.9, 1, 10, clv, false, null, null);

    private static ValueRun ValueRun() => new()
    {
        Model = "bgnbd", Unit = "week", CalibrationEnd = new DateOnly(2025, 4, 30), Parameters = [new FittedParameter("r", 1, 0.1)],
        LogLikelihood = -1, Converged = true, HorizonDays = 90, ClvMonths = 12, DiscountRate = 0.01, Margin = 1, ChurnThreshold = 0.5,
        ChurnQuantile = 0.8, ChurnBasis = "historic", Customers = 3, Warnings = 0,
        // Set: SqliteStore.SaveValueRun cannot store these three missing (AddWithValue with null).
        SpendLogLikelihood = -1, SpendCorrelation = 0, ValueCut = 1,
    };
}
