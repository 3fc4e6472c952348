namespace Allot.Import.Generation;

/// <summary>Independent random streams; each aspect of the data draws from its own so that changing one
/// (say, interaction cadence) leaves the others byte-identical.</summary>
/// <remarks>Values are part of the output contract: renumbering changes every generated file.</remarks>
internal enum RngStream
{
    /// <summary>Rep attributes.</summary>
    Rep = 1,

    /// <summary>Customer attributes and purchase behaviour.</summary>
    Customer = 2,

    /// <summary>Customer name, phone and email.</summary>
    Identity = 3,

    /// <summary>Ownership assignment.</summary>
    Ownership = 4,

    /// <summary>A customer's orders.</summary>
    Orders = 5,

    /// <summary>A customer's payments.</summary>
    Payments = 6,

    /// <summary>A customer's interactions.</summary>
    Interactions = 7,

    /// <summary>A customer's feedback.</summary>
    Feedback = 8,
}
