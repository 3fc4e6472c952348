using Allot.Core.Importing;

namespace Allot.Storage;

/// <summary>One import transaction. Nothing is visible to others, or kept, until <see cref="Commit"/>;
/// disposing without committing rolls every file of the session back.</summary>
public interface IImportSession : IImportSink, IDisposable
{
    /// <summary>Makes every file of the session permanent at once.</summary>
    void Commit();
}
