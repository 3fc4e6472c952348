using System.Text.Json;

namespace Allot.Cli.Tests;

public sealed class FollowUpsAlertsDailyTests
{
    [Fact]
    public void FollowUpsPlan_DueAndIcsExport()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        // Cadence 14 days: C1 (last 2026-01-20) due 2026-02-03, C2 (2026-01-05) due 2026-01-19, C3 (none, owned since 2026-01-01) 2026-01-15.
        var load = box.Json("followups", "plan", "--today", "2026-02-01", "--weeks", "2");
        var r1 = load.EnumerateArray().Single(l => l.GetProperty("rep").GetString() == "R1");
        Assert.Equal(1, r1.GetProperty("overdue").GetInt32());
        Assert.Equal("2026-01-26", r1.GetProperty("weeks")[0].GetProperty("week_start").GetString());
        var due = box.Json("followups", "due", "--rep", "R1", "--today", "2026-02-01", "--days", "3");
        Assert.Equal([("C3", "2026-01-15", 17), ("C1", "2026-02-03", 0)],
            due.EnumerateArray().Select(t => (t.GetProperty("customer").GetString(), t.GetProperty("due").GetString(),
                t.GetProperty("overdue_days").ValueKind == JsonValueKind.Null ? 0 : t.GetProperty("overdue_days").GetInt32())).ToList());
        string ics = Path.Combine(box.Folder, "r1.ics");
        Assert.Equal(0, box.Run("followups", "export", "--rep", "R1", "--format", "ics", "--out", ics).Exit);
        string text = File.ReadAllText(ics);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.Contains("UID:cadence-C1-20260203@allot\r\n", text);
        Assert.Contains("BEGIN:VEVENT", text);
        Assert.Contains("birthday-C1-20260207@allot", text.Replace("\r\n ", "")); // birthday 02-10, three days ahead
        Assert.DoesNotContain("C2", text);
        var wrong = box.Run("followups", "due", "--format", "ics");
        Assert.Equal(2, wrong.Exit);
    }

    [Fact]
    public void InteractionsLog_ResetsTheClock_AndMovesTheCustomersTasks()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        box.Json("followups", "plan", "--today", "2026-02-01");
        var logged = box.Json("interactions", "log", "C2", "--kind", "visit", "--today", "2026-02-01", "--note", "met the buyer");
        Assert.Equal(("R2", "2026-02-15"), (logged.GetProperty("rep").GetString(), logged.GetProperty("next_followup").GetString()));
        var c2 = box.Json("followups", "due", "--rep", "R2", "--today", "2026-02-01", "--days", "28").EnumerateArray().Select(t => t.GetProperty("due").GetString());
        Assert.Equal(["2026-02-15"], c2); // the next round (03-01) lies past the four weeks planned
        // The reclaim clock moved too: no warning for C2 on 2026-02-01 any more.
        Assert.DoesNotContain(box.Json("pool", "reclaim", "--dry-run", "--today", "2026-02-01").EnumerateArray(), e => e.GetProperty("customer").GetString() == "C2");
        var bad = box.Run("interactions", "log", "C2", "--kind", "fax");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("unknown --kind 'fax'", bad.Stderr);
        Assert.Equal(1, box.Run("interactions", "log", "C9", "--kind", "call").Exit);
        Assert.Equal(1, box.Run("interactions", "log", "C2", "--kind", "call", "--date", "2099-01-01").Exit);
    }

    [Fact]
    public void Alerts_Json_OverdueFollowUpsAndReclaimSoon()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        var alerts = box.Json("alerts", "--today", "2026-02-01");
        Assert.Equal("2026-02-01", alerts.GetProperty("day").GetString());
        var kinds = alerts.GetProperty("alerts").EnumerateArray().Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("customer").GetString())).ToList();
        Assert.Contains(("followup_overdue", "C2"), kinds);
        Assert.Contains(("reclaim_soon", "C2"), kinds);
        Assert.Equal(kinds.Count(k => k.Item1 == "followup_overdue"), alerts.GetProperty("counts").GetProperty("followup_overdue").GetInt32());
        Assert.Empty(box.Json("alerts", "--today", "2026-02-01", "--rep", "R1", "--kind", "reclaim_soon").GetProperty("alerts").EnumerateArray());
        Assert.Equal(2, box.Run("alerts", "--kind", "nonsense").Exit);
    }

    [Fact]
    public void Daily_PostsTheDigestToTheWebhookOncePerDay_RetriesAfterAFailure()
    {
        using var box = new CliSandbox();
        using var hook = new WebhookListener();
        PoolBook.Load(box, PoolBook.Rules.Replace("\"managers\": [\"boss\"],", $"\"managers\": [\"boss\"], \"alerts\": {{ \"webhook\": {{ \"url\": \"{hook.Url}\" }} }},"));
        hook.Status = 500;
        var failed = box.Run("daily", "--today", "2026-02-01", "--format", "json");
        Assert.Equal(1, failed.Exit);
        Assert.Contains("the day's work is committed, but the digest was not posted", failed.Stderr);
        Assert.Contains("answered 500", failed.Stderr);
        Assert.Single(box.Json("pool", "history").EnumerateArray()); // C2 warned, once

        hook.Status = 200;
        var ok = box.Json("daily", "--today", "2026-02-01");
        Assert.Equal((0, 2), (ok.GetProperty("warned").GetInt32(), ok.GetProperty("run_of_the_day").GetInt32()));
        Assert.StartsWith("posted to http://127.0.0.1:", ok.GetProperty("webhook").GetString());
        Assert.Single(box.Json("pool", "history").EnumerateArray()); // the re-run repeated nothing
        var digestFile = ok.GetProperty("digest").GetString()!;
        Assert.Equal(Path.Combine(box.Folder, "digests", "digest-2026-02-01.json"), digestFile);

        var again = box.Json("daily", "--today", "2026-02-01");
        Assert.StartsWith("posted already", again.GetProperty("webhook").GetString());
        Assert.Equal(2, hook.Requests.Count);
        var (line, type, body) = hook.Requests.Last();
        Assert.Equal("POST /hooks/digest HTTP/1.1", line);
        Assert.StartsWith("application/json", type);
        Assert.Equal(File.ReadAllText(digestFile), body);
        var digest = JsonDocument.Parse(body).RootElement;
        Assert.Equal("2026-02-01", digest.GetProperty("day").GetString());
        Assert.Equal(["R1", "R2"], digest.GetProperty("reps").EnumerateArray().Select(r => r.GetProperty("rep").GetString()));
        var boss = digest.GetProperty("managers").EnumerateArray().Single(m => m.GetProperty("manager").GetString() == "boss");
        Assert.Equal(["east", "rest"], boss.GetProperty("pools").EnumerateArray().Select(p => p.GetString()));
        Assert.True(boss.GetProperty("total").GetInt32() >= digest.GetProperty("reps").EnumerateArray().Sum(r => r.GetProperty("total").GetInt32()));
    }

    [Fact]
    public void Daily_SecondDay_ReclaimsWhatWasWarned()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        Assert.Equal(1, box.Json("daily", "--today", "2026-02-01").GetProperty("warned").GetInt32());
        Assert.Equal(1, box.Json("daily", "--today", "2026-02-06").GetProperty("reclaimed").GetInt32());
        Assert.Equal("pool", box.Json("customers", "show", "C2").GetProperty("status").GetString());
        Assert.DoesNotContain(box.Json("followups", "due", "--today", "2026-02-06", "--days", "30").EnumerateArray(), t => t.GetProperty("customer").GetString() == "C2");
    }

    [Fact]
    public void Daily_Steps_ReclaimAndPlanOnly_NoDigest()
    {
        using var box = new CliSandbox();
        PoolBook.Load(box);
        var r = box.Json("daily", "--today", "2026-02-01", "--steps", "reclaim,plan");
        Assert.Equal(1, r.GetProperty("warned").GetInt32());
        Assert.False(r.TryGetProperty("digest", out _));
        Assert.False(Directory.Exists(Path.Combine(box.Folder, "digests")));
        Assert.NotEmpty(box.Json("followups", "due", "--today", "2026-02-01").EnumerateArray());
        var bad = box.Run("daily", "--steps", "reclaim,coffee");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("unknown step 'coffee'", bad.Stderr);
    }
}
