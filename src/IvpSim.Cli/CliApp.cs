using System.CommandLine;
using IvpSim.Cli.Commands;
using IvpSim.Cli.Hosting;
using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model;
using Spectre.Console;

namespace IvpSim.Cli;

/// <summary>
/// The command line. Bad input ends with one line on stderr and exit code 2; no stack trace for a user's mistake.
/// </summary>
public static class CliApp
{
    public const int InputError = 2;

    /// <summary>The cluster could not be reached, or lost the run's coordinator.</summary>
    public const int ClusterError = 3;

    /// <summary>Stopped with Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = output == Console.Out && !Console.IsOutputRedirected ? InteractionSupport.Detect : InteractionSupport.No,
            Ansi = output == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
        });
        if (output != Console.Out || Console.IsOutputRedirected) console.Profile.Width = Math.Max(console.Profile.Width, 120);
        var root = BuildRoot(console);
        // No verb (nothing, or only run options): the main job, 'run' on every default scenario.
        var verbs = root.Subcommands.Select(c => c.Name).ToHashSet();
        var isHelp = args is ["--help" or "-h" or "-?" or "--version", ..];
        var parse = root.Parse(args.Length == 0 || (!verbs.Contains(args[0]) && !isHelp && args[0].StartsWith('-')) ? ["run", .. args] : args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"fout: {ParseErrorText.Dutch(parse.Errors[0].Message)} (zie --help)");
            return InputError;
        }
        try
        {
            // ProcessTerminationTimeout null: Program.cs handles Ctrl-C, so a cancelled run ends here with exit code 130.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, ct);
        }
        catch (InputException ex)
        {
            await error.WriteLineAsync($"fout: {ex.Message}");
            return InputError;
        }
        catch (InputProblemsException ex)
        {
            foreach (var problem in ex.Problems) await error.WriteLineAsync($"fout: {problem.Message}");
            return InputError;
        }
        catch (Exception ex) when (ex is ModelInputException or RunInputException)
        {
            await error.WriteLineAsync($"fout: {ex.Message}");
            return InputError;
        }
        catch (ClusterUnavailableException ex)
        {
            await error.WriteLineAsync($"fout: {ex.Message}");
            return ClusterError;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync("afgebroken: er is niets weggeschreven");
            return Cancelled;
        }
    }

    private static RootCommand BuildRoot(IAnsiConsole console)
    {
        var root = new RootCommand(
            "IvpSim: scenarioplanner voor het Integraal Veiligheidsplan 2020-2024 van Ermelo, Harderwijk en Putten.\n" +
            "Zonder opdracht: alle standaardscenario's draaien (zoals 'run') en de resultaten in out/ zetten.");
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(BudgetCommand.Create(console));
        root.Subcommands.Add(CompareCommand.Create(console));
        root.Subcommands.Add(SensitivityCommand.Create(console));
        root.Subcommands.Add(OptimiseCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(DataCommand.Create(console));
        root.Subcommands.Add(BacktestCommand.Create(console));
        root.Subcommands.Add(CalibrateCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(SiloCommand.Create(console));
        return root;
    }
}
