namespace Allot.Core.Value;

/// <summary>The time unit of t, tₓ and T (and so of the rate parameters α and β).</summary>
public enum TimeUnit
{
    /// <summary>One day.</summary>
    Day,

    /// <summary>Seven days (the papers' CDNOW unit).</summary>
    Week,

    /// <summary>An average Gregorian month, 365.25 / 12 = 30.4375 days.</summary>
    Month,
}
