using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>One point per scenario and municipality: the expected extra cost 2020-2024 against the chance that the crime target is met.</summary>
public sealed record ScenarioPoint(string Scenario, string Municipality, double CostMean, double PMeet)
{
    /// <summary>Every scenario's crime targets (total excluding cybercrime), one point each.</summary>
    public static List<ScenarioPoint> CrimeTargets(Results.ComparisonReport report) =>
        [.. report.Scenarios.SelectMany(s => s.Targets
            .Where(t => t.Target.Indicator == Model.Domain.Indicators.TotalCrimesExclCyber)
            .Select(t => new ScenarioPoint(s.Id, Model.Domain.Regions.Get(t.Target.Region).NameNl,
                Model.Results.ValueForMoney.TotalCost(s.Aggregate, t.Target.Region, Model.Budget.CostLayout.TotalId), t.PMeet)))];
}

public static class CostVersusProbabilityChart
{
    public const string Title = "Kosten tegenover kans op het misdrijvendoel 2024";

    public static void Save(IReadOnlyList<ScenarioPoint> points, string title, string path) =>
        Create(points, title).SavePng(path, 1000, 600);

    public static Plot Create(IReadOnlyList<ScenarioPoint> points, string title)
    {
        var plot = new Plot();
        Color[] palette = [new(31, 119, 180), new(255, 127, 14), new(44, 160, 44)];
        var municipalities = points.Select(p => p.Municipality).Distinct().ToArray();
        for (var m = 0; m < municipalities.Length; m++)
        {
            var mine = points.Where(p => p.Municipality == municipalities[m]).OrderBy(p => p.CostMean).ToArray();
            double[] xs = mine.Select(p => p.CostMean / 1000).ToArray();
            double[] ys = mine.Select(p => p.PMeet * 100).ToArray();
            var scatter = plot.Add.ScatterPoints(xs, ys);
            scatter.Color = palette[m % palette.Length];
            scatter.MarkerSize = 9;
            scatter.LegendText = municipalities[m];
            foreach (var p in mine)
            {
                var text = plot.Add.Text(p.Scenario, p.CostMean / 1000, p.PMeet * 100);
                text.LabelFontSize = 10;
                text.LabelFontColor = palette[m % palette.Length];
                text.OffsetX = 6;
            }
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => DutchFormat.Number(v, 0) };
        plot.Axes.Margins(0.15, 0.1);
        plot.Title(title);
        plot.XLabel("Verwachte extra kosten 2020-2024 (duizenden euro's)");
        plot.YLabel("Kans dat het misdrijvendoel 2024 gehaald wordt (%)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
