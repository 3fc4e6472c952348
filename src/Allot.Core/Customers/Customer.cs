namespace Allot.Core.Customers;

/// <summary>A customer (客户) as imported from the source system.</summary>
/// <remarks>Keys are the source system's, compared ordinally; every other field is optional.</remarks>
public sealed record Customer
{
    /// <summary>The key in the source system (客户编号).</summary>
    public required string Key { get; init; }

    /// <summary>Display name (客户名称).</summary>
    public string Name { get; init; } = "";

    /// <summary>Type: retail, wholesale, enterprise, distributor… (see <see cref="CustomerType"/>).</summary>
    public string? Type { get; init; }

    /// <summary>Industry (行业).</summary>
    public string? Industry { get; init; }

    /// <summary>Region (地区), the unit reps serve.</summary>
    public string? Region { get; init; }

    /// <summary>City (城市).</summary>
    public string? City { get; init; }

    /// <summary>Postal address.</summary>
    public string? Address { get; init; }

    /// <summary>Date of first contact.</summary>
    public DateOnly? CreatedDate { get; init; }

    /// <summary>Birthday of the customer (or of its main contact), for care dates.</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>Main phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Main email address.</summary>
    public string? Email { get; init; }

    /// <summary>People at the customer, in the order given.</summary>
    public IReadOnlyList<Contact> Contacts { get; init; } = [];

    /// <summary>"direct", or the key of the distributor that serves the customer.</summary>
    public string? Channel { get; init; }

    /// <summary>Free tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Key account (重点客户).</summary>
    public bool KeyAccount { get; init; }

    /// <summary>Key of the rep that owns the customer, if any.</summary>
    public string? OwnerRepKey { get; init; }

    /// <summary>Date since which <see cref="OwnerRepKey"/> owns the customer; for a customer in the pool, since when it is there.</summary>
    public DateOnly? OwnerSince { get; init; }

    /// <summary>Active, in the pool or lost.</summary>
    public CustomerStatus Status { get; init; } = CustomerStatus.Active;
}
