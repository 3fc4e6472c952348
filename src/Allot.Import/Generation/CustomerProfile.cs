namespace Allot.Import.Generation;

/// <summary>The simulated state of one customer, shared by every file writer.</summary>
/// <remarks>A mutable struct in one big array: a million customers cost tens of megabytes and no GC pressure.
/// Everything a writer needs to regenerate a customer's rows is here; the rows themselves are never stored.</remarks>
internal struct CustomerProfile
{
    /// <summary>Index into <see cref="Vocabulary.Regions"/>.</summary>
    public int Region;

    /// <summary>Index into the region's <see cref="Vocabulary.Cities"/>.</summary>
    public int City;

    /// <summary>Index into <see cref="Vocabulary.Types"/>.</summary>
    public int Type;

    /// <summary>Index into <see cref="Vocabulary.Industries"/>.</summary>
    public int Industry;

    /// <summary>Acquisition date (day number).</summary>
    public int CreatedDay;

    /// <summary>First day orders may fall on: the later of acquisition and the window start.</summary>
    public int ActiveStart;

    /// <summary>Last day orders may fall on: drop-out or the end date.</summary>
    public int ActiveEnd;

    /// <summary>Birthday (day number), or 0 when unknown.</summary>
    public int BirthdayDay;

    /// <summary>Expected purchases in the window (λ × active years); the share of orders allotted follows it.</summary>
    public double Activity;

    /// <summary>Orders allotted to this customer.</summary>
    public long OrderCount;

    /// <summary>Typical order size in cents (lognormal across customers: the heavy tail of spend).</summary>
    public double SpendCents;

    /// <summary>Index into <see cref="Vocabulary.Categories"/> the customer mostly buys.</summary>
    public int PrimaryCategory;

    /// <summary>Index of the distributor customer that serves this one, or -1 when direct.</summary>
    public int Distributor;

    /// <summary>Share of a direct customer's orders placed online.</summary>
    public double OnlineShare;

    /// <summary>Latent satisfaction (standard normal): lowers drop-out and raises feedback scores.</summary>
    public double Happiness;

    /// <summary>Pays 30–120 days late.</summary>
    public bool LatePayer;

    /// <summary>Key account (重点客户).</summary>
    public bool KeyAccount;

    /// <summary>Value tier: 0 = A (top 10 %), 1 = B (next 25 %), 2 = C.</summary>
    public int Tier;

    /// <summary>Index of the owning rep, or -1 when the customer is in the pool.</summary>
    public int Owner;

    /// <summary>Index of the customer this one looks like a duplicate of, or -1.</summary>
    public int DuplicateOf;

    /// <summary>How it looks duplicate: 0 same phone, 1 same email, 2 trailing space, 3 legal-form variant.</summary>
    public int DuplicateKind;
}
