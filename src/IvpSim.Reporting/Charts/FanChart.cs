using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>Draws a fan chart: observed points, P5-P95 and P25-P75 bands, the median and the target line.</summary>
public static class FanChart
{
    public static void Save(FanChartData data, string path, int width = 900, int height = 500) =>
        Create(data).SavePng(path, width, height);

    public static Plot Create(FanChartData data)
    {
        var plot = new Plot();
        var blue = new Color(31, 119, 180);

        var outer = plot.Add.FillY(data.Years, data.P05, data.P95);
        outer.FillColor = blue.WithAlpha(0.18);
        outer.LineColor = Colors.Transparent;
        outer.LegendText = "90%-interval (P5-P95)";

        var inner = plot.Add.FillY(data.Years, data.P25, data.P75);
        inner.FillColor = blue.WithAlpha(0.38);
        inner.LineColor = Colors.Transparent;
        inner.LegendText = "50%-interval (P25-P75)";

        var median = plot.Add.Scatter(data.Years, data.P50);
        median.Color = blue;
        median.LineWidth = 2;
        median.MarkerSize = 0;
        median.LegendText = "Mediaan projectie";

        Frame(plot, data, data.Title);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>What every fan chart has around its projection: the observed years, the target line, the axes and titles.</summary>
    internal static void Frame(Plot plot, FanChartData data, string title)
    {
        if (data.ObservedYears.Length > 0)
        {
            var observed = plot.Add.Scatter(data.ObservedYears, data.ObservedValues);
            observed.Color = Colors.Black;
            observed.LineWidth = 1.5f;
            observed.MarkerSize = 7;
            observed.LegendText = "Waargenomen";
        }
        if (data.DerivedYears.Length > 0)
        {
            var derived = plot.Add.Scatter(data.DerivedYears, data.DerivedValues);
            derived.Color = Colors.Black;
            derived.LineWidth = 0;
            derived.MarkerSize = 11;
            derived.MarkerShape = MarkerShape.OpenCircle;
            derived.LegendText = "Afgeleid (som van de delen, fraude geschat)";
        }
        if (data.Target is { } target)
        {
            var line = plot.Add.HorizontalLine(target);
            line.Color = new Color(214, 39, 40);
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = data.TargetLabel ?? "Doel";
        }
        YearAxis(plot, (int)Math.Min(data.ObservedYears.DefaultIfEmpty(data.Years[0]).Min(), data.Years[0]), (int)data.Years[^1]);
        plot.Title(title);
        plot.XLabel("Jaar");
        plot.YLabel(data.YLabel);
    }

    /// <summary>Years as whole numbers ("2019", not "2,019"), values with Dutch separators.</summary>
    internal static void YearAxis(Plot plot, int first, int last)
    {
        var years = Enumerable.Range(first, last - first + 1).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. years.Select(y => (double)y)], [.. years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("#,0.##", DutchFormat.Numbers),
        };
        plot.Axes.SetLimitsX(first - 0.3, last + 0.3);
    }
}
