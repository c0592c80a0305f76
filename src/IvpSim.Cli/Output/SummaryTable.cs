using IvpSim.Model.Domain;
using IvpSim.Reporting;
using IvpSim.Reporting.Results;
using Spectre.Console;

namespace IvpSim.Cli.Output;

/// <summary>The Dutch summary printed after a run: per municipality and target, where we stand and the odds.</summary>
public static class SummaryTable
{
    public static void Write(IAnsiConsole console, ScenarioReport result)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(result.Scenario.NameNl)}[/] ({DutchFormat.Number(result.Scenario.Run.Runs)} trajecten, seed {result.Scenario.Run.Seed})")
            .AddColumn("Gemeente").AddColumn("Indicator")
            .AddColumn(new TableColumn("2019").RightAligned())
            .AddColumn(new TableColumn("Doel").RightAligned())
            .AddColumn(new TableColumn("Jaar").RightAligned())
            .AddColumn(new TableColumn("Mediaan").RightAligned())
            .AddColumn(new TableColumn("90%-interval").RightAligned())
            .AddColumn(new TableColumn("Kans gehaald").RightAligned());
        foreach (var o in result.Targets)
        {
            var info = Indicators.Get(o.Target.Indicator);
            var decimals = info.Kind == IndicatorKind.Score ? 1 : 0;
            var symbol = o.Target.Operator == Model.Targets.TargetOperator.AtMost ? "≤" : "≥";
            var year = info.Kind == IndicatorKind.Score ? $"{o.Target.DecisiveYear} (VM)" : $"{o.Target.DecisiveYear}";
            table.AddRow(
                Regions.Get(o.Target.Region).NameNl,
                info.ShortLabelNl,
                o.Baseline2019 is { } b ? DutchFormat.Number(b, decimals) : "-",
                $"{symbol} {DutchFormat.Number(o.Target.Value, decimals)}",
                year,
                DutchFormat.Number(o.P50, decimals),
                $"{DutchFormat.Number(o.P05, decimals)} – {DutchFormat.Number(o.P95, decimals)}",
                Chance(o));
        }
        console.Write(table);
        if (result.Targets.Count(o => Indicators.Get(o.Target.Indicator).Kind == IndicatorKind.Count) >= 2 && result.Aggregate.Trajectories > 0)
        {
            var (p, se) = AllCrimeTargets(result);
            console.MarkupLine($"Kans dat alle misdaaddoelen tegelijk gehaald worden: [bold]{DutchFormat.Number(p * 100, 1)}%[/] (±{DutchFormat.Number(se * 100, 1)} simulatie).");
        }
        console.MarkupLine("[grey]VM = Veiligheidsmonitor: het doel voor 2024 wordt beoordeeld met de meting van najaar 2023. " +
            "Kans gehaald: het gecombineerde model; tussen haakjes de spreiding naar modelkeuze (5-95% over de gewichten van de " +
            "structuren die de gegevens toelaten, zie structural.csv), naar constanten (laagste en hoogste kans over de constanten van de " +
            "kalibratiezoektochten: elk traject rekent met die van één zoektocht; elk op een deel van de trajecten, dus met meer " +
            "simulatieruis) en de simulatiefout (± procentpunten). Kans bij andere doelwaarden: target-curve.csv.[/]");
    }

    /// <summary>The chance that every crime target is met in the same trajectory, with its simulation error.</summary>
    public static (double P, double Se) AllCrimeTargets(ScenarioReport result)
    {
        var p = (double)result.Aggregate.CountTargetsAllMet / result.Aggregate.Trajectories;
        return (p, Math.Sqrt(p * (1 - p) / result.Aggregate.Trajectories));
    }

    /// <summary>
    /// "45% (30-70% naar modelkeuze; 43-48% naar constanten; ±0,5 simulatie)": the combined chance, its structural range,
    /// its range over the calibration searches' constants and its Monte Carlo error.
    /// </summary>
    public static string Chance(Model.Results.TargetOutcome o) =>
        $"{DutchFormat.Percent(o.PMeet)} ({ChanceText.Ranges(o)}±{DutchFormat.Number(o.PMeetSe * 100, 1)} simulatie)";
}
