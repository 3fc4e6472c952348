namespace Allot.Core.Value;

/// <summary>Which purchase model a value analysis fits.</summary>
public enum CountModelKind
{
    /// <summary>BG/NBD (Fader, Hardie &amp; Lee 2005).</summary>
    BgNbd,

    /// <summary>Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987).</summary>
    ParetoNbd,
}
