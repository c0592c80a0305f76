using IvpSim.Model.Domain;
using IvpSim.Model.Results;
using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>The chance as a curve over target values, one line per scenario, with the plan's target marked.</summary>
public static class TargetCurveChart
{
    public static string FileName(string region, string indicator) => $"kans-{region}-{indicator}.png";

    public static Plot Create(IReadOnlyList<(string Scenario, IReadOnlyList<TargetCurvePoint> Points)> curves, string title)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < curves.Count; i++)
        {
            var (scenario, points) = curves[i];
            var line = plot.Add.Scatter(points.Select(p => p.Value).ToArray(), points.Select(p => p.PAtMost * 100).ToArray());
            line.Color = palette.GetColor(i);
            line.LineWidth = 2;
            line.MarkerSize = 4;
            line.LegendText = scenario;
        }
        if (curves.SelectMany(c => c.Points).FirstOrDefault(p => p.IsTarget) is { } target)
        {
            var mark = plot.Add.VerticalLine(target.Value);
            mark.Color = Colors.Red;
            mark.LinePattern = LinePattern.Dashed;
            mark.LegendText = $"Doel {DutchFormat.Number(target.Value)}";
        }
        plot.Title(title);
        plot.XLabel("Doelwaarde (aantal in het beoordelingsjaar)");
        plot.YLabel("Kans uitkomst ≤ doelwaarde (%)");
        plot.Axes.SetLimitsY(0, 100);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    public static void Save(IReadOnlyList<(string Scenario, IReadOnlyList<TargetCurvePoint> Points)> curves, string title, string path) =>
        Create(curves, title).SavePng(path, 900, 480);

    public static string Title(string region, string indicator) =>
        $"{Regions.Get(region).NameNl}: kans naar doelwaarde, {Indicators.Get(indicator).LabelNl.ToLowerInvariant()}";
}
