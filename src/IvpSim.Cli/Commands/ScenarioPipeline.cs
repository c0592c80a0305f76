using System.Collections.Immutable;
using System.CommandLine;
using IvpSim.Cli.Hosting;
using IvpSim.Cli.Output;
using IvpSim.Data;
using IvpSim.Reporting;
using IvpSim.Reporting.Results;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>
/// What 'run', 'budget' and 'compare' share: read and check every input and output path, run the scenarios on the
/// cluster (several at once: on the same trajectories), assemble each one's report and write it, atomically, with
/// a summary on the console; with several scenarios also their comparison with the first.
/// </summary>
public static class ScenarioPipeline
{
    /// <summary>The folder, beside the scenarios' folders, with their comparison.</summary>
    public const string ComparisonFolder = "vergelijking";

    /// <summary>Without named scenarios this one goes first: every other is compared with it.</summary>
    public const string BaselineId = "baseline";

    /// <param name="compareOnly">'compare': only the comparison, in --out (default out/vergelijking).</param>
    public static async Task<int> ExecuteAsync(IAnsiConsole console, ParseResult parse, CommonOptions options, int? claimYear,
        Action<IAnsiConsole, ScenarioReport> summary, CancellationToken ct, bool compareOnly = false)
    {
        var cluster = options.Cluster.Resolve(parse);
        var named = parse.GetValue(options.Scenarios) ?? [];
        var files = ScenarioFiles.Resolve(named);
        var outRoot = parse.GetValue(options.Out) ?? "out";
        var charts = !parse.GetValue(options.NoCharts);
        // Read and check every input before anything runs or is written.
        var inputs = files.Select(f => ApplyOverrides(ScenarioInputs.Load(f, parse.GetValue(options.Data)), parse, options, claimYear)).ToList();
        var duplicate = inputs.GroupBy(i => i.Scenario.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InputException(duplicate.Last().Scenario.SourceFile, null, "id", $"scenario-id '{duplicate.Key}' komt twee keer voor");
        if (named.Length == 0) inputs = [.. inputs.OrderBy(i => i.Scenario.Id == BaselineId ? 0 : 1)];
        if (compareOnly && inputs.Count < 2) throw new InputException("compare", null, null, "noem minstens twee scenario's om te vergelijken");
        CheckComparable(inputs);
        var single = files.Count == 1 && named.Length > 0;
        var targets = compareOnly ? [] : inputs.ToDictionary(i => i.Scenario.Id, i => single ? outRoot : Path.Combine(outRoot, i.Scenario.Id));
        var comparison = compareOnly
            ? parse.GetResult(options.Out) is { Implicit: false } ? outRoot : Path.Combine(outRoot, ComparisonFolder)
            : Path.Combine(outRoot, ComparisonFolder);
        foreach (var t in targets.Values) OutputFolder.EnsureWritable(t);
        if (inputs.Count > 1) OutputFolder.EnsureWritable(comparison);

        var precision = Precision(parse, options);
        // The folder the checkpoint of a finished run goes into, and where it is kept while the run goes on.
        var finalFolder = compareOnly || inputs.Count > 1 ? comparison : targets[inputs[0].Scenario.Id];
        var identity = RunIdentity.Of(inputs, precision);
        var checkpointFile = single || compareOnly
            ? Path.GetFullPath(finalFolder) + RunCheckpoints.PendingSuffix
            : Path.Combine(Path.GetFullPath(outRoot), RunCheckpoints.PendingName);

        await using var host = await cluster.StartAsync(ct);
        if (host is RemoteCluster) console.MarkupLine($"Cluster: {Markup.Escape(host.Description)}");
        var checkpoints = new RunCheckpoints(host.Client.ServiceProvider.GetRequiredService<Orleans.Serialization.Serializer>());
        var checkpointKey = host is RemoteCluster ? RunCheckpoints.RedisKey(cluster.ClusterId, identity, checkpointFile) : checkpointFile;
        var request = new Contracts.CompareRequest([.. inputs.Select(i => ScenarioRunner.Request(i, precision))], identity, checkpointKey);
        request = checkpoints.Start(request, parse.GetValue(options.Resume), parse.GetValue(options.Extend), host is RemoteCluster, inputs[0].Scenario.Run.Runs);
        if (request.From is { } from)
            console.MarkupLine($"Verder vanaf de tussenstand: {Reporting.DutchFormat.Number(from.Trajectories)} trajecten al gerekend.");
        else if (request.Start == Contracts.RunStart.Stored)
            console.MarkupLine("Verder vanaf de tussenstand in het cluster …");
        var outcome = await RunWithProgress(console, host.Client, inputs, request, host is RemoteCluster, ct);
        var facts = precision is null ? null : PrecisionFacts.Of(precision, [.. outcome.Scenarios.Select(s => s.Aggregate)], outcome.Paired);
        if (facts is not null && precision is not null)
        {
            // The run went on until it was precise enough: its reports say how many trajectories that took.
            inputs = [.. inputs.Select(i => i with { Scenario = i.Scenario with { Run = i.Scenario.Run with { Runs = (int)facts.Trajectories } } })];
            console.MarkupLine(facts.Reached
                ? $"Precisie bereikt: {Reporting.DutchFormat.Number(facts.Trajectories)} trajecten, grootste standaardfout {Reporting.DutchFormat.Number(facts.LargestError, 4)} (doel ≤ {Reporting.DutchFormat.Number(precision.MaxError, 4)})."
                : $"[yellow]Precisie niet bereikt[/] binnen --max-runs {Reporting.DutchFormat.Number(precision.MaxRuns)}: grootste standaardfout {Reporting.DutchFormat.Number(facts.LargestError, 4)} (doel ≤ {Reporting.DutchFormat.Number(precision.MaxError, 4)}).");
        }
        var reports = inputs.Select((input, k) => Reports.From(input, outcome.Scenarios[k], host.Description, facts)).ToImmutableArray();
        var created = DateTime.Now;
        // The finished run's checkpoint goes with its output (one scenario: its folder; several: the comparison), for --extend.
        var finished = RunCheckpoints.Finished(identity, outcome);
        foreach (var report in compareOnly ? [] : reports)
        {
            var folder = targets[report.Id];
            OutputFolder.Write(folder, f =>
            {
                ReportFiles.WriteScenario(f, report, charts, created);
                if (inputs.Count == 1) checkpoints.Save(f, finished);
            });
            summary(console, report);
            console.MarkupLine($"Resultaten: [link]{Markup.Escape(Path.GetFullPath(folder))}[/]");
            console.WriteLine();
        }
        if (reports.Length > 1)
        {
            var compared = ComparisonReport.Build(reports, outcome.Paired);
            OutputFolder.Write(comparison, f => { ReportFiles.WriteComparison(f, compared, charts, created); checkpoints.Save(f, finished); });
            ComparisonSummary.Write(console, compared);
            console.MarkupLine($"Vergelijking van de scenario's: [link]{Markup.Escape(Path.GetFullPath(Path.Combine(comparison, ReportFiles.ReportFile)))}[/]");
        }
        ShockNotice.Write(console, inputs[0].National);
        // Everything is written, with the finished run's checkpoint: the pending one beside the output is no longer needed.
        if (host is not RemoteCluster) File.Delete(checkpointFile);
        return 0;
    }

    /// <summary>Scenarios run together share their trajectories: one seed and one number of runs.</summary>
    internal static void CheckComparable(IReadOnlyList<ScenarioInputs> inputs)
    {
        var first = inputs[0].Scenario.Run;
        var other = inputs.Skip(1).FirstOrDefault(i => i.Scenario.Run.Seed != first.Seed || i.Scenario.Run.Runs != first.Runs);
        if (other is null) return;
        throw new InputException(other.Scenario.SourceFile, null, "run",
            $"seed {other.Scenario.Run.Seed} en {other.Scenario.Run.Runs} trajecten, maar {inputs[0].Scenario.Id} heeft seed {first.Seed} en " +
            $"{first.Runs}: scenario's die samen draaien delen hun trajecten; geef --seed en --runs op, of draai ze apart");
    }

    internal static ScenarioInputs ApplyOverrides(ScenarioInputs inputs, ParseResult parse, CommonOptions options, int? claimYear)
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

    private static Model.Simulation.PrecisionGoal? Precision(ParseResult parse, CommonOptions options)
    {
        if (parse.GetValue(options.Precision) is not { } precision) return null;
        if (precision is <= 0 or >= 0.5) throw new InputException("--precision", null, null, "moet tussen 0 en 0,5 liggen (een standaardfout, bv. 0.005)");
        var max = parse.GetValue(options.MaxRuns);
        if (max is < 1 or > 100_000_000) throw new InputException("--max-runs", null, null, "moet tussen 1 en 100.000.000 liggen");
        return new(precision, max);
    }

    private static Task<Contracts.CompareOutcome> RunWithProgress(IAnsiConsole console, IClusterClient client,
        IReadOnlyList<ScenarioInputs> inputs, Contracts.CompareRequest request, bool reattach, CancellationToken ct)
    {
        var label = inputs.Count <= 2 ? string.Join(" + ", inputs.Select(i => i.Scenario.Id)) : $"{inputs.Count} scenario's";
        var runs = inputs[0].Scenario.Run.Runs;
        if (!console.Profile.Capabilities.Interactive)
            console.MarkupLine($"Scenario [bold]{Markup.Escape(label)}[/]: {Reporting.DutchFormat.Number(runs)} trajecten …");
        return ProgressDisplay.Show(console, label, runs, onProgress => ScenarioRunner.CompareAsync(client, request, onProgress, reattach, ct));
    }
}
