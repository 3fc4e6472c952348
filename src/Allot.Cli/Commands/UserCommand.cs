using System.CommandLine;
using Allot.Core.Access;

namespace Allot.Cli.Commands;

/// <summary><c>allot user add|list|set</c> and <c>allot token create|list|revoke</c>: who may use the server.</summary>
internal static class UserCommand
{
    private static readonly string Roles = string.Join('|', Enum.GetNames<Role>().Select(n => n.ToLowerInvariant()));

    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("user", "Users of the server (`allot serve`): admins, managers (a team) and reps (a rep record)");
        var name = new Argument<string>("name") { Description = "Login name (unique, case-insensitive)" };
        var role = new Option<string>("--role") { Description = $"What the user may do: {Roles}", Required = true };
        var rep = new Option<string?>("--rep") { Description = "The rep record of a rep user (its key)" };
        var team = new Option<string?>("--team") { Description = "The team a manager leads (reps whose team matches)" };
        var add = new Command("add", "Add a user; the password is read from stdin (one line) or asked for on a terminal") { name, role, rep, team };
        add.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            var user = new User { Name = p.GetValue(name)!.Trim(), Role = ParseRole(p.GetValue(role)!), RepKey = p.GetValue(rep), Team = p.GetValue(team) };
            if (user.Problem() is { } problem) throw new UsageException(problem);
            using var store = ctx.OpenStore(create: true);
            if (user.RepKey is { } key && !store.GetReps().Any(r => r.Key == key))
                throw new ArgumentException($"no rep with key '{key}': import reps first (allot import reps FILE)");
            if (user.Team is { } t && !store.GetReps().Any(r => r.Team == t))
                ctx.Err.WriteLine($"note: no rep is in team '{t}' yet; the manager sees no customers until one is");
            string password = ReadPassword(ctx);
            store.AddUser(user, PasswordHash.Create(password), Environment.UserName);
            ctx.Err.WriteLine($"added {user.Role.ToString().ToLowerInvariant()} '{user.Name}'; sign in at the server (allot serve)");
            return 0;
        }));
        command.Subcommands.Add(add);

        var list = new Command("list", "List the users");
        list.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            ctx.Printer.Rows(["name", "role", "rep", "team", "disabled", "created_at"],
                store.GetUsers().Select(u => (object?[])[u.User.Name, u.User.Role.ToString().ToLowerInvariant(), u.User.RepKey, u.User.Team, u.User.Disabled, u.CreatedAt]));
            return 0;
        }));
        command.Subcommands.Add(list);

        var setName = new Argument<string>("name") { Description = "Login name" };
        var setRole = new Option<string?>("--role") { Description = $"New role: {Roles}" };
        var setRep = new Option<string?>("--rep") { Description = "New rep record" };
        var setTeam = new Option<string?>("--team") { Description = "New team" };
        var password = new Option<bool>("--password") { Description = "Set a new password (from stdin or asked for)" };
        var disable = new Option<bool>("--disable") { Description = "Disable the user: no sign-in, tokens stop working" };
        var enable = new Option<bool>("--enable") { Description = "Enable the user again" };
        var set = new Command("set", "Change a user's role, links or password, or disable it") { setName, setRole, setRep, setTeam, password, disable, enable };
        set.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            using var store = ctx.OpenStore();
            var stored = store.GetUser(p.GetValue(setName)!) ?? throw new ArgumentException($"no user named '{p.GetValue(setName)}'");
            if (p.GetValue(disable) && p.GetValue(enable)) throw new UsageException("--disable and --enable together");
            var user = stored.User with
            {
                Role = p.GetValue(setRole) is { } r ? ParseRole(r) : stored.User.Role,
                RepKey = p.GetValue(setRep) ?? stored.User.RepKey,
                Team = p.GetValue(setTeam) ?? stored.User.Team,
                Disabled = p.GetValue(disable) || (!p.GetValue(enable) && stored.User.Disabled),
            };
            if (user.Problem() is { } problem) throw new UsageException(problem);
            store.UpdateUser(user, p.GetValue(password) ? PasswordHash.Create(ReadPassword(ctx)) : null);
            ctx.Err.WriteLine($"updated '{user.Name}'");
            return 0;
        }));
        command.Subcommands.Add(set);
        return command;
    }

    public static Command CreateToken(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("token", "Personal API tokens: `Authorization: Bearer TOKEN` for scripts");
        var name = new Argument<string>("name") { Description = "The user the token acts as" };
        var label = new Option<string?>("--label") { Description = "What the token is for (default: api)" };
        var days = new Option<int?>("--days") { Description = "Expires after this many days (default: never)" };
        var create = new Command("create", "Create a token; it is printed once (only its hash is kept)") { name, label, days };
        create.SetAction(wrap(ctx =>
        {
            var p = ctx.Parse;
            if (p.GetValue(days) is < 1) throw new UsageException("--days must be at least 1");
            using var store = ctx.OpenStore();
            string token = ApiToken.Create();
            var expires = p.GetValue(days) is { } d ? ctx.Clock.GetUtcNow().AddDays(d) : (DateTimeOffset?)null;
            long id = store.AddApiToken(p.GetValue(name)!, p.GetValue(label) ?? "api", ApiToken.Hash(token), expires);
            ctx.Out.WriteLine(token);
            ctx.Err.WriteLine($"token {id} for '{p.GetValue(name)}'" + (expires is { } e ? $", expires {e:yyyy-MM-dd HH:mm} UTC" : "") + "; keep it secret, it is not shown again");
            return 0;
        }));
        command.Subcommands.Add(create);

        var listName = new Argument<string>("name") { Description = "The user" };
        var list = new Command("list", "A user's tokens (never the tokens themselves)") { listName };
        list.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            ctx.Printer.Rows(["id", "label", "created_at", "expires_at", "revoked"],
                store.GetApiTokens(ctx.Parse.GetValue(listName)!).Select(t => (object?[])[t.Id, t.Label, t.CreatedAt, t.ExpiresAt, t.Revoked]));
            return 0;
        }));
        command.Subcommands.Add(list);

        var revokeName = new Argument<string>("name") { Description = "The user" };
        var id = new Argument<long>("id") { Description = "The token's number (allot token list NAME)" };
        var revoke = new Command("revoke", "Revoke a token") { revokeName, id };
        revoke.SetAction(wrap(ctx =>
        {
            using var store = ctx.OpenStore();
            if (!store.RevokeApiToken(ctx.Parse.GetValue(revokeName)!, ctx.Parse.GetValue(id)))
                throw new ArgumentException($"'{ctx.Parse.GetValue(revokeName)}' has no token {ctx.Parse.GetValue(id)}");
            ctx.Err.WriteLine("revoked");
            return 0;
        }));
        command.Subcommands.Add(revoke);
        return command;
    }

    private static Role ParseRole(string text) =>
        Enum.GetNames<Role>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } n
            ? Enum.Parse<Role>(n) : throw new UsageException($"unknown role '{text}'; expected {Roles}");

    /// <summary>A terminal asks twice without echo; otherwise one line from stdin (scripts, tests).</summary>
    private static string ReadPassword(CliContext ctx)
    {
        string? password;
        if (!ctx.InputRedirected)
        {
            password = Prompt(ctx, "password: ");
            if (Prompt(ctx, "again: ") != password) throw new ArgumentException("the two passwords differ");
        }
        else password = ctx.In.ReadLine();
        if (string.IsNullOrEmpty(password)) throw new ArgumentException("no password given (pipe it on stdin, e.g. `echo \"$PW\" | allot user add …`)");
        if (password.Length < PasswordHash.MinLength) throw new ArgumentException($"a password needs at least {PasswordHash.MinLength} characters");
        return password;
    }

    private static string Prompt(CliContext ctx, string label)
    {
        ctx.Err.Write(label);
        var chars = new System.Text.StringBuilder();
        while (true)
        {
            var k = Console.ReadKey(intercept: true);
            if (k.Key == ConsoleKey.Enter) break;
            if (k.Key == ConsoleKey.Backspace) { if (chars.Length > 0) chars.Length--; }
            else chars.Append(k.KeyChar);
        }
        ctx.Err.WriteLine();
        return chars.ToString();
    }
}
