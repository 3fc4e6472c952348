using Allot.Server.Auth;
using Allot.Storage;

namespace Allot.Server.Endpoints;

/// <summary>Which customers of a run the user may see: those its scope covers by their owner now.</summary>
internal static class InScope
{
    /// <summary>A test for customer keys in the user's scope; null for an admin (everyone).</summary>
    public static Func<string, bool>? Customers(HttpContext ctx, IStore store)
    {
        var scope = ctx.Session().Scope;
        if (scope.IsEveryone) return null;
        var keys = store.FindCustomers(new CustomerQuery { Owners = scope.Owners, Limit = int.MaxValue })
            .Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return keys.Contains;
    }
}
