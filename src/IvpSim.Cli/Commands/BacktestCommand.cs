using System.CommandLine;
using System.Text.RegularExpressions;
using IvpSim.Cli.Output;
using IvpSim.Data;
using IvpSim.Model.Backtest;
using IvpSim.Reporting;
using IvpSim.Reporting.Charts;
using IvpSim.Reporting.Csv;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>
/// <c>backtest [--data FILE] --fit-until 2018 [--horizon 1..5] [--out DIR]</c>: how good would the baseline model have
/// been? Fits on the years up to the cut and scores the forecasts of the years after it against two naive methods.
/// </summary>
public static partial class BacktestCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Option<string?>("--scenario") { Description = "Scenario waarvan modelinstellingen en gegevens gebruikt worden (standaard: scenarios/baseline.yaml)" };
        var data = new Option<string?>("--data") { Description = "Nieuwere gegevens (lange CSV) over die van het scenario heen" };
        var fitUntil = new Option<int>("--fit-until") { Description = "Laatste jaar dat het model mag zien", Required = true };
        var horizon = new Option<string>("--horizon") { Description = "Horizon in jaren na de grens: 1, of een bereik zoals 1..5", DefaultValueFactory = _ => "1" };
        var outOption = new Option<string>("--out", "-o") { Description = "Uitvoermap (standaard: out/backtest)", DefaultValueFactory = _ => Path.Combine("out", "backtest") };
        var runs = new Option<int>("--runs", "-n") { Description = "Monte Carlo-trajecten per reeks", DefaultValueFactory = _ => 4000 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "Startwaarde van de toevalsgenerator", DefaultValueFactory = _ => 2020 };
        var command = new Command("backtest", "Toets de prognoses achteraf: fit tot een jaar, voorspel de jaren erna, vergelijk met naïeve methoden");
        foreach (var o in new Option[] { scenario, data, fitUntil, horizon, outOption, runs, seed }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var (minH, maxH) = ParseHorizon(parse.GetValue(horizon)!);
            if (parse.GetValue(runs) < 100) throw new InputException("--runs", null, null, "moet minstens 100 zijn");
            var scenarioFile = parse.GetValue(scenario) ?? Path.Combine(ScenarioFiles.DefaultFolder(), "baseline.yaml");
            var inputs = ScenarioInputs.Load(scenarioFile, parse.GetValue(data));
            var cut = parse.GetValue(fitUntil);
            var outDir = parse.GetValue(outOption)!;
            OutputFolder.EnsureWritable(outDir);
            var rows = Backtester.Run(inputs.Observations, cut, minH, maxH, inputs.Scenario.Model, parse.GetValue(seed), parse.GetValue(runs));
            var summary = Backtester.Summarize(rows);
            OutputFolder.Write(outDir, folder =>
            {
                File.WriteAllText(Path.Combine(folder, "backtest.csv"), BacktestCsv.Format(rows));
                var d = inputs.Scenario.Data;
                File.WriteAllText(Path.Combine(folder, "run.txt"),
                    $"data_file: {d.Observations}\ndata_sha256: {FileChecksum.Sha256(d.Observations)}\n" +
                    (d.BaseObservations is { } b ? $"data_overlays: {b} (sha256 {FileChecksum.Sha256(b)})\n" : "") +
                    $"fit_until: {cut}\nhorizon: {minH}..{maxH}\nruns: {parse.GetValue(runs)}\nseed: {parse.GetValue(seed)}\n" +
                    $"calibration_years: {string.Join(",", inputs.Observations.Items.Select(o => o.Year).Where(y => y <= cut).Distinct().Order())}\n" +
                    $"scenario_file: {inputs.Scenario.SourceFile}\n");
                File.WriteAllText(Path.Combine(folder, "backtest-summary.csv"), BacktestCsv.Format(summary));
                BacktestChart.Save([.. summary.Where(s => s.Region == "*")], $"Backtest: fit t/m {cut}, horizon {minH}-{maxH}",
                    Path.Combine(folder, "backtest.png"));
            });
            Print(console, rows, summary, cut, minH, maxH, inputs.Scenario.Data.Observations);
            console.MarkupLine($"Resultaten: [link]{Markup.Escape(Path.GetFullPath(outDir))}[/]");
            return 0;
        });
        return command;
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

    private static void Print(IAnsiConsole console, IReadOnlyList<BacktestRow> rows, IReadOnlyList<BacktestScore> summary,
        int cut, int minH, int maxH, string dataFile)
    {
        var methods = summary.Where(s => s.Region == "*").Select(s => s.Method).ToArray();
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]Backtest[/]: gefit t/m {cut}, horizon {minH}-{maxH} jaar ({Markup.Escape(Path.GetFileName(dataFile))})")
            .AddColumn("Indicator (alle regio's)").AddColumn("Methode")
            .AddColumn(new TableColumn("Prognoses").RightAligned())
            .AddColumn(new TableColumn("Dekking 50%").RightAligned())
            .AddColumn(new TableColumn("Dekking 90%").RightAligned())
            .AddColumn(new TableColumn("MAPE mediaan").RightAligned())
            .AddColumn(new TableColumn("CRPS").RightAligned());
        var groups = rows.GroupBy(r => r.Indicator)
            .Select(g => (Label: Markup.Escape(Model.Domain.Indicators.Get(g.Key).ShortLabelNl), Rows: g.ToArray()))
            .Append((Label: "[bold]Alles[/]", Rows: rows.ToArray())).ToArray();
        for (var i = 0; i < groups.Length; i++)
        {
            foreach (var m in methods)
            {
                var s = Backtester.Score("*", "*", m, [.. groups[i].Rows.Where(r => r.Method == m)]);
                table.AddRow(m == methods[0] ? groups[i].Label : "", m, DutchFormat.Number(s.Forecasts),
                    DutchFormat.Percent(s.Coverage50), DutchFormat.Percent(s.Coverage90),
                    s.Mape is { } mape ? DutchFormat.Number(mape, 1) + "%" : "-", DutchFormat.Number(s.Crps, 1));
            }
            if (i < groups.Length - 1) table.AddEmptyRow();
        }
        console.Write(table);
        console.MarkupLine("[grey]Dekking: aandeel waarnemingen binnen het 50%- en 90%-interval (ideaal 50% en 90%). " +
            "MAPE: gemiddelde absolute procentuele fout van de mediaan. CRPS: fout van de hele verdeling (lager is beter).[/]");
    }

    [GeneratedRegex(@"^(\d+)(?:\.\.(\d+))?$")]
    private static partial Regex HorizonPattern();
}
