using System.CommandLine;
using IvpSim.Cli.Hosting;
using IvpSim.Cli.Output;
using IvpSim.Data;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>
/// What 'run' and 'budget' share: read and check every input, run each scenario on the local cluster, write its
/// folder atomically, print a summary; with several scenarios also a comparison chart.
/// </summary>
public static class ScenarioPipeline
{
    public static async Task<int> ExecuteAsync(IAnsiConsole console, ParseResult parse, CommonOptions options, int? claimYear,
        Action<IAnsiConsole, ScenarioResult> summary, CancellationToken ct)
    {
        var cluster = options.Cluster.Resolve(parse);
        var files = ScenarioFiles.Resolve(parse.GetValue(options.Scenarios) ?? []);
        var outRoot = parse.GetValue(options.Out) ?? "out";
        var charts = !parse.GetValue(options.NoCharts);
        // Read and check every input before anything runs or is written.
        var inputs = files.Select(f => ApplyOverrides(ScenarioInputs.Load(f, parse.GetValue(options.Data)), parse, options, claimYear)).ToList();
        var duplicate = inputs.GroupBy(i => i.Scenario.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InputException(duplicate.Last().Scenario.SourceFile, null, "id", $"scenario-id '{duplicate.Key}' komt twee keer voor");
        var single = files.Count == 1 && parse.GetValue(options.Scenarios) is { Length: > 0 };
        var targets = inputs.ToDictionary(i => i.Scenario.Id, i => single ? outRoot : Path.Combine(outRoot, i.Scenario.Id));
        var comparison = Path.Combine(outRoot, ComparisonFolder);
        foreach (var t in targets.Values) OutputFolder.EnsureWritable(t);
        if (inputs.Count > 1) OutputFolder.EnsureWritable(comparison);

        await using var host = await cluster.StartAsync(ct);
        if (host is RemoteCluster) console.MarkupLine($"Cluster: {Markup.Escape(host.Description)}");
        var results = new List<ScenarioResult>();
        foreach (var input in inputs)
        {
            var outcome = await RunWithProgress(console, host.Client, input, ct);
            var result = ScenarioResult.From(input, outcome, host.Description);
            OutputFolder.Write(targets[input.Scenario.Id], folder => result.WriteTo(folder, charts));
            summary(console, result);
            console.MarkupLine($"Resultaten: [link]{Markup.Escape(Path.GetFullPath(targets[input.Scenario.Id]))}[/]");
            console.WriteLine();
            results.Add(result);
        }
        if (results.Count > 1 && charts)
        {
            OutputFolder.Write(comparison, folder => ScenarioComparison.Write(folder, results));
            console.MarkupLine($"Vergelijking van de scenario's: [link]{Markup.Escape(Path.GetFullPath(comparison))}[/]");
        }
        return 0;
    }

    /// <summary>The folder, beside the scenarios' folders, with charts that compare them.</summary>
    public const string ComparisonFolder = "vergelijking";

    private static ScenarioInputs ApplyOverrides(ScenarioInputs inputs, ParseResult parse, CommonOptions options, int? claimYear)
    {
        var run = inputs.Scenario.Run;
        var runs = parse.GetValue(options.Runs) ?? run.Runs;
        var batch = parse.GetValue(options.BatchSize) ?? run.BatchSize;
        if (runs is < 1 or > 100_000_000) throw new InputException("--runs", null, null, "moet tussen 1 en 100.000.000 liggen");
        if (batch is < 1) throw new InputException("--batch-size", null, null, "moet minstens 1 zijn");
        run = run with { Runs = runs, Seed = parse.GetValue(options.Seed) ?? run.Seed, BatchSize = batch };
        var budget = claimYear is { } year ? inputs.Scenario.Budget with { ClaimYear = year } : inputs.Scenario.Budget;
        return inputs with { Scenario = inputs.Scenario with { Run = run, Budget = budget } };
    }

    private static Task<Contracts.RunOutcome> RunWithProgress(IAnsiConsole console, IClusterClient client,
        ScenarioInputs input, CancellationToken ct)
    {
        if (!console.Profile.Capabilities.Interactive)
            console.MarkupLine($"Scenario [bold]{Markup.Escape(input.Scenario.Id)}[/]: {Reporting.DutchFormat.Number(input.Scenario.Run.Runs)} trajecten …");
        return ProgressDisplay.Show(console, input.Scenario.Id, input.Scenario.Run.Runs,
            onProgress => ScenarioRunner.RunAsync(client, input, onProgress, ct));
    }
}
