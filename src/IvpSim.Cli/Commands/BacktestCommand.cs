using System.Collections.Immutable;
using System.CommandLine;
using IvpSim.Reporting.Results;
using System.Text.RegularExpressions;
using IvpSim.Cli.Output;
using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Backtest;
using IvpSim.Model.Domain;
using IvpSim.Reporting;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>
/// <c>backtest [--data FILE] [--fit-until Y] [--horizon 1..5] [--out DIR]</c>: how good would the baseline model have
/// been? From every origin (or one), fits on the data as they stood then, forecasts the following years through the
/// run's own projection path and scores the forecasts against naive ones.
/// </summary>
public static partial class BacktestCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Option<string?>("--scenario") { Description = "Scenario waarvan modelinstellingen en gegevens gebruikt worden (standaard: scenarios/baseline.yaml)" };
        var data = new Option<string?>("--data")
        {
            Description = "Andere gegevens: een lange CSV (municipality,indicator,year,value,source; elke regio en reeks mag) komt over die van " +
                "het scenario heen; een corpus (series,kind,label,year,value) vervangt het referentiecorpus",
        };
        var fitUntil = new Option<int?>("--fit-until") { Description = "Eén beginjaar: het laatste jaar dat het model mag zien (standaard: elk beginjaar dat de gegevens toelaten)" };
        var horizon = new Option<string>("--horizon") { Description = "Horizon in jaren na het beginjaar: 1, of een bereik zoals 1..5", DefaultValueFactory = _ => "1..5" };
        var outOption = new Option<string>("--out", "-o") { Description = "Uitvoermap (standaard: out/backtest)", DefaultValueFactory = _ => Path.Combine("out", "backtest") };
        var runs = new Option<int>("--runs", "-n") { Description = "Monte Carlo-trajecten per prognose", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "Startwaarde van de toevalsgenerator", DefaultValueFactory = _ => 2020 };
        var noStructures = new Option<bool>("--no-structures") { Description = "Niet elke modelstructuur ook afzonderlijk toetsen (sneller)" };
        var inSample = new Option<bool>("--in-sample")
        {
            Description = "De meegeleverde kalibratie gebruiken in plaats van per beginjaar opnieuw te leren; die heeft de uitkomsten al gezien, " +
                "dus de scores zijn dan te gunstig (alleen ter vergelijking)",
        };
        var searchDraws = new Option<int>("--search-draws") { Description = "Trajecten per prognose tijdens het leren per beginjaar", DefaultValueFactory = _ => 300 };
        var searches = SearchesOption.Create();
        var command = new Command("backtest",
            "Toets de prognoses vooruit in de tijd: per beginjaar de constanten leren uit wat toen bekend was, de jaren erna voorspellen, vergelijken met naïeve methoden");
        foreach (var o in new Option[] { scenario, data, fitUntil, horizon, outOption, runs, seed, noStructures, inSample, searchDraws, searches }) command.Options.Add(o);
        var cluster = new ClusterCommandOptions();
        cluster.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var target = cluster.Resolve(parse);
            var (minH, maxH) = ParseHorizon(parse.GetValue(horizon)!);
            if (parse.GetValue(runs) < 100) throw new InputException("--runs", null, null, "moet minstens 100 zijn");
            var scenarioFile = parse.GetValue(scenario) ?? Path.Combine(ScenarioFiles.DefaultFolder(), "baseline.yaml");
            var dataFile = parse.GetValue(data);
            var corpusData = dataFile is not null && ReferenceCorpusCsv.HasHeader(dataFile);
            var inputs = ScenarioInputs.Load(scenarioFile, corpusData ? null : dataFile, anyIndicator: true);
            var corpus = corpusData ? ReferenceCorpusCsv.Read(dataFile!) : inputs.Corpus;
            var outDir = parse.GetValue(outOption)!;
            OutputFolder.EnsureWritable(outDir);
            if (parse.GetValue(searchDraws) < 50) throw new InputException("--search-draws", null, null, "moet minstens 50 zijn");
            var options = new BacktestOptions(parse.GetValue(fitUntil) is { } cut ? [cut] : [], minH, maxH, parse.GetValue(runs),
                parse.GetValue(seed), !parse.GetValue(noStructures), !parse.GetValue(inSample), parse.GetValue(searchDraws),
                SearchesOption.Value(parse, searches));
            if (options.Forward)
                console.MarkupLine("[grey]Vooruit in de tijd: per beginjaar worden de prognoseconstanten opnieuw geleerd uit de uitkomsten tot dat jaar …[/]");
            var request = new BacktestRequest(new BacktestInputs(inputs.Observations, inputs.Population, corpus, inputs.National, inputs.Scenario.Model), options);
            BacktestResult result;
            await using (var host = await target.StartAsync(ct))
            {
                result = await BacktestProgress.Follow(console, host.Client.GetGrain<IBacktestGrain>($"backtest-{Guid.NewGuid():N}"), request, ct);
            }
            var rows = result.Rows;
            var summary = BacktestSummary.Summarize(rows);
            var byOrigin = BacktestSummary.ByOrigin(rows);
            var afterShock = BacktestSummary.AfterShock(rows);
            var origins = rows.Select(r => r.FitUntil).Distinct().Order().ToArray();
            var manifest = Manifest(inputs, dataFile, corpusData, origins, minH, maxH, options);
            OutputFolder.Write(outDir, folder => ReportFiles.WriteBacktest(folder, rows, summary, byOrigin, afterShock, result.SharedOutcomes, result.Learned, manifest));
            BacktestTable.Print(console, summary, origins, minH, maxH, options.Forward);
            BacktestTable.PrintByOrigin(console, byOrigin);
            BacktestTable.PrintSharedOutcomes(console, result.SharedOutcomes);
            BacktestTable.PrintAfterShock(console, afterShock);
            LearnedTable.Print(console, result.Learned);
            SmallCountsNote.Print(console, result.SmallCounts);
            console.MarkupLine($"Resultaten: [link]{Markup.Escape(Path.GetFullPath(outDir))}[/]");
            return 0;
        });
        return command;
    }

    private static string Manifest(ScenarioInputs inputs, string? dataFile, bool corpusData, int[] origins, int minH, int maxH, BacktestOptions options)
    {
        var d = inputs.Scenario.Data;
        var lines = new List<string>
        {
            $"scenario_file: {inputs.Scenario.SourceFile}",
            $"data_file: {d.Observations}", $"data_sha256: {FileChecksum.Sha256(d.Observations)}",
        };
        if (d.BaseObservations is { } b) lines.Add($"data_overlays: {b} (sha256 {FileChecksum.Sha256(b)})");
        var corpus = corpusData ? dataFile : d.Reference;
        lines.Add(corpus is null ? "reference_corpus: (geen)" : $"reference_corpus: {Path.GetFullPath(corpus)} (sha256 {FileChecksum.Sha256(corpus)})");
        lines.Add(d.Calibration is null ? "forecast_calibration: (geen)" : $"forecast_calibration: {d.Calibration} (sha256 {FileChecksum.Sha256(d.Calibration)})");
        lines.Add($"origins: {string.Join(",", origins)}");
        lines.Add($"horizon: {minH}..{maxH}");
        lines.Add($"runs: {options.Draws}");
        lines.Add($"seed: {options.Seed}");
        lines.Add(options.Forward
            ? $"evaluation: vooruit in de tijd (constanten en gewichten per beginjaar geleerd uit uitkomsten tot dat jaar; {options.SearchDraws} trajecten tijdens het leren, mediaan van {options.Searches} zoektochten)"
            : "evaluation: in de steekproef (meegeleverde kalibratie; heeft de uitkomsten gezien)");
        return string.Join('\n', lines) + "\n";
    }

    private static (int Min, int Max) ParseHorizon(string text)
    {
        var m = HorizonPattern().Match(text.Trim());
        if (!m.Success) throw new InputException("--horizon", null, null, $"'{text}' moet een getal (1) of een bereik (1..5) zijn");
        var min = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var max = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : min;
        if (min < 1 || max < min || max > 10) throw new InputException("--horizon", null, null, $"'{text}': 1 ≤ van ≤ tot ≤ 10");
        return (min, max);
    }

    [GeneratedRegex(@"^(\d+)(?:\.\.(\d+))?$")]
    private static partial Regex HorizonPattern();
}
