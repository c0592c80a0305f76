using System.CommandLine;
using IvpSim.Cli.Commands;
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
            await error.WriteLineAsync($"fout: {parse.Errors[0].Message} (zie --help)");
            return InputError;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, ct);
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
        catch (ModelInputException ex)
        {
            await error.WriteLineAsync($"fout: {ex.Message}");
            return InputError;
        }
    }

    private static RootCommand BuildRoot(IAnsiConsole console)
    {
        var root = new RootCommand(
            "IvpSim: scenarioplanner voor het Integraal Veiligheidsplan 2020-2024 van Ermelo, Harderwijk en Putten.\n" +
            "Zonder opdracht: alle standaardscenario's draaien (zoals 'run') en de resultaten in out/ zetten.");
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(BudgetCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(DataCommand.Create(console));
        root.Subcommands.Add(BacktestCommand.Create(console));
        root.Subcommands.Add(CalibrateCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        return root;
    }
}
