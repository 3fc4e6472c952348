namespace Allot.Import.Generation;

/// <summary>One order as produced by <see cref="OrderStream"/>.</summary>
/// <param name="Day">Order date (day number).</param>
/// <param name="AmountCents">Amount in cents.</param>
/// <param name="ProfitCents">Profit in cents; may be negative.</param>
/// <param name="Category">Index into <see cref="Vocabulary.Categories"/>.</param>
/// <param name="Channel">A distributor's customer index, <see cref="OrderStream.Online"/> or <see cref="OrderStream.Direct"/>.</param>
internal readonly record struct GeneratedOrder(int Day, long AmountCents, long ProfitCents, int Category, int Channel);
