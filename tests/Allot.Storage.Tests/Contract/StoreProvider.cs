namespace Allot.Storage.Tests.Contract;

/// <summary>A kind of store the contract suite runs against (Dapper's provider pattern): every test of a
/// <c>…Contract&lt;TProvider&gt;</c> class runs once per provider, each on a fresh, empty store of its own.</summary>
public abstract class StoreProvider
{
    /// <summary>Creates an empty store; disposing the result removes it.</summary>
    public abstract TestStore Create(TimeProvider clock);
}

/// <summary>A store made for one test, removed when disposed.</summary>
public abstract class TestStore : IDisposable
{
    /// <summary>The open store.</summary>
    public IStore Store { get; protected set; } = null!;

    /// <summary>What <c>--db</c> (or <see cref="StoreFactory.Open"/>) takes to reach this store.</summary>
    public abstract string Db { get; }

    /// <summary>Closes the store and opens it again from its location (create: false).</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = StoreFactory.Open(Db, create: false, TimeProvider.System);
    }

    /// <summary>Another handle on the same store, as a second process would have.</summary>
    public IStore OpenAnother(TimeProvider clock) => StoreFactory.Open(Db, create: false, clock);

    /// <summary>A plain connection to the store's tables, for checks on what was written; the caller disposes it.</summary>
    public abstract System.Data.Common.DbConnection Connect();

    /// <summary>One number the store's SQL gives (a count, a stored value).</summary>
    public long Scalar(string sql)
    {
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Store.Dispose();
        Remove();
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes whatever holds the store.</summary>
    protected abstract void Remove();
}
