using System.CommandLine;
using System.Globalization;
using Allot.Core.Engagement;
using Allot.Core.FollowUps;
using Allot.Core.Maintenance;

namespace Allot.Cli.Commands;

/// <summary><c>allot interactions log</c>: records a follow-up and moves the customer's plan at once.</summary>
internal static class InteractionsCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("interactions", "Follow-up records (跟进记录)");
        var customer = new Argument<string>("customer") { Description = "Customer key" };
        var kinds = string.Join(", ", Enum.GetNames<InteractionKind>().Select(n => n.ToLowerInvariant()));
        var kind = new Option<string>("--kind") { Description = $"How: {kinds}", Required = true };
        var rep = new Option<string?>("--rep") { Description = "The rep who followed up (default: the owner)" };
        var date = new Option<DateOnly?>("--date") { Description = "When, yyyy-MM-dd (default: the business day)" };
        var outcome = new Option<string?>("--outcome") { Description = "Outcome, free text" };
        var note = new Option<string?>("--note") { Description = "Note, free text" };
        var key = new Option<string?>("--key") { Description = "Key of the record (default: derived from customer, date and time)" };
        var rules = RulesFile.RulesOption();
        var today = RulesFile.TodayOption();
        var log = new Command("log", "Log an interaction: it counts as a follow-up (resets the reclaim and cadence clocks) and the customer's tasks are re-planned")
        {
            customer, kind, rep, date, outcome, note, key, rules, today,
        };
        log.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            string kindText = p.GetValue(kind)!;
            string? kindName = Enum.GetNames<InteractionKind>().FirstOrDefault(n => string.Equals(n, kindText, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"unknown --kind '{kindText}'; expected {kinds}");
            var r = RulesFile.Load(ctx, p.GetValue(rules), required: false);
            var day = RulesFile.Today(ctx, today);
            var when = p.GetValue(date) ?? day;
            if (when > day) throw new ArgumentException($"--date {RulesFile.Iso(when)} is after the business day {RulesFile.Iso(day)}: log interactions that happened");
            string customerKey = p.GetValue(customer)!;
            using var store = ctx.OpenStore();
            using var session = store.BeginMaintenance();
            var c = session.GetBookCustomer(customerKey) ?? throw new ArgumentException($"no customer with key '{customerKey}'");
            string? repKey = p.GetValue(rep) ?? c.OwnerRepKey;
            if (repKey is not null && session.GetRep(repKey) is null) throw new ArgumentException($"no rep with key '{repKey}'");
            var interaction = new Interaction
            {
                Key = p.GetValue(key) ?? string.Create(CultureInfo.InvariantCulture, $"LOG-{customerKey}-{ctx.Clock.GetUtcNow():yyyyMMddHHmmssfff}"),
                CustomerKey = customerKey, RepKey = repKey, Date = when, Kind = Enum.Parse<InteractionKind>(kindName),
                Outcome = p.GetValue(outcome), Note = p.GetValue(note),
            };
            session.AddInteraction(interaction);
            var tasks = DailyJob.Replan(session, r, customerKey, day);
            session.Commit();
            var next = tasks.Where(t => !FollowUpKinds.IsCare(t.Kind)).MinBy(t => t.Due);
            ctx.Printer.Record([("interaction", interaction.Key), ("customer", customerKey), ("rep", repKey), ("date", when),
                ("kind", kindName.ToLowerInvariant()), ("next_followup", next?.Due), ("next_reason", next?.Reason)]);
            return 0;
        }));
        command.Subcommands.Add(log);
        return command;
    }
}
