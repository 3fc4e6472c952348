using Allot.Core.Customers;
using Allot.Core.Pool;

namespace Allot.Core.Maintenance;

/// <summary>What the pool, follow-up, care and alert rules need to know about one customer.</summary>
/// <remarks>Tier, segment and lifecycle stage come from the latest classification run; activity dates from the
/// stored orders and interactions (any rep's interaction counts as a follow-up).</remarks>
public sealed record BookCustomer
{
    /// <summary>The customer's key.</summary>
    public required string Key { get; init; }

    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Region; decides the pool.</summary>
    public string? Region { get; init; }

    /// <summary>Active, in the pool or lost.</summary>
    public CustomerStatus Status { get; init; } = CustomerStatus.Active;

    /// <summary>The owner rep, if any.</summary>
    public string? OwnerRepKey { get; init; }

    /// <summary>Since when the owner has the customer, or since when it is in the pool.</summary>
    public DateOnly? OwnerSince { get; init; }

    /// <summary>Date of first contact.</summary>
    public DateOnly? CreatedDate { get; init; }

    /// <summary>Birthday, for care tasks.</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>Key account (重点客户).</summary>
    public bool KeyAccount { get; init; }

    /// <summary>Free tags (e.g. "locked").</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Tier in the latest classification run, if classified.</summary>
    public string? Tier { get; init; }

    /// <summary>Segment in the latest classification run.</summary>
    public string? Segment { get; init; }

    /// <summary>Lifecycle stage in the latest classification run.</summary>
    public string? Stage { get; init; }

    /// <summary>Date of the first order.</summary>
    public DateOnly? FirstOrder { get; init; }

    /// <summary>Date of the latest order.</summary>
    public DateOnly? LastOrder { get; init; }

    /// <summary>Date of the latest interaction (follow-up) by anyone.</summary>
    public DateOnly? LastInteraction { get; init; }

    /// <summary>The standing warning that the customer returns to the pool, if any.</summary>
    public PoolWarning? Warning { get; init; }
}
