using Allot.Core.Access;

namespace Allot.Storage.Sqlite;

/// <summary>Users and API tokens (migration 6), through <see cref="UserRecords"/>.</summary>
public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public void AddUser(User user, string passwordHash, string by) => UserRecords.Add(_connection, user, passwordHash, by, _clock.GetUtcNow());

    /// <inheritdoc />
    public void UpdateUser(User user, string? passwordHash) => UserRecords.Update(_connection, user, passwordHash);

    /// <inheritdoc />
    public StoredUser? GetUser(string name) => UserRecords.Get(_connection, name);

    /// <inheritdoc />
    public IReadOnlyList<StoredUser> GetUsers() => UserRecords.All(_connection);

    /// <inheritdoc />
    public long AddApiToken(string userName, string label, string tokenHash, DateTimeOffset? expiresAt) =>
        UserRecords.AddToken(_connection, userName, label, tokenHash, _clock.GetUtcNow(), expiresAt);

    /// <inheritdoc />
    public StoredUser? FindTokenUser(string tokenHash, DateTimeOffset now) => UserRecords.FindByToken(_connection, tokenHash, now);

    /// <inheritdoc />
    public IReadOnlyList<StoredApiToken> GetApiTokens(string userName) => UserRecords.Tokens(_connection, userName);

    /// <inheritdoc />
    public bool RevokeApiToken(string userName, long tokenId) => UserRecords.Revoke(_connection, userName, tokenId);
}
