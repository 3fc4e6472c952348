using Allot.Core.Importing;

namespace Allot.Storage;

/// <summary>One imported file as recorded in the store.</summary>
public sealed record ImportRecord(long Id, EntityKind Kind, string File, DateTimeOffset StartedAt, string By,
    long Read, long Imported, long Updated, long Rejected);
