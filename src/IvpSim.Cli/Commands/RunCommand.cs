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
        command.SetAction((parse, ct) => ExecuteAsync(console, parse, options, scenarios, outOption, noCharts, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(IAnsiConsole console, ParseResult parse, CommonOptions options,
        Argument<string[]> scenarios, Option<string> outOption, Option<bool> noCharts, CancellationToken ct)
    {
        var files = ScenarioFiles.Resolve(parse.GetValue(scenarios) ?? []);
        var outRoot = parse.GetValue(outOption) ?? "out";
        // Read and check every input before anything runs or is written.
        var inputs = files.Select(f => ApplyOverrides(ScenarioInputs.Load(f, parse.GetValue(options.Data)), parse, options)).ToList();
        var duplicate = inputs.GroupBy(i => i.Scenario.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InputException(duplicate.Last().Scenario.SourceFile, null, "id", $"scenario-id '{duplicate.Key}' komt twee keer voor");
        var targets = inputs.ToDictionary(i => i.Scenario.Id,
            i => files.Count == 1 && parse.GetValue(scenarios) is { Length: > 0 } ? outRoot : Path.Combine(outRoot, i.Scenario.Id));
        foreach (var t in targets.Values) OutputFolder.EnsureWritable(t);

        await using var cluster = await LocalCluster.StartAsync(ct);
        foreach (var input in inputs)
        {
            var outcome = await RunWithProgress(console, cluster.Client, input, ct);
            var result = ScenarioResult.From(input, outcome);
            OutputFolder.Write(targets[input.Scenario.Id], folder => result.WriteTo(folder, !parse.GetValue(noCharts)));
            SummaryTable.Write(console, result);
            console.MarkupLine($"Resultaten: [link]{Markup.Escape(Path.GetFullPath(targets[input.Scenario.Id]))}[/]");
            console.WriteLine();
        }
        return 0;
    }

    private static ScenarioInputs ApplyOverrides(ScenarioInputs inputs, ParseResult parse, CommonOptions options)
    {
        var run = inputs.Scenario.Run;
        var runs = parse.GetValue(options.Runs) ?? run.Runs;
        var batch = parse.GetValue(options.BatchSize) ?? run.BatchSize;
        if (runs < 1) throw new InputException("--runs", null, null, "moet minstens 1 zijn");
        if (batch < 1) throw new InputException("--batch-size", null, null, "moet minstens 1 zijn");
        run = run with { Runs = runs, Seed = parse.GetValue(options.Seed) ?? run.Seed, BatchSize = batch };
        return inputs with { Scenario = inputs.Scenario with { Run = run } };
    }

    private static async Task<Contracts.RunOutcome> RunWithProgress(IAnsiConsole console, IClusterClient client,
        ScenarioInputs input, CancellationToken ct)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            console.MarkupLine($"Scenario [bold]{Markup.Escape(input.Scenario.Id)}[/]: {Reporting.DutchFormat.Number(input.Scenario.Run.Runs)} trajecten …");
            return await ScenarioRunner.RunAsync(client, input, null, ct);
        }
        Contracts.RunOutcome? outcome = null;
        await console.Progress().StartAsync(async ctx =>
        {
            var task = ctx.AddTask($"{input.Scenario.Id}: kalibreren", maxValue: input.Scenario.Run.Runs);
            outcome = await ScenarioRunner.RunAsync(client, input, p =>
            {
                task.Description = $"{input.Scenario.Id}: {p.Phase}";
                task.Value = p.CompletedTrajectories;
            }, ct);
            task.Value = task.MaxValue;
        });
        return outcome!;
    }
}
