using System.Text.Json;

namespace Allot.Cli.Tests;

public sealed class PoolCommandTests
{
    [Fact]
    public void PoolInit_WritesAnnotatedRulesBesideTheStore_CheckAccepts_SecondInitRefused()
    {
        using var box = new CliSandbox();
        var init = box.Run("pool", "init");
        Assert.Equal(0, init.Exit);
        string path = Path.Combine(box.Folder, "allot.rules.json");
        Assert.Contains("// Allot rules", File.ReadAllText(path));
        var check = box.Run("pool", "check");
        Assert.Equal(0, check.Exit);
        Assert.Contains("default", check.Stdout);
        var again = box.Run("pool", "init");
        Assert.Equal(1, again.Exit);
        Assert.Contains("exists", again.Stderr);
    }

    [Fact]
    public void PoolCheck_BadFile_FileLineColumnAndWhatWasExpected()
    {
        using var box = new CliSandbox();
        string bad = box.WriteFile("bad.json", "{\n  \"defaults\": {\n    \"reclaim\": { \"warn_days\": -1 }\n  }\n}\n");
        var r = box.Run("pool", "check", bad);
        Assert.Equal(1, r.Exit);
        Assert.Equal($"allot: {bad}:3:31: reclaim.warn_days: expected a whole number of days ≥ 0\n", r.Stderr.Replace("\r", ""));
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Daily_WithoutRulesFile_RefusedAndNothingChanges()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box, rules: null);
        var r = box.Run("daily", "--today", "2026-03-01");
        Assert.Equal(1, r.Exit);
        Assert.Contains("no rules file at", r.Stderr);
        Assert.Contains("allot pool init", r.Stderr);
        Assert.Empty(box.Json("pool", "history").EnumerateArray());
    }

    [Fact]
    public void Reclaim_DryRunChangesNothing_ThenWarnsAndReclaims()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        // C2: last follow-up 2026-01-05, due 2026-02-04; C1: 2026-01-20, due 2026-02-19; C3 is a key account.
        var dry = box.Json("pool", "reclaim", "--dry-run", "--today", "2026-02-01");
        Assert.Equal(["C2"], dry.EnumerateArray().Select(e => e.GetProperty("customer").GetString()));
        Assert.Empty(box.Json("pool", "history").EnumerateArray());
        var warn = box.Json("pool", "reclaim", "--today", "2026-02-01").EnumerateArray().Single();
        Assert.Equal(("warned", "R2", "2026-02-06"), (warn.GetProperty("event").GetString(), warn.GetProperty("rep").GetString(), warn.GetProperty("due").GetString()));
        Assert.Empty(box.Json("pool", "reclaim", "--today", "2026-02-05").EnumerateArray());
        var reclaim = box.Json("pool", "reclaim", "--today", "2026-02-06").EnumerateArray().Single();
        Assert.Equal(("C2", "reclaimed"), (reclaim.GetProperty("customer").GetString(), reclaim.GetProperty("event").GetString()));
        var shown = box.Json("customers", "show", "C2");
        Assert.Equal("pool", shown.GetProperty("status").GetString());
        Assert.Contains("pool reclaimed (rest)", shown.GetProperty("owner_history").EnumerateArray().Last().GetString());
    }

    [Fact]
    public void Claim_WithinLimits_ThenRefusedWithTheReason()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        var ok = box.Json("pool", "claim", "P1", "--rep", "R2", "--today", "2026-03-02");
        Assert.Equal("done", ok.GetProperty("result").GetString());
        var taken = box.Run("pool", "claim", "P1", "--rep", "R1", "--today", "2026-03-02", "--format", "json");
        Assert.Equal(1, taken.Exit);
        Assert.Equal("owned_by_another", JsonDocument.Parse(taken.Stdout).RootElement.GetProperty("reason").GetString());
        Assert.Contains("allot: refused: customer P1 is not in the pool: it belongs to R2 (since 2026-03-02)", taken.Stderr);
        // R2 gives it back, and may not claim it again within the cool-down; a manager may assign it anyway.
        Assert.Equal(0, box.Run("pool", "release", "P1", "--by", "R2", "--reason", "wrong region", "--today", "2026-03-03").Exit);
        var cooling = box.Run("pool", "claim", "P1", "--rep", "R2", "--today", "2026-03-04");
        Assert.Equal(1, cooling.Exit);
        Assert.Contains("may claim it again from 2026-03-23 (cool-down 20 days)", cooling.Stderr);
        Assert.Equal(1, box.Run("pool", "assign", "P1", "--rep", "R2", "--by", "nobody", "--today", "2026-03-04").Exit);
        Assert.Equal(0, box.Run("pool", "assign", "P1", "--rep", "R2", "--by", "east.lead", "--today", "2026-03-04").Exit);
        var history = box.Json("pool", "history", "P1").EnumerateArray().Select(e => (e.GetProperty("event").GetString(), e.GetProperty("by").GetString())).ToList();
        Assert.Equal([("assigned", "east.lead"), ("released", "R2"), ("claimed", "R2")], history);
    }

    [Fact]
    public void Claim_MissingRep_UsageError()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        var r = box.Run("pool", "claim", "P1");
        Assert.Equal(2, r.Exit);
        Assert.Contains("--rep", r.Stderr);
    }

    [Fact]
    public void PoolList_ContactsMaskedForReps_ShownToTheManagerOfThePool()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        var asRep = box.Json("pool", "list").EnumerateArray().Single();
        Assert.Equal(("P1", "east", "137******01", "p***@example.com"),
            (asRep.GetProperty("key").GetString(), asRep.GetProperty("pool").GetString(), asRep.GetProperty("phone").GetString(), asRep.GetProperty("email").GetString()));
        var manager = box.Json("pool", "list", "--as-manager", "east.lead").EnumerateArray().Single();
        Assert.Equal("13700000001", manager.GetProperty("phone").GetString());
        var otherManager = box.Json("pool", "list", "--as-manager", "west.lead").EnumerateArray().Single();
        Assert.Equal("137******01", otherManager.GetProperty("phone").GetString());
        Assert.Empty(box.Json("pool", "list", "--pool", "rest").EnumerateArray());
    }

    [Fact]
    public void CustomersShow_AsRep_OwnContactsOnly()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        Assert.Equal("13800138000", box.Json("customers", "show", "C1", "--as-rep", "R1").GetProperty("phone").GetString());
        var other = box.Run("customers", "show", "C1", "--as-rep", "R2", "--format", "json");
        Assert.Equal("138******00", JsonDocument.Parse(other.Stdout).RootElement.GetProperty("phone").GetString());
        Assert.Contains("contact details masked", other.Stderr);
        Assert.Equal("13800138000", box.Json("customers", "show", "C1").GetProperty("phone").GetString());
    }

    [Fact]
    public void CustomersCheck_File_TellsExistingPoolAndOtherRep()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        string file = box.WriteFile("new.csv", "customer_id,name,city,phone,email\nN1,Somebody,上海,+86 138 0013 8000,\nN2,Fresh Co,广州,,fresh@example.com\nN3,杭州新客户,杭州,,\n");
        var rows = box.Json("customers", "check", file, "--as-rep", "R2").EnumerateArray()
            .Select(r => (r.GetProperty("key").GetString(), r.GetProperty("verdict").GetString(), r.GetProperty("existing").GetString())).ToList();
        Assert.Equal([("N1", "owned_by_another", "C1"), ("N2", "new", null), ("N3", "in_pool", "P1")], rows);
        Assert.Equal(1, box.Run("customers", "check", file, "--only-new").Exit);
        Assert.Equal(0, box.Run("customers", "check", "--format", "json", box.WriteFile("fresh.csv", "customer_id,name\nN9,Brand New\n"), "--only-new").Exit);
    }
}
