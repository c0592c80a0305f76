using System.CommandLine;
using IvpSim.Cli.Output;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary><c>run [scenario …]</c>: projects every indicator to 2024 and evaluates the targets.</summary>
public static class RunCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var options = new CommonOptions();
        var command = new Command("run", "Projecteer alle indicatoren tot 2024 en bereken de kans dat elk doel gehaald wordt");
        options.AddScenarioRunTo(command);
        command.SetAction((parse, ct) => ScenarioPipeline.ExecuteAsync(console, parse, options, null, SummaryTable.Write, ct));
        return command;
    }
}
