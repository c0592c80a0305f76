using System.CommandLine;
using IvpSim.Cli.Output;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>
/// <c>compare a.yaml b.yaml …</c>: the scenarios on the same trajectories, each target compared with the first
/// scenario: comparison.csv, report.html and the table in the terminal.
/// </summary>
public static class CompareCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var options = new CommonOptions();
        var command = new Command("compare",
            "Vergelijk scenario's op dezelfde trajecten met het eerste: kans per doel, verschil (± standaardfout), hoe vaak beter; " +
            "schrijft comparison.csv en report.html (standaard in out/vergelijking). Zonder scenario's: alle, tegen baseline");
        options.AddScenarioRunTo(command);
        command.SetAction((parse, ct) => ScenarioPipeline.ExecuteAsync(console, parse, options, null, (_, _) => { }, ct, compareOnly: true));
        return command;
    }
}
