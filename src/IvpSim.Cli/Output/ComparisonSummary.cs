using IvpSim.Model.Comparison;
using IvpSim.Model.Domain;
using IvpSim.Reporting;
using IvpSim.Reporting.Results;
using Spectre.Console;

namespace IvpSim.Cli.Output;

/// <summary>The comparison in the terminal: per target each scenario's chance, and against the first its gain and how often it ends better.</summary>
public static class ComparisonSummary
{
    public static void Write(IAnsiConsole console, ComparisonReport report)
    {
        var first = report.First;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]Vergelijking met {Markup.Escape(first.Scenario.NameNl)}[/] ({DutchFormat.Number(first.Scenario.Run.Runs)} trajecten, " +
                   $"seed {first.Scenario.Run.Seed}, dezelfde trajecten)")
            .AddColumn("Gemeente").AddColumn("Doel");
        foreach (var s in report.Scenarios) table.AddColumn(new TableColumn(Markup.Escape(s.Id)).RightAligned());
        foreach (var target in first.Targets)
        {
            var t = target.Target;
            var info = Indicators.Get(t.Indicator);
            var decimals = info.Kind == IndicatorKind.Score ? 1 : 0;
            var cells = new List<string>
            {
                Regions.Get(t.Region).NameNl,
                Markup.Escape($"{info.ShortLabelNl} {(t.Operator == Model.Targets.TargetOperator.AtMost ? "≤" : "≥")} {DutchFormat.Number(t.Value, decimals)}"),
            };
            foreach (var s in report.Scenarios)
            {
                var row = report.Row(s.Id, t);
                cells.Add(row is null ? "-" : Cell(row, s == first));
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        console.MarkupLine("[grey]Per scenario de kans dat het doel gehaald wordt; daaronder het verschil met het eerste scenario op dezelfde " +
            "trajecten (procentpunten, ± standaardfout) en in hoeveel van de trajecten het scenario beter uitkomt.[/]");
    }

    private static string Cell(ComparisonRow row, bool isFirst)
    {
        var chance = DutchFormat.Percent(row.Outcome.PMeet);
        if (isFirst || row.DeltaVsFirst is not { } delta || row.DeltaSe is not { } se || row.PBetterThanFirst is not { } better) return chance;
        return Markup.Escape($"{chance}\n{(delta >= 0 ? "+" : "−")}{DutchFormat.Number(Math.Abs(delta) * 100, 1)} pp (±{DutchFormat.Number(se * 100, 1)})\n" +
            $"beter in {DutchFormat.Percent(better)}");
    }
}
