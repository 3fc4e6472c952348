using Allot.Core.Access;

namespace Allot.Storage.Tests.Contract;

/// <summary>Users and API tokens: names unique without regard to case, role links checked, tokens found by hash only
/// while valid.</summary>
public abstract class UserContract<TProvider> : ContractBase<TProvider> where TProvider : StoreProvider, new()
{
    private static readonly User Manager = new() { Name = "Wang Li", Role = Role.Manager, Team = "East" };

    [Fact]
    public void AddUser_RoundTripsAndRefusesTheSameNameInOtherCase()
    {
        Store.AddUser(Manager, "hash-1", "setup");
        T.Reopen();
        var stored = Store.GetUser("wang li")!;
        Assert.Equal(Manager, stored.User);
        Assert.Equal("hash-1", stored.PasswordHash);
        var e = Assert.Throws<StoreException>(() => Store.AddUser(Manager with { Name = "WANG LI", Team = "West" }, "hash-2", "setup"));
        Assert.Contains("exists already", e.Message);
        Assert.Equal(["Wang Li"], Store.GetUsers().Select(u => u.User.Name));
    }

    [Fact]
    public void AddUser_RepWithoutRepRecord_IsRefused()
    {
        var e = Assert.Throws<StoreException>(() => Store.AddUser(new User { Name = "zhao", Role = Role.Rep }, "h", "setup"));
        Assert.Contains("--rep", e.Message);
        Assert.Empty(Store.GetUsers());
    }

    [Fact]
    public void UpdateUser_ChangesRoleAndKeepsPasswordWhenNoneGiven()
    {
        Store.AddUser(Manager, "hash-1", "setup");
        Store.UpdateUser(Manager with { Role = Role.Admin, Team = null, Disabled = true }, null);
        var stored = Store.GetUser("Wang Li")!;
        Assert.Equal((Role.Admin, (string?)null, true, "hash-1"), (stored.User.Role, stored.User.Team, stored.User.Disabled, stored.PasswordHash));
        Store.UpdateUser(stored.User, "hash-2");
        Assert.Equal("hash-2", Store.GetUser("Wang Li")!.PasswordHash);
        Assert.Throws<StoreException>(() => Store.UpdateUser(Manager with { Name = "nobody" }, null));
    }

    [Fact]
    public void FindTokenUser_OnlyWhileNotExpiredRevokedOrDisabled()
    {
        Store.AddUser(Manager, "hash-1", "setup");
        long forever = Store.AddApiToken("wang li", "script", "h-forever", null);
        long expiring = Store.AddApiToken("Wang Li", "temp", "h-expiring", Builders.Now.AddDays(1));
        Assert.Equal("Wang Li", Store.FindTokenUser("h-forever", Builders.Now)!.User.Name);
        Assert.NotNull(Store.FindTokenUser("h-expiring", Builders.Now));
        Assert.Null(Store.FindTokenUser("h-expiring", Builders.Now.AddDays(1)));
        Assert.Null(Store.FindTokenUser("h-unknown", Builders.Now));
        Assert.Equal([expiring, forever], Store.GetApiTokens("wang li").Select(t => t.Id));

        Assert.False(Store.RevokeApiToken("someone else", forever));
        Assert.True(Store.RevokeApiToken("Wang Li", forever));
        Assert.Null(Store.FindTokenUser("h-forever", Builders.Now));
        Assert.True(Store.GetApiTokens("Wang Li").Single(t => t.Id == forever).Revoked);

        Store.UpdateUser(Manager with { Disabled = true }, null);
        Assert.Null(Store.FindTokenUser("h-expiring", Builders.Now));
        Assert.Throws<StoreException>(() => Store.AddApiToken("nobody", "x", "h-x", null));
    }
}
