namespace Allot.Core.Importing;

/// <summary>What the store did with one record.</summary>
public enum WriteOutcome
{
    /// <summary>A new key: inserted.</summary>
    Inserted,

    /// <summary>A key the store had before this file: updated.</summary>
    Updated,

    /// <summary>The key already appeared earlier in the same file; the first occurrence stands.</summary>
    DuplicateInFile,

    /// <summary>The record names a customer the store does not have.</summary>
    UnknownCustomer,

    /// <summary>The record names a rep the store does not have.</summary>
    UnknownRep,

    /// <summary>The payment names an invoice the store does not have.</summary>
    UnknownInvoice,
}
