using Allot.Core.Access;

namespace Allot.Storage.Postgres;

/// <summary>Users and API tokens (migration 6), through <see cref="UserRecords"/>.</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public void AddUser(User user, string passwordHash, string by) => Run(c =>
    {
        UserRecords.Add(c, user, passwordHash, by, _clock.GetUtcNow());
        return 0;
    });

    /// <inheritdoc />
    public void UpdateUser(User user, string? passwordHash) => Run(c =>
    {
        UserRecords.Update(c, user, passwordHash);
        return 0;
    });

    /// <inheritdoc />
    public StoredUser? GetUser(string name) => Run(c => UserRecords.Get(c, name));

    /// <inheritdoc />
    public IReadOnlyList<StoredUser> GetUsers() => Run(UserRecords.All);

    /// <inheritdoc />
    public long AddApiToken(string userName, string label, string tokenHash, DateTimeOffset? expiresAt) =>
        Run(c => UserRecords.AddToken(c, userName, label, tokenHash, _clock.GetUtcNow(), expiresAt));

    /// <inheritdoc />
    public StoredUser? FindTokenUser(string tokenHash, DateTimeOffset now) => Run(c => UserRecords.FindByToken(c, tokenHash, now));

    /// <inheritdoc />
    public IReadOnlyList<StoredApiToken> GetApiTokens(string userName) => Run(c => UserRecords.Tokens(c, userName));

    /// <inheritdoc />
    public bool RevokeApiToken(string userName, long tokenId) => Run(c => UserRecords.Revoke(c, userName, tokenId));
}
