using System.CommandLine;
using IvpSim.Cli.Output;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>
/// <c>budget &lt;scenario …&gt; [--year 2022]</c>: the same run as 'run' (same trajectories, same files), with the
/// financial claim per municipality as its summary.
/// </summary>
public static class BudgetCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var options = new CommonOptions();
        var year = new Option<int?>("--year", "-j") { Description = "Jaar van de claim (standaard: budget.claim_year uit het scenario, anders 2022)" };
        var command = new Command("budget", "Bereken de extra kosten per gemeente (P50/P80/P95), wat ze opleveren en de claim voor een jaar");
        options.AddScenarioRunTo(command);
        command.Options.Add(year);
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(year) is { } y && y is < 2020 or > 2024)
                throw new Data.InputException("--year", null, null, $"{y} ligt niet tussen 2020 en 2024");
            return ScenarioPipeline.ExecuteAsync(console, parse, options, parse.GetValue(year), BudgetSummary.Write, ct);
        });
        return command;
    }
}
