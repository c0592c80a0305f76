using System.CommandLine;
using IvpSim.Cli.Hosting;
using IvpSim.Cli.Output;
using IvpSim.Data;
using IvpSim.Reporting;
using IvpSim.Reporting.Charts;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>
/// <c>sensitivity a.yaml [b.yaml …]</c>: per target of the first scenario the uncertain inputs ranked by their
/// influence, with tornado charts; with several scenarios also the value of knowing each input before choosing.
/// </summary>
public static class SensitivityCommand
{
    public const int DefaultRuns = 100_000;

    /// <summary>A value of information below this (in chance) changes no choice worth naming.</summary>
    public const double ChoiceUnchanged = 0.0005;

    public static Command Create(IAnsiConsole console)
    {
        var options = new CommonOptions();
        var command = new Command("sensitivity",
            "Welke onzekere invoer beslist of een doel gehaald wordt (effect van elke maatregel, modelstructuur, niveau en ontwikkeling " +
            "zonder maatregelen, toeval): sensitivity.csv, tornado's en report.html (standaard in out/gevoeligheid). Met meer scenario's ook " +
            "de waarde van informatie: hoeveel beter de keuze wordt als een invoer vooraf bekend is (value-of-information.csv)");
        command.Arguments.Add(options.Scenarios);
        options.Scenarios.Arity = ArgumentArity.OneOrMore;
        command.Options.Add(options.Runs);
        command.Options.Add(options.Seed);
        command.Options.Add(options.Data);
        command.Options.Add(options.Out);
        command.Options.Add(options.NoCharts);
        options.Cluster.AddTo(command);
        options.Runs.Description = $"Aantal trajecten (standaard {DutchFormat.Number(DefaultRuns)}: de invloed wordt uit dezelfde trajecten geschat)";
        options.Out.Description = "Uitvoermap (standaard: out/gevoeligheid)";
        command.SetAction((parse, ct) => ExecuteAsync(console, parse, options, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(IAnsiConsole console, ParseResult parse, CommonOptions options, CancellationToken ct)
    {
        var cluster = options.Cluster.Resolve(parse);
        var files = ScenarioFiles.Resolve(parse.GetValue(options.Scenarios) ?? []);
        var outFolder = parse.GetResult(options.Out) is { Implicit: false } ? parse.GetValue(options.Out)! : Path.Combine("out", "gevoeligheid");
        var charts = !parse.GetValue(options.NoCharts);
        var runs = parse.GetValue(options.Runs) ?? DefaultRuns;
        if (runs < 2 * Model.Analysis.SensitivityAnalysis.PilotTrajectories)
            throw new InputException("--runs", null, null, $"moet minstens {DutchFormat.Number(2 * Model.Analysis.SensitivityAnalysis.PilotTrajectories)} zijn voor een gevoeligheidsanalyse");
        var inputs = files.Select(f => ScenarioPipeline.ApplyOverrides(ScenarioInputs.Load(f, parse.GetValue(options.Data)), parse, options, null))
            .Select(i => i with { Scenario = i.Scenario with { Run = i.Scenario.Run with { Runs = runs } } }).ToList();
        ScenarioPipeline.CheckComparable(inputs);
        var first = inputs[0];
        var differing = inputs.Skip(1).FirstOrDefault(i => !i.Targets.SequenceEqual(first.Targets));
        if (differing is not null)
            throw new InputException(differing.Scenario.SourceFile, null, "targets", $"andere doelen dan {first.Scenario.Id}: de waarde van informatie vraagt dezelfde doelen");
        OutputFolder.EnsureWritable(outFolder);

        await using var host = await cluster.StartAsync(ct);
        var request = new Contracts.CompareRequest([.. inputs.Select(i => ScenarioRunner.Request(i))]);
        var label = string.Join(" + ", inputs.Select(i => i.Scenario.Id));
        if (!console.Profile.Capabilities.Interactive)
            console.MarkupLine($"Gevoeligheid [bold]{Markup.Escape(label)}[/]: {DutchFormat.Number(runs)} trajecten …");
        var result = await ProgressDisplay.Show(console, label, runs, onProgress => ScenarioRunner.AnalyseAsync(host.Client, request, onProgress, ct));
        OutputFolder.Write(outFolder, f => ReportFiles.WriteSensitivity(f, result, first.Scenario.NameNl, first.Scenario.Run.Seed, charts, DateTime.Now));
        Summary(console, result);
        console.MarkupLine($"Resultaten: [link]{Markup.Escape(Path.GetFullPath(outFolder))}[/]");
        return 0;
    }

    private static void Summary(IAnsiConsole console, Model.Analysis.SensitivityResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Wat het meest beslist (top 3 per doel: de kans het te halen; per claim: het bedrag)");
        table.AddColumns("Doel", "Kans", "Invoer", "Evidentie", "Invloed", "Bij P10 / P90");
        foreach (var target in result.Rows.GroupBy(r => r.Target))
        {
            var firstRow = true;
            foreach (var r in TornadoChart.Top(target).Take(3))
            {
                var claim = TornadoChart.IsClaim(r);
                table.AddRow(firstRow ? Markup.Escape(Reporting.Html.SensitivityHtml.Title(r)) : "", firstRow && !claim ? DutchFormat.Percent(r.PMeet) : "",
                    Markup.Escape(r.LabelNl), TornadoChart.Weak(r.Evidence) ? $"[yellow]{Markup.Escape(r.Evidence)}[/]" : Markup.Escape(r.Evidence),
                    DutchFormat.Number(Math.Max(0, claim ? r.Index : r.MeetIndex), 3),
                    claim ? $"€ {DutchFormat.Number(r.ValueLow)} / € {DutchFormat.Number(r.ValueHigh)}" : $"{DutchFormat.Percent(r.PMeetLow)} / {DutchFormat.Percent(r.PMeetHigh)}");
                firstRow = false;
            }
        }
        console.Write(table);
        if (result.Information.Count == 0) return;
        var voi = new Table().Border(TableBorder.Rounded).Title($"Waarde van informatie bij de keuze tussen {Markup.Escape(string.Join(", ", result.Scenarios))}");
        voi.AddColumns("Doel", "Invoer", "Beste keuze nu", "Winst als vooraf bekend");
        foreach (var target in result.Information.GroupBy(r => r.Target))
        {
            var r = target.First();
            // Below a twentieth of a point nothing that could be learned would change the choice: say so rather than list zeros.
            if (r.Value < ChoiceUnchanged)
                voi.AddRow(Markup.Escape(r.Target), "[grey]geen: de beste keuze blijft dezelfde, wat de invoer ook blijkt te zijn[/]",
                    $"{Markup.Escape(r.BestScenario)} ({DutchFormat.Percent(r.PBest)})", "0 pp");
            else
                voi.AddRow(Markup.Escape(r.Target), Markup.Escape(r.LabelNl), $"{Markup.Escape(r.BestScenario)} ({DutchFormat.Percent(r.PBest)})",
                    $"{DutchFormat.Number(r.Value * 100, 1)} pp ± {DutchFormat.Number(r.ValueSe * 100, 1)}");
        }
        console.Write(voi);
    }
}
