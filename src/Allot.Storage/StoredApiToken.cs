namespace Allot.Storage;

/// <summary>A personal API token as kept (its hash only).</summary>
/// <param name="Id">The token's number.</param>
/// <param name="UserName">Whose it is.</param>
/// <param name="Label">What it is for.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="ExpiresAt">When it stops working (UTC), or null for never.</param>
/// <param name="Revoked">True once revoked.</param>
public sealed record StoredApiToken(long Id, string UserName, string Label, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, bool Revoked);
