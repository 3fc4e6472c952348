using System.Net;
using Allot.Core.Maintenance;
using Allot.Server.Maintenance;

namespace Allot.Server.Tests.Maintenance;

/// <summary>The server runs the daily job at its time, catches up a missed day at start, and a manager can run it now.</summary>
public sealed class DailyScheduleTests(DemoBook book)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026-11-23 05:00", null, "2026-11-23 06:00")]       // before the time: today at the time
    [InlineData("2026-11-23 07:30", null, "2026-11-23 07:30")]       // past it, no run today: catch up now
    [InlineData("2026-11-23 07:30", "2026-11-22", "2026-11-23 07:30")]
    [InlineData("2026-11-23 07:30", "2026-11-23", "2026-11-24 06:00")] // done today: tomorrow
    public void Next_BeforeAfterAndCatchUp(string now, string? last, string expected)
    {
        var at = new TimeOnly(6, 0);
        var next = DailySchedule.Next(Local(now), at, last is null ? null : DateOnly.Parse(last));
        Assert.Equal(Local(expected), next);
    }

    [Fact]
    public async Task RunNow_AsManager_RecordsTheDay_RepIsRefused()
    {
        using var server = new ServerSandbox(book);
        var rep = await server.SignIn("rep-a");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync("/api/jobs/daily", null)).StatusCode);
        var manager = await server.SignIn("manager");
        await (await manager.PostAsync("/api/jobs/daily", null)).Json(HttpStatusCode.Conflict); // no rules file yet

        File.WriteAllText(Path.Combine(Path.GetDirectoryName(server.Db)!, "allot.rules.json"), DefaultRules.Text);
        var answer = await (await manager.PostAsync("/api/jobs/daily", null)).Json();
        Assert.True(answer.GetProperty("ran").GetBoolean());
        Assert.Equal(1, answer.GetProperty("record").GetProperty("runs").GetInt32());
        var jobs = await (await manager.GetAsync("/api/jobs")).Json();
        Assert.Equal("daily", jobs[0].GetProperty("job").GetString());
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(server.Db)!, "digests", $"digest-{answer.GetProperty("day").GetString()}.json")));
    }

    [Fact]
    public async Task Start_PastTheTimeWithNoRunToday_CatchesUp()
    {
        using var server = new ServerSandbox(book) { DailyAt = "00:00" };
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(server.Db)!, "allot.rules.json"), DefaultRules.Text);
        _ = server.Anonymous(); // starts the server and its schedule
        var today = DateOnly.FromDateTime(DateTime.Now);
        for (int i = 0; i < 120; i++)
        {
            using (var store = server.OpenStore())
                if (store.GetJobRuns().Any(r => r.Job == "daily" && r.Day == today)) return;
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        Assert.Fail("the schedule did not catch up today's daily job within 60 s");
    }

    private static DateTimeOffset Local(string text) =>
        new(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), Beijing);
}
