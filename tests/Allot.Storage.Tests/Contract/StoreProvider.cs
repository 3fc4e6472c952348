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

    public void Dispose()
    {
        Store.Dispose();
        Remove();
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes whatever holds the store.</summary>
    protected abstract void Remove();
}
