using Allot.Core.Maintenance;

namespace Allot.Storage;

/// <summary>One maintenance transaction (pool, plan, alerts): nothing is visible to others, or kept, until
/// <see cref="Commit"/>; disposing without committing rolls everything back.</summary>
public interface IMaintenanceSession : IMaintenanceBook, IDisposable
{
    /// <summary>Makes every write of the session permanent at once.</summary>
    void Commit();
}
