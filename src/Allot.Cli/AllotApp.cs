using System.CommandLine;
using System.Globalization;
using Allot.Cli.Commands;
using Allot.Import.Reading;
using Allot.Storage;

namespace Allot.Cli;

/// <summary>The <c>allot</c> command: builds the command tree, runs it, maps failures to exit codes.</summary>
/// <remarks>Exit codes: 0 ok, 1 failure (one clear line on stderr; the stack trace with --verbose), 2 usage error.</remarks>
public static class AllotApp
{
    /// <summary>Runs the command line and returns the exit code.</summary>
    /// <param name="stdin">Input (passwords for `allot user`); null for the console's.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        // Same output on every machine: numbers, dates and sorting never follow the OS locale.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var root = new RootCommand("Allot — classify customers by value and allocate them to sales reps.\n"
            + "Start with `allot demo`, or `allot import customers FILE` then `allot stats`.");
        root.Options.Add(GlobalOptions.Db);
        root.Options.Add(GlobalOptions.Format);
        root.Options.Add(GlobalOptions.Verbose);
        root.Options.Add(GlobalOptions.Quiet);
        void Add(Command command) => root.Subcommands.Add(command);
        Func<ParseResult, int> Wrap(Func<CliContext, int> action) => parse =>
            Execute(parse, stdout, stderr, stdin, action);
        Add(InitCommand.Create(Wrap));
        Add(ImportCommand.Create(Wrap));
        Add(GenerateCommand.Create(Wrap));
        Add(CustomersCommand.Create(Wrap));
        Add(StatsCommand.Create(Wrap));
        Add(IndicatorsCommand.Create(Wrap));
        Add(SchemeCommand.Create(Wrap));
        Add(ClassifyCommand.Create(Wrap));
        Add(RunsCommand.Create(Wrap));
        Add(RunsCommand.CreateExplain(Wrap));
        Add(RunsCommand.CreateCompare(Wrap));
        Add(RunsCommand.CreateExport(Wrap));
        Add(PolicyCommand.Create(Wrap));
        Add(AllocateCommand.Create(Wrap));
        Add(ValueCommand.Create(Wrap));
        Add(DemoCommand.Create(Wrap));
        Add(PoolCommand.Create(Wrap));
        Add(FollowUpsCommand.Create(Wrap));
        Add(InteractionsCommand.Create(Wrap));
        Add(AlertsCommand.Create(Wrap));
        Add(DailyCommand.Create(Wrap));
        Add(UserCommand.Create(Wrap));
        Add(UserCommand.CreateToken(Wrap));
        Add(ServeCommand.Create(Wrap));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"allot: {error.Message}");
            stderr.WriteLine("Try `allot --help`.");
            return 2;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        int code = parsed.Invoke(config);
        return code;
    }

    private static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr, TextReader? stdin, Func<CliContext, int> action)
    {
        bool verbose = parse.GetValue(GlobalOptions.Verbose);
        try
        {
            return action(new CliContext(parse, stdout, stderr, stdin));
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"allot: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is ImportFileException or StoreException or Core.Classification.Schemes.SchemeException
            or Core.Allocation.Policies.PolicyException or Core.Maintenance.RulesException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"allot: {e.Message}");
            if (verbose) stderr.WriteLine(e);
            return 1;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"allot: unexpected error: {e.GetType().Name}: {e.Message}" + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) stderr.WriteLine(e);
            return 1;
        }
    }
}
