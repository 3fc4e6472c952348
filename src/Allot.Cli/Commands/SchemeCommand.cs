using System.CommandLine;
using Allot.Core.Classification.Schemes;

namespace Allot.Cli.Commands;

/// <summary><c>allot scheme init|check</c>: annotated scheme files and their validation.</summary>
internal static class SchemeCommand
{
    public static Command Create(Func<Func<CliContext, int>, Func<ParseResult, int>> wrap)
    {
        var command = new Command("scheme", "Classification schemes: which indicators, classifiers, thresholds and names");

        string names = string.Join(", ", BuiltInSchemes.All.Select(s => s.Name));
        var example = new Option<string>("--example") { Description = $"Which bundled scheme: {names}", DefaultValueFactory = _ => "retail" };
        var output = new Option<string?>("--out") { Description = "File to write (default: print to stdout)" };
        var init = new Command("init", "Write an annotated scheme to start from") { example, output };
        init.SetAction(wrap(ctx =>
        {
            string name = ctx.Parse.GetValue(example)!;
            var found = BuiltInSchemes.All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            if (found.Json is null) throw new UsageException($"unknown example '{name}'; bundled: {names}");
            if (ctx.Parse.GetValue(output) is { } path)
            {
                if (File.Exists(path)) throw new ArgumentException($"{path} exists; choose another --out or delete it first");
                File.WriteAllText(path, found.Json);
                ctx.Err.WriteLine($"wrote {Path.GetFullPath(path)}; check it with: allot scheme check {path}");
            }
            else ctx.Out.Write(found.Json);
            return 0;
        }));

        var file = new Argument<string>("file") { Description = "Scheme file (JSON with comments)" };
        var check = new Command("check", "Validate a scheme file: errors give the line and what was expected") { file };
        check.SetAction(wrap(ctx =>
        {
            var scheme = Load(ctx.Parse.GetValue(file)!);
            ctx.Printer.Rows(["classifier", "kind", "indicators"],
                scheme.Classifiers.Select(c => new object?[] { c.Name, c.Kind, string.Join(", ", c.Indicators) }));
            ctx.Err.WriteLine($"scheme '{scheme.Name}' is valid: tier from {scheme.TierFrom}"
                + (scheme.SegmentFrom is null ? "" : $", segment from {scheme.SegmentFrom}")
                + (scheme.LifecycleFrom is null ? "" : $", lifecycle from {scheme.LifecycleFrom}"));
            return 0;
        }));

        command.Subcommands.Add(init);
        command.Subcommands.Add(check);
        return command;
    }

    /// <summary>Reads and parses a scheme file; the bundled default when <paramref name="path"/> is null.</summary>
    public static Scheme Load(string? path) => LoadWithText(path).Scheme;

    /// <summary>The scheme and its text as read (stored with a run).</summary>
    public static (Scheme Scheme, string Text) LoadWithText(string? path)
    {
        if (path is null) return (SchemeParser.Parse(BuiltInSchemes.Default, "default scheme"), BuiltInSchemes.Default);
        if (!File.Exists(path)) throw new ArgumentException($"{path}: scheme file not found (write one with `allot scheme init --out {path}`)");
        string text = File.ReadAllText(path);
        return (SchemeParser.Parse(text, path), text);
    }
}
