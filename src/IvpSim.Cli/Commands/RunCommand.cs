using System.CommandLine;
using IvpSim.Cli.Hosting;
using IvpSim.Cli.Output;
using IvpSim.Data;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary><c>run [scenario …]</c>: projects every indicator to 2024 and evaluates the targets.</summary>
public static class RunCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var options = new CommonOptions();
        var scenarios = new Argument<string[]>("scenario")
        {
            Description = "Scenariobestand(en) (YAML). Zonder: alle scenario's in scenarios/",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var outOption = new Option<string>("--out", "-o")
        {
            Description = "Uitvoermap (standaard: out). Bij meerdere scenario's komt elk in een eigen submap",
            DefaultValueFactory = _ => "out",
        };
        var noCharts = new Option<bool>("--no-charts") { Description = "Geen grafieken maken (sneller)" };
        var command = new Command("run", "Projecteer alle indicatoren tot 2024 en bereken de kans dat elk doel gehaald wordt");
        command.Arguments.Add(scenarios);
        options.AddTo(command);
        command.Options.Add(outOption);
        command.Options.Add(noCharts);
        command.SetAction((parse, ct) => ScenarioPipeline.ExecuteAsync(console, parse, options, scenarios, outOption, noCharts,
            null, SummaryTable.Write, ct));
        return command;
    }
}
