namespace Allot.Core.FollowUps;

/// <summary>The stored and printed names of <see cref="FollowUpKind"/>.</summary>
public static class FollowUpKinds
{
    /// <summary>cadence, new_customer, churn, birthday, anniversary or holiday.</summary>
    public static string Name(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Cadence => "cadence",
        FollowUpKind.NewCustomer => "new_customer",
        FollowUpKind.Churn => "churn",
        FollowUpKind.Birthday => "birthday",
        FollowUpKind.Anniversary => "anniversary",
        FollowUpKind.Holiday => "holiday",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown follow-up kind"),
    };

    /// <summary>The kind of a stored name.</summary>
    /// <exception cref="ArgumentException">Not a kind's name.</exception>
    public static FollowUpKind Parse(string name) => name switch
    {
        "cadence" => FollowUpKind.Cadence,
        "new_customer" => FollowUpKind.NewCustomer,
        "churn" => FollowUpKind.Churn,
        "birthday" => FollowUpKind.Birthday,
        "anniversary" => FollowUpKind.Anniversary,
        "holiday" => FollowUpKind.Holiday,
        _ => throw new ArgumentException($"unknown follow-up kind '{name}'", nameof(name)),
    };

    /// <summary>True for the care kinds (birthday, anniversary, holiday).</summary>
    public static bool IsCare(FollowUpKind kind) => kind is FollowUpKind.Birthday or FollowUpKind.Anniversary or FollowUpKind.Holiday;
}
