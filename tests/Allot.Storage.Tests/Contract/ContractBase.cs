namespace Allot.Storage.Tests.Contract;

/// <summary>What every contract class shares: a fresh store of the provider's kind per test, made on first use
/// (inside the test, so a provider that skips skips the test) and removed afterwards.</summary>
public abstract class ContractBase<TProvider> : IDisposable where TProvider : StoreProvider, new()
{
    private TestStore? _store;

    /// <summary>The test's store, holding nothing at first; its clock says <see cref="Builders.Now"/>.</summary>
    protected TestStore T => _store ??= new TProvider().Create(new FixedClock(Builders.Now));

    protected IStore Store => T.Store;

    public void Dispose()
    {
        Cleanup();
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what a test class made besides the store.</summary>
    protected virtual void Cleanup()
    {
    }
}
