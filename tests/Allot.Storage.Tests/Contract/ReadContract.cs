using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Reps;
using static Allot.Storage.Tests.Builders;

namespace Allot.Storage.Tests.Contract;

/// <summary>Every read of the store returns what was written, in the documented order.</summary>
public abstract class ReadContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    private static readonly Customer Full = new()
    {
        Key = "C-全", Name = "上海某某贸易有限公司", Type = "wholesale", Industry = "Retail", Region = "East China", City = "Shanghai",
        Address = "1 Road", CreatedDate = new DateOnly(2019, 2, 3), Birthday = new DateOnly(1980, 12, 31), Phone = "13800000000",
        Email = "Li@Example.com", Contacts = [new Contact("Li", "buyer", "139", "li@example.com"), new Contact("Wang")], Channel = "D7",
        Tags = ["vip", "north"], KeyAccount = true, OwnerRepKey = "R1", OwnerSince = new DateOnly(2023, 4, 5), Status = CustomerStatus.Pool,
    };

    private static readonly string[] AllCustomerColumns =
    [
        "name", "type", "industry", "region", "city", "address", "created_date", "birthday", "phone", "email", "contacts", "channel",
        "tags", "key_account", "owner_rep", "owner_since", "status",
    ];

    [Fact]
    public void Location_NamesTheStoreWithoutPassword()
    {
        Assert.False(string.IsNullOrEmpty(Store.Location));
        Assert.DoesNotContain(":allot@", Store.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void GetStats_EmptyStore_ZerosAndNoDates()
    {
        var stats = Store.GetStats();
        Assert.Equal(new StoreStats(0, 0, 0, 0m, 0m, 0, 0, 0, 0, null, null), stats);
    }

    [Fact]
    public void GetStats_SmallBook_CountsTotalsAndDateRange()
    {
        Book();
        var stats = Store.GetStats();
        Assert.Equal(new StoreStats(4, 2, 4, 350.5m, 37.625m, 2, 2, 2, 1, new DateOnly(2023, 1, 5), new DateOnly(2024, 5, 1)), stats);
    }

    [Fact]
    public void GetCustomer_EveryField_RoundTrips()
    {
        ImportFile(Store, s => s.Write(Rep("R1"), 2), EntityKind.Reps, "name");
        ImportFile(Store, s => s.Write(Full, 2), EntityKind.Customers, AllCustomerColumns);
        Assert.Equal(Normal(Full), Normal(Store.GetCustomer("C-全")!));
        Assert.Null(Store.GetCustomer("c-全"));
    }

    [Fact]
    public void GetReps_EveryField_RoundTripsInKeyOrder()
    {
        var r = new Rep
        {
            Key = "R2", Name = "王五", Team = "South", Regions = ["South China"], Industries = ["Retail", "Food"], Level = RepLevel.Senior,
            ProductSkill = 5, SellingSkill = 4, RelationshipSkill = 3, Capacity = 120, CapacityByTier = new Dictionary<string, int> { ["A"] = 20 },
            Active = false, StartDate = new DateOnly(2018, 7, 1),
        };
        ImportFile(Store, s => { s.Write(r, 2); s.Write(Rep("R1"), 3); }, EntityKind.Reps, "name");
        var reps = Store.GetReps();
        Assert.Equal(["R1", "R2"], reps.Select(x => x.Key));
        var back = reps[1];
        Assert.Equal((r.Name, r.Team, r.Level, r.ProductSkill, r.SellingSkill, r.RelationshipSkill, r.Capacity, r.Active, r.StartDate),
            (back.Name, back.Team, back.Level, back.ProductSkill, back.SellingSkill, back.RelationshipSkill, back.Capacity, back.Active, back.StartDate));
        Assert.Equal(r.Regions, back.Regions);
        Assert.Equal(r.Industries, back.Industries);
        Assert.Equal(r.CapacityByTier, back.CapacityByTier);
    }

    [Fact]
    public void ReadCustomers_KeysInOrdinalOrder()
    {
        string[] keys = ["b", "B", "中文", "a10", "a2", "Z", "_x", "ä"];
        ImportFile(Store, s =>
        {
            for (int i = 0; i < keys.Length; i++) s.Write(Customer(keys[i]), i + 2);
        }, EntityKind.Customers, "name");
        Assert.Equal(keys.Order(StringComparer.Ordinal), Store.ReadCustomers().Select(c => c.Key));
        Assert.Equal(keys.Order(StringComparer.Ordinal).Skip(2).Take(3), Store.FindCustomers(new CustomerQuery { Offset = 2, Limit = 3 }).Select(c => c.Key));
    }

    [Fact]
    public void FindCustomers_Filters_MatchExactlyAndCombine()
    {
        Book();
        Assert.Equal(["C1", "C3"], Keys(new CustomerQuery { Region = "East" }));
        Assert.Equal(["C3"], Keys(new CustomerQuery { Region = "East", Type = "retail" }));
        Assert.Equal(["C2"], Keys(new CustomerQuery { Industry = "Steel" }));
        Assert.Equal(["C1", "C2"], Keys(new CustomerQuery { Owner = "R1" }));
        Assert.Equal(["C3", "X9"], Keys(new CustomerQuery { Owner = "-" }));
        Assert.Empty(Keys(new CustomerQuery { Region = "east" }));
    }

    [Fact]
    public void FindCustomers_Text_MatchesKeyNamePhoneAndEmailIgnoringEmailCase()
    {
        Book();
        Assert.Equal(["C2"], Keys(new CustomerQuery { Text = "钢铁" }));
        Assert.Equal(["C1"], Keys(new CustomerQuery { Text = "1390000" }));
        Assert.Equal(["C3"], Keys(new CustomerQuery { Text = "SHOP@" }));
        Assert.Equal(["X9"], Keys(new CustomerQuery { Text = "X9" }));
        Assert.Equal(["C1", "C2", "C3"], Keys(new CustomerQuery { Text = "C" }));
        Assert.Empty(Keys(new CustomerQuery { Text = "c1" }));
    }

    [Fact]
    public void GetOrders_OneCustomersByDateThenKey()
    {
        Book();
        Assert.Equal(["O3", "O1"], Store.GetOrders("C1").Select(o => o.Key));
        Assert.Empty(Store.GetOrders("C3"));
    }

    [Fact]
    public void LatestOrderDate_TheMaxOfTheOrders_NullWithoutAny()
    {
        Assert.Null(Store.LatestOrderDate());
        Book();
        Assert.Equal(Store.ReadOrders().Max(o => o.Date), Store.LatestOrderDate());
    }

    [Fact]
    public void ReadAll_EveryKind_RoundTripsInKeyOrder()
    {
        Book();
        var orders = Store.ReadOrders().ToList();
        Assert.Equal(["O1", "O2", "O3", "O4"], orders.Select(o => o.Key));
        Assert.Equal(Order("O1", "C1", 100.25m) with { Category = "Tea", Channel = "online", Quantity = 2.5m }, orders[0]);
        Assert.Equal(Order("O2", "C2", 200m, "2024-03-01") with { Profit = null }, orders[1]);
        Assert.Equal([Invoice("I1", "C1"), Invoice("I2", "C2")], Store.ReadInvoices());
        Assert.Equal([Payment("P1", "I1"), Payment("P2", "I1", 5.5m)], Store.ReadPayments());
        Assert.Equal([Interaction("X1", "C1", "R1"), Interaction("X2", "C2") with { Kind = InteractionKind.Visit, Outcome = null, Note = null }],
            Store.ReadInteractions());
        Assert.Equal([Feedback("F1", "C1") with { Nps = null }], Store.ReadFeedback());
    }

    [Fact]
    public void GetOwnerHistory_CustomerNeverOwned_Empty()
    {
        Book();
        Assert.Empty(Store.GetOwnerHistory("C3"));
        Assert.Empty(Store.GetOwnerHistory("nobody"));
        Assert.Single(Store.GetOwnerHistory("C1"));
    }

    [Fact]
    public void GetImports_NewestFirstUpToTheLimit()
    {
        Book();
        var imports = Store.GetImports();
        Assert.Equal(9, imports.Count);
        Assert.True(imports.Zip(imports.Skip(1)).All(p => p.First.Id > p.Second.Id));
        Assert.Equal(EntityKind.Feedback, imports[0].Kind);
        Assert.Equal(3, Store.GetImports(3).Count);
    }

    private List<string> Keys(CustomerQuery query) => Store.FindCustomers(query).Select(c => c.Key).ToList();

    /// <summary>Reps R1, R2; customers C1–C3 (and X9, created by an order); four orders; two invoices with
    /// payments; two interactions; one feedback.</summary>
    private void Book()
    {
        ImportFile(Store, s => { s.Write(Rep("R1"), 2); s.Write(Rep("R2"), 3); }, EntityKind.Reps, "name");
        ImportFile(Store, s =>
        {
            s.Write(Customer("C1", "R1") with { Phone = "13900001111", Type = "wholesale" }, 2);
            s.Write(Customer("C2", "R1", "华东钢铁") with { Region = "North", Industry = "Steel" }, 3);
            s.Write(Customer("C3") with { Email = "shop@example.com", Type = "retail" }, 4);
        }, EntityKind.Customers, "name", "region", "city", "phone", "type", "industry", "email", "owner_rep");
        ImportFileCreating(Store, s =>
        {
            s.Write(Order("O1", "C1", 100.25m) with { Category = "Tea", Channel = "online", Quantity = 2.5m }, 2);
            s.Write(Order("O2", "C2", 200m, "2024-03-01") with { Profit = null }, 3);
            s.Write(Order("O3", "C1", 50.25m, "2023-01-05"), 4);
        }, EntityKind.Orders);
        ImportFileCreating(Store, s => s.Write(Order("O4", "X9", 1m, "2024-01-01"), 2), EntityKind.Orders);
        ImportFile(Store, s => Assert.Equal(WriteOutcome.Updated, s.Write(Order("O4", "X9", 0m, "2023-06-01"), 2)), EntityKind.Orders);
        ImportFile(Store, s => { s.Write(Invoice("I1", "C1"), 2); s.Write(Invoice("I2", "C2"), 3); }, EntityKind.Invoices);
        ImportFile(Store, s => { s.Write(Payment("P1", "I1"), 2); s.Write(Payment("P2", "I1", 5.5m), 3); }, EntityKind.Payments);
        ImportFile(Store, s =>
        {
            s.Write(Interaction("X1", "C1", "R1"), 2);
            s.Write(Interaction("X2", "C2") with { Kind = InteractionKind.Visit, Outcome = null, Note = null }, 3);
        }, EntityKind.Interactions);
        ImportFile(Store, s => s.Write(Feedback("F1", "C1") with { Nps = null }, 2), EntityKind.Feedback);
    }

    // Records holding lists compare by reference; compare their contents as text.
    private static string Normal(Customer c) => System.Text.Json.JsonSerializer.Serialize(c);
}
