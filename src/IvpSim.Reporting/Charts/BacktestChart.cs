using IvpSim.Model.Backtest;
using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>Coverage of the 50% and 90% intervals per horizon for IvpSim and the naive forecasts, against the nominal levels.</summary>
public static class BacktestChart
{
    public static void Save(IReadOnlyList<BacktestScore> byHorizon, string title, string path)
    {
        var plot = new Plot();
        (string Method, Color Color)[] methods =
            [(Backtester.Ivpsim, new Color(31, 119, 180)), (Backtester.NaiveLast, new Color(127, 127, 127)), (Backtester.NaiveTrend, new Color(188, 189, 34))];
        foreach (var (level, pattern) in new[] { (50, LinePattern.Dashed), (90, LinePattern.Solid) })
        {
            foreach (var (method, color) in methods)
            {
                var points = byHorizon.Where(s => s.Method == method).OrderBy(s => s.Horizon).ToArray();
                if (points.Length == 0) continue;
                var line = plot.Add.Scatter(points.Select(p => (double)p.Horizon).ToArray(),
                    points.Select(p => (level == 50 ? p.Coverage50 : p.Coverage90) * 100).ToArray());
                line.Color = color;
                line.LinePattern = pattern;
                line.LineWidth = method == Backtester.Ivpsim ? 2.5f : 1.5f;
                line.MarkerSize = 6;
                line.LegendText = $"{method}, {level}%-interval";
            }
            var nominal = plot.Add.HorizontalLine(level);
            nominal.Color = Colors.Black.WithAlpha(0.5);
            nominal.LinePattern = LinePattern.Dotted;
        }
        var horizons = byHorizon.Select(s => s.Horizon).Distinct().Order().ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. horizons.Select(h => (double)h)], [.. horizons.Select(h => $"{h} jaar")]);
        plot.Axes.SetLimitsY(0, 105);
        plot.Title(title);
        plot.YLabel("Dekking (%); stippellijnen: nominaal 50% en 90%");
        plot.XLabel("Horizon (jaren na het beginjaar)");
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 900, 550);
    }
}
