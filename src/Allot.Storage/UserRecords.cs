using System.Data.Common;
using System.Globalization;
using Allot.Core.Access;

namespace Allot.Storage;

/// <summary>Users and API tokens (migration 6) over either store's connection: the SQL is the same on SQLite and
/// PostgreSQL (named <c>@</c> parameters, integers for flags, ISO 8601 text for times).</summary>
internal static class UserRecords
{
    private const string Columns = "name, role, rep_key, team, password_hash, disabled, created_at";

    public static void Add(DbConnection c, User user, string passwordHash, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(passwordHash);
        if (user.Problem() is { } problem) throw new StoreException(problem);
        using var tx = c.BeginTransaction();
        if (Find(c, tx, user.Name) is not null) throw new StoreException($"a user named '{user.Name}' exists already");
        Exec(c, tx, """
            INSERT INTO users (name, name_key, role, rep_key, team, password_hash, disabled, created_at, created_by)
            VALUES (@name, @key, @role, @rep, @team, @hash, @disabled, @at, @by)
            """, ("name", user.Name), ("key", Key(user.Name)), ("role", RoleText(user.Role)), ("rep", user.RepKey), ("team", user.Team),
            ("hash", passwordHash), ("disabled", user.Disabled ? 1L : 0L), ("at", Time(now)), ("by", by));
        tx.Commit();
    }

    public static void Update(DbConnection c, User user, string? passwordHash)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Problem() is { } problem) throw new StoreException(problem);
        using var tx = c.BeginTransaction();
        int n = Exec(c, tx, """
            UPDATE users SET role = @role, rep_key = @rep, team = @team, disabled = @disabled,
                password_hash = COALESCE(@hash, password_hash)
            WHERE name_key = @key
            """, ("role", RoleText(user.Role)), ("rep", user.RepKey), ("team", user.Team), ("disabled", user.Disabled ? 1L : 0L),
            ("hash", passwordHash), ("key", Key(user.Name)));
        if (n == 0) throw new StoreException($"no user named '{user.Name}'");
        tx.Commit();
    }

    public static StoredUser? Get(DbConnection c, string name) => Find(c, null, name);

    public static IReadOnlyList<StoredUser> All(DbConnection c)
    {
        using var cmd = Command(c, null, $"SELECT {Columns} FROM users ORDER BY name_key");
        using var r = cmd.ExecuteReader();
        var list = new List<StoredUser>();
        while (r.Read()) list.Add(Read(r));
        return list;
    }

    public static long AddToken(DbConnection c, string userName, string label, string tokenHash, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        using var tx = c.BeginTransaction();
        long userId = UserId(c, tx, userName) ?? throw new StoreException($"no user named '{userName}'");
        using var cmd = Command(c, tx, """
            INSERT INTO api_tokens (user_id, label, token_hash, created_at, expires_at) VALUES (@user, @label, @hash, @at, @expires) RETURNING id
            """, ("user", userId), ("label", label), ("hash", tokenHash), ("at", Time(now)), ("expires", expiresAt is { } e ? Time(e) : null));
        long id = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        tx.Commit();
        return id;
    }

    public static StoredUser? FindByToken(DbConnection c, string tokenHash, DateTimeOffset now)
    {
        using var cmd = Command(c, null, $"""
            SELECT {string.Join(", ", Columns.Split(", ").Select(x => "u." + x))}, t.expires_at
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = @hash AND t.revoked = 0 AND u.disabled = 0
            """, ("hash", tokenHash));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        var user = Read(r);
        if (!r.IsDBNull(7) && DateTimeOffset.Parse(r.GetString(7), CultureInfo.InvariantCulture) <= now) return null;
        return user;
    }

    public static IReadOnlyList<StoredApiToken> Tokens(DbConnection c, string userName)
    {
        using var cmd = Command(c, null, """
            SELECT t.id, u.name, t.label, t.created_at, t.expires_at, t.revoked
            FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.name_key = @key ORDER BY t.id DESC
            """, ("key", Key(userName)));
        using var r = cmd.ExecuteReader();
        var list = new List<StoredApiToken>();
        while (r.Read())
            list.Add(new StoredApiToken(r.GetInt64(0), r.GetString(1), r.GetString(2), DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture),
                r.IsDBNull(4) ? null : DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture), r.GetInt64(5) != 0));
        return list;
    }

    public static bool Revoke(DbConnection c, string userName, long tokenId)
    {
        using var tx = c.BeginTransaction();
        long? userId = UserId(c, tx, userName);
        int n = userId is null ? 0 : Exec(c, tx, "UPDATE api_tokens SET revoked = 1 WHERE id = @id AND user_id = @user", ("id", tokenId), ("user", userId.Value));
        tx.Commit();
        return n > 0;
    }

    /// <summary>Names compare case-insensitively (invariant lower case), so "Li" and "li" are one user.</summary>
    private static string Key(string name) => name.Trim().ToLowerInvariant();

    private static string RoleText(Role role) => role.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static StoredUser? Find(DbConnection c, DbTransaction? tx, string name)
    {
        using var cmd = Command(c, tx, $"SELECT {Columns} FROM users WHERE name_key = @key", ("key", Key(name)));
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    private static long? UserId(DbConnection c, DbTransaction tx, string name)
    {
        using var cmd = Command(c, tx, "SELECT id FROM users WHERE name_key = @key", ("key", Key(name)));
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
    }

    private static StoredUser Read(DbDataReader r) => new(new User
    {
        Name = r.GetString(0),
        Role = Enum.Parse<Role>(r.GetString(1), ignoreCase: true),
        RepKey = r.IsDBNull(2) ? null : r.GetString(2),
        Team = r.IsDBNull(3) ? null : r.GetString(3),
        Disabled = r.GetInt64(5) != 0,
    }, r.GetString(4), r.GetString(6));

    private static DbCommand Command(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static int Exec(DbConnection c, DbTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(c, tx, sql, parameters);
        return cmd.ExecuteNonQuery();
    }
}
