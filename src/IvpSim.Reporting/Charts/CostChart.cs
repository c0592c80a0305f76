using IvpSim.Model.Aggregation;
using IvpSim.Model.Budget;
using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>The distribution of a municipality's claim in one year: a histogram with P50, P80 and P95 marked.</summary>
public static class CostChart
{
    public static void Save(CountHistogram costs, string title, string path)
    {
        var plot = new Plot();
        const double unit = CostLayout.EurosPerUnit / 1000.0;
        var lo = costs.Values[0] * unit;
        var hi = costs.Values[^1] * unit;
        var binCount = 40;
        var width = Math.Max((hi - lo) / binCount, unit);
        var bins = new double[binCount + 1];
        for (var i = 0; i < costs.Values.Length; i++)
        {
            var b = Math.Min((int)((costs.Values[i] * unit - lo) / width), binCount);
            bins[b] += costs.Counts[i];
        }
        var total = (double)costs.Total;
        var bars = plot.Add.Bars(bins.Select((c, i) => new Bar
        {
            Position = lo + (i + 0.5) * width,
            Value = c / total * 100,
            Size = width * 0.95,
            FillColor = new Color(31, 119, 180).WithAlpha(0.7),
            LineWidth = 0,
        }).ToList());
        bars.LegendText = "Verdeling (% van de trajecten)";
        foreach (var (q, label, color) in new[] { (0.5, "P50", Colors.Black), (0.8, "P80", new Color(255, 127, 14)), (0.95, "P95", new Color(214, 39, 40)) })
        {
            var x = costs.Quantile(q) * unit;
            var line = plot.Add.VerticalLine(x);
            line.Color = color;
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"{label}: € {DutchFormat.Number(x * 1000)}";
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => DutchFormat.Number(v, 0),
        };
        plot.Title(title);
        plot.XLabel("Extra kosten (duizenden euro's)");
        plot.YLabel("Aandeel trajecten (%)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 500);
    }
}
