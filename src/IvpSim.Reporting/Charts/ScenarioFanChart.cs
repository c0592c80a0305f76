using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>
/// One indicator of one region under several scenarios: the first scenario's 90% band, every scenario's median, the
/// observed years and the target line, so that a reader sees at once which plan ends where (more bands would hide each other).
/// </summary>
public static class ScenarioFanChart
{
    private static readonly Color[] Palette =
        [new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(148, 103, 189), new(140, 86, 75), new(227, 119, 194)];

    /// <param name="scenarios">Per scenario its name and its fan (the same region and indicator).</param>
    public static Plot Create(IReadOnlyList<(string Name, FanChartData Fan)> scenarios, string title)
    {
        var plot = new Plot();
        var first = scenarios[0].Fan;
        for (var k = 0; k < scenarios.Count; k++)
        {
            var (name, fan) = scenarios[k];
            var colour = Palette[k % Palette.Length];
            if (k == 0)
            {
                var band = plot.Add.FillY(fan.Years, fan.P05, fan.P95);
                band.FillColor = colour.WithAlpha(0.18);
                band.LineColor = Colors.Transparent;
                band.LegendText = $"{name}: 90%-interval";
            }
            var median = plot.Add.Scatter(fan.Years, fan.P50);
            median.Color = colour;
            median.LineWidth = k == 0 ? 2.5f : 2;
            median.MarkerSize = 0;
            median.LegendText = $"{name}: mediaan";
        }
        FanChart.Frame(plot, first, title);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontSize = 11;
        return plot;
    }
}
