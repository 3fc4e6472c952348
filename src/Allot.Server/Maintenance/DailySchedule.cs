using System.Globalization;
using Allot.Core.Maintenance;
using Allot.Storage;
using Allot.Storage.Maintenance;

namespace Allot.Server.Maintenance;

/// <summary>Runs the daily job (reclaim, plan, alerts and the digest) at the configured local time, as `allot daily`
/// does from cron. A day missed while the server was down is caught up at start; a failed run is logged and tried
/// again at the next occasion. The job is idempotent per day, so a CLI run on the same day does no harm.</summary>
internal sealed class DailySchedule(ServerSettings settings, TimeProvider clock, ILogger<DailySchedule> log) : BackgroundService
{
    /// <summary>When the job should next run: today at <paramref name="at"/> if that has not passed, or if it has passed
    /// and today's run has not happened yet (caught up now); else tomorrow at <paramref name="at"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset now, TimeOnly at, DateOnly? lastRunDay)
    {
        var today = DateOnly.FromDateTime(now.DateTime);
        var todayAt = new DateTimeOffset(today.ToDateTime(at), now.Offset);
        if (now < todayAt) return todayAt;
        if (lastRunDay != today) return now;
        return new DateTimeOffset(today.AddDays(1).ToDateTime(at), now.Offset);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.DailyAt is not { } at) return;
        log.LogInformation("daily job at {At} local time, rules {Rules}", at.ToString("HH:mm", CultureInfo.InvariantCulture), settings.RulesPath);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetLocalNow();
            DateOnly? last = null;
            try
            {
                using var store = StoreFactory.Open(settings.Db, create: false, clock);
                last = store.GetJobRuns(20).Where(r => r.Job == "daily").Select(r => (DateOnly?)r.Day).FirstOrDefault();
            }
            catch (StoreException e)
            {
                log.LogWarning("daily job: cannot read the store ({Message}); trying again in a minute", e.Message);
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
                continue;
            }
            var next = Next(now, at, last);
            if (next > now) await Task.Delay(next - now, clock, stoppingToken);
            if (!RunOnce(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)))
                await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken); // failed or no rules yet: look again later
        }
    }

    /// <summary>Runs the job for a day; false (logged) when it could not.</summary>
    public bool RunOnce(DateOnly day)
    {
        try
        {
            if (!File.Exists(settings.RulesPath))
            {
                log.LogWarning("daily job skipped: no rules file at {Rules}; write and review one with `allot pool init`", settings.RulesPath);
                // Recorded nowhere: without rules nothing may be reclaimed. The next occasion checks again.
                return false;
            }
            var rules = RulesParser.Parse(File.ReadAllText(settings.RulesPath), settings.RulesPath);
            using var store = StoreFactory.Open(settings.Db, create: false, clock);
            var outcome = DailyRun.Run(store, rules, settings.RulesPath,
                new JobOptions("daily", day, "allot serve", JobSteps.All, rules.FollowUps.HorizonWeeks));
            log.LogInformation("daily job for {Day}: {Summary}; digest {Digest}; webhook {Webhook}", day, outcome.Result.Summary, outcome.DigestPath, outcome.Webhook);
            if (outcome.PostError is { } error) log.LogWarning("daily job: the digest was not posted: {Error}", error);
            return true;
        }
        catch (Exception e) when (e is StoreException or RulesException or IOException or UnauthorizedAccessException)
        {
            log.LogError("daily job for {Day} failed, nothing of it kept: {Message}", day, e.Message);
            return false;
        }
    }
}
