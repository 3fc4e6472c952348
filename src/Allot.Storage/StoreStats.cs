namespace Allot.Storage;

/// <summary>Counts and money totals of a store.</summary>
public sealed record StoreStats(
    long Customers,
    long Reps,
    long Orders,
    decimal AmountTotal,
    decimal ProfitTotal,
    long Invoices,
    long Payments,
    long Interactions,
    long Feedback,
    DateOnly? FirstOrder,
    DateOnly? LastOrder);
