using IvpSim.Model.Backtest;
using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>Coverage of the 50% and 90% intervals per method, against the nominal levels.</summary>
public static class BacktestChart
{
    public static void Save(IReadOnlyList<BacktestScore> overall, string title, string path)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < overall.Count; i++)
        {
            bars.Add(new Bar { Position = i * 3, Value = overall[i].Coverage50 * 100, FillColor = new Color(31, 119, 180), Size = 0.9 });
            bars.Add(new Bar { Position = i * 3 + 1, Value = overall[i].Coverage90 * 100, FillColor = new Color(255, 127, 14), Size = 0.9 });
        }
        plot.Add.Bars(bars);
        foreach (var (nominal, color) in new[] { (50.0, new Color(31, 119, 180)), (90.0, new Color(255, 127, 14)) })
        {
            var line = plot.Add.HorizontalLine(nominal);
            line.Color = color;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"nominaal {nominal:0}%";
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. overall.Select((_, i) => i * 3 + 0.5)], [.. overall.Select(s => s.Method)]);
        plot.Axes.SetLimitsY(0, 105);
        plot.Title(title);
        plot.YLabel("Dekking van het interval (%): blauw 50%, oranje 90%");
        plot.XLabel("Methode");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 800, 500);
    }
}
