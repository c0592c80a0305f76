using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>
/// The histogram of probability integral transforms: flat when the forecasts are calibrated, U-shaped when their
/// intervals are too narrow, a hump when too wide, sloping when biased.
/// </summary>
public static class PitChart
{
    public const int Bins = 10;

    public static void Save(IReadOnlyList<double> pit, string title, string path)
    {
        var counts = new double[Bins];
        foreach (var p in pit) counts[Math.Min(Bins - 1, (int)(p * Bins))]++;
        var plot = new Plot();
        var bars = plot.Add.Bars(counts.Select((c, i) => new Bar
        {
            Position = (i + 0.5) / Bins,
            Value = pit.Count == 0 ? 0 : c / pit.Count * Bins,
            Size = 0.9 / Bins,
            FillColor = new Color(31, 119, 180).WithAlpha(0.75),
            LineWidth = 0,
        }).ToList());
        bars.LegendText = "Aandeel per tiende (× 10)";
        var flat = plot.Add.HorizontalLine(1);
        flat.Color = new Color(214, 39, 40);
        flat.LinePattern = LinePattern.Dashed;
        flat.LegendText = "Perfect gekalibreerd";
        plot.Axes.SetLimits(0, 1, 0, Math.Max(2, counts.Max() / Math.Max(1, pit.Count) * Bins * 1.15));
        plot.Title(title);
        plot.XLabel("PIT: plaats van de waarneming in de voorspelde verdeling");
        plot.YLabel("Dichtheid");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 800, 450);
    }
}
