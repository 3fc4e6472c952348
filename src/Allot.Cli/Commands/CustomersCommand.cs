using System.CommandLine;
using Allot.Core.Customers;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
using Allot.Storage;

namespace Allot.Cli.Commands;

/// <summary><c>allot customers list|show|search|duplicates</c>.</summary>
internal static class CustomersCommand
{
    private static readonly string[] Columns = ["key", "name", "type", "industry", "region", "city", "owner", "status"];

    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("customers", "List, show, search customers and find possible duplicates");

        var type = new Option<string?>("--type") { Description = "Customer type (retail, wholesale, enterprise, distributor, …)" };
        var region = new Option<string?>("--region") { Description = "Region" };
        var industry = new Option<string?>("--industry") { Description = "Industry" };
        var owner = new Option<string?>("--owner") { Description = "Owner rep key ('-' for customers without owner)" };
        var text = new Option<string?>("--text") { Description = "Substring of key, name, phone or email" };
        var limit = new Option<int>("--limit") { Description = "Rows to show (default 50)", DefaultValueFactory = _ => 50 };
        var offset = new Option<int>("--offset") { Description = "Rows to skip" };

        var list = new Command("list", "List customers, filtered") { type, region, industry, owner, text, limit, offset };
        list.SetAction(wrap(ctx => List(ctx, Query(ctx.Parse, ctx.Parse.GetValue(text)))));

        var searchText = new Argument<string>("text") { Description = "Substring of key, name, phone or email" };
        var search = new Command("search", "Find customers by key, name, phone or email") { searchText, type, region, industry, owner, limit, offset };
        search.SetAction(wrap(ctx => List(ctx, Query(ctx.Parse, ctx.Parse.GetValue(searchText)))));

        var key = new Argument<string>("key") { Description = "Customer key" };
        var asRep = new Option<string?>("--as-rep") { Description = "Show as this rep sees it: contact details masked unless the rep owns the customer" };
        var asManager = new Option<string?>("--as-manager") { Description = "Show as this manager sees it: contact details of the pools it manages" };
        var rules = RulesFile.RulesOption();
        var show = new Command("show", "One customer: profile, contacts, orders summary, owner history") { key, asRep, asManager, rules };
        show.SetAction(wrap(ctx => Show(ctx, ctx.Parse.GetValue(key)!, ViewerOf(ctx, asRep, asManager, rules))));

        var duplicates = new Command("duplicates", "Possible duplicates (客户查重): same phone or email, or a near-identical name in the same city. Never merged automatically.");
        duplicates.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            var pairs = DuplicateFinder.Find(store.ReadCustomers());
            ctx.Printer.Rows(["first", "second", "reason", "detail"], pairs.Select(p => new object?[] { p.FirstKey, p.SecondKey, p.Reason, p.Detail }));
            ctx.Err.WriteLine($"{pairs.Count:N0} possible duplicate pair(s)");
            return 0;
        }));

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(search);
        command.Subcommands.Add(duplicates);
        command.Subcommands.Add(CustomerCheckCommand.Create(wrap));
        return command;

        CustomerQuery Query(ParseResult p, string? substring) => new()
        {
            Type = p.GetValue(type), Region = p.GetValue(region), Industry = p.GetValue(industry), Owner = p.GetValue(owner),
            Text = substring, Limit = Math.Clamp(p.GetValue(limit), 1, 100_000), Offset = Math.Max(0, p.GetValue(offset)),
        };
    }

    private static int List(CliContext ctx, CustomerQuery query)
    {
        using var store = ctx.OpenStore();
        var customers = store.FindCustomers(query);
        ctx.Printer.Rows(Columns, customers.Select(c => new object?[] { c.Key, c.Name, c.Type, c.Industry, c.Region, c.City, c.OwnerRepKey, c.Status.ToString().ToLowerInvariant() }));
        return 0;
    }

    /// <summary>The viewer of --as-rep / --as-manager with the rules that say who manages what; null: everything shown.</summary>
    private static (Viewer, MaintenanceRules)? ViewerOf(CliContext ctx, Option<string?> asRep, Option<string?> asManager, Option<string?> rules)
    {
        string? rep = ctx.Parse.GetValue(asRep), manager = ctx.Parse.GetValue(asManager);
        if (rep is not null && manager is not null) throw new UsageException("give --as-rep or --as-manager, not both");
        if (rep is null && manager is null) return null;
        var loaded = RulesFile.Load(ctx, ctx.Parse.GetValue(rules), required: false);
        return (rep is not null ? Viewer.Rep(rep) : Viewer.Manager(manager!), loaded);
    }

    private static int Show(CliContext ctx, string key, (Viewer Viewer, MaintenanceRules Rules)? view)
    {
        using var store = ctx.OpenStore();
        var c = store.GetCustomer(key) ?? throw new ArgumentException($"no customer with key '{key}'");
        if (view is { } v && !ContactRedaction.MaySee(c, v.Viewer, v.Rules))
        {
            c = ContactRedaction.Mask(c);
            ctx.Err.WriteLine($"contact details masked: {v.Viewer.Name} " + (c.Status == CustomerStatus.Pool
                ? "may see them once it claims the customer from the pool" : "neither owns the customer nor manages its pool"));
        }
        var orders = store.GetOrders(key);
        var history = store.GetOwnerHistory(key);
        ctx.Printer.Record(
        [
            ("key", c.Key), ("name", c.Name), ("type", c.Type), ("industry", c.Industry), ("region", c.Region), ("city", c.City),
            ("address", c.Address), ("created_date", c.CreatedDate), ("birthday", c.Birthday), ("phone", c.Phone), ("email", c.Email),
            ("contacts", c.Contacts.Select(x => string.Join(" / ", new[] { x.Name, x.Role, x.Phone, x.Email }.Where(s => s is not null))).ToList()),
            ("channel", c.Channel), ("tags", c.Tags), ("key_account", c.KeyAccount), ("owner", c.OwnerRepKey), ("owner_since", c.OwnerSince),
            ("status", c.Status.ToString().ToLowerInvariant()),
            ("orders", orders.Count), ("amount_total", orders.Sum(o => o.Amount)), ("profit_total", orders.Sum(o => o.Profit ?? 0)),
            ("first_order", orders.Count > 0 ? orders[0].Date : null), ("last_order", orders.Count > 0 ? orders[^1].Date : null),
            ("owner_history", history.Select(h => $"{h.At:yyyy-MM-dd} {h.FromRepKey ?? "-"} → {h.ToRepKey ?? "-"} by {h.By}: {h.Reason}").ToList()),
        ]);
        return 0;
    }
}
