using System.Net.Sockets;
using Npgsql;

namespace Allot.Storage.Postgres;

/// <summary>Turns driver and server failures into messages a user can act on. The driver's exception goes
/// inside (shown with --verbose); the message never holds the connection string or password.</summary>
internal static class PostgresErrors
{
    /// <summary>True for the failures this class explains (the rest are program errors and pass through).</summary>
    public static bool Handles(Exception e) => e is NpgsqlException or TimeoutException or IOException || e.InnerException is NpgsqlException;

    /// <summary>Runs <paramref name="body"/>; driver and server failures come out as <see cref="StoreException"/>.</summary>
    public static T Guard<T>(Func<T> body, PostgresLocation where)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (Handles(e))
        {
            throw From(e, where);
        }
    }

    public static StoreException From(Exception e, PostgresLocation where)
    {
        if (e is StoreException store) return store;
        if (e is PostgresException pg) return FromServer(pg, where);
        if (e.InnerException is PostgresException inner) return FromServer(inner, where);
        var socket = Find<SocketException>(e);
        if (socket is not null && IsUnreachable(socket.SocketErrorCode))
        {
            return new StoreException($"cannot reach PostgreSQL at {where.ServerText} ({Describe(socket.SocketErrorCode)}); "
                + "is the server running and the host and port right?", e);
        }
        if (Find<TimeoutException>(e) is not null)
            return new StoreException($"PostgreSQL at {where.ServerText} did not answer in time; nothing of this command was kept", e);
        // A broken stream or reset socket in the middle of a command: the server went away or restarted.
        return new StoreException($"lost the connection to PostgreSQL at {where.ServerText}; nothing of this command was kept "
            + "(an import is rolled back whole). Run it again once the server is back.", e);
    }

    private static StoreException FromServer(PostgresException e, PostgresLocation where) => e.SqlState switch
    {
        "28P01" or "28000" => new StoreException($"PostgreSQL at {where.ServerText} refused user '{where.User}': wrong password, "
            + $"or no access to database '{where.Database}' (check the URL, PGPASSWORD or pg_hba.conf)", e),
        "3D000" => new StoreException($"database '{where.Database}' does not exist on {where.ServerText}; create it (createdb) or fix the URL", e),
        "42501" => new StoreException($"user '{where.User}' may not do this in {where.Description}: {e.MessageText}", e),
        "57P01" or "57P02" => new StoreException($"PostgreSQL at {where.ServerText} ended the connection (server shut down or "
            + "connection terminated); nothing of this command was kept. Run it again once the server is back.", e),
        "57P03" => new StoreException($"PostgreSQL at {where.ServerText} is starting up or shutting down; try again in a moment", e),
        "53100" => new StoreException($"PostgreSQL at {where.ServerText} is out of disk space; nothing of this command was kept", e),
        "53300" => new StoreException($"PostgreSQL at {where.ServerText} has too many connections; try again later", e),
        "40P01" or "40001" => new StoreException("another session changed the same rows at the same time; nothing of this command was kept, run it again", e),
        "57014" => new StoreException("the command was cancelled; nothing of it was kept", e),
        "55P03" => new StoreException("the store is busy: another session (an import, an allocation being applied or the daily job) "
            + "is writing to it; try again when it has finished", e),
        _ => new StoreException($"PostgreSQL error {e.SqlState}: {e.MessageText}", e),
    };

    private static bool IsUnreachable(SocketError code) => code is SocketError.ConnectionRefused or SocketError.HostNotFound
        or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData
        or SocketError.TimedOut or SocketError.AddressNotAvailable;

    private static string Describe(SocketError code) => code switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "unknown host",
        SocketError.TimedOut => "timed out",
        _ => "unreachable",
    };

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }
}
