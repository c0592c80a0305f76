using IvpSim.Model.Analysis;
using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>
/// A tornado per target: for the most influential inputs, the chance of meeting the target when the input sits near its
/// own 10th and near its 90th percentile, around the overall chance; each bar names the input's evidence strength.
/// </summary>
public static class TornadoChart
{
    public const int Bars = 10;

    public static string FileName(string target) => $"tornado-{target.Replace('/', '-')}.png";

    public static Plot Create(IReadOnlyList<SensitivityRow> rows, string title)
    {
        var shown = Top(rows);
        var plot = new Plot();
        // A claim has no chance: its bars are the mean claim (thousands of euros) at the input's 10th and 90th percentile.
        var claim = rows.Count > 0 && IsClaim(rows[0]);
        double Low(SensitivityRow r) => claim ? r.ValueLow / 1000 : r.PMeetLow * 100;
        double High(SensitivityRow r) => claim ? r.ValueHigh / 1000 : r.PMeetHigh * 100;
        var overall = rows.Count == 0 ? 0 : claim ? shown.Select(r => (Low(r) + High(r)) / 2).DefaultIfEmpty(0).Average() : rows[0].PMeet * 100;
        var ticks = new List<Tick>();
        for (var k = 0; k < shown.Count; k++)
        {
            var r = shown[k];
            var y = shown.Count - 1 - k;
            double low = Low(r), high = High(r);
            plot.Add.Bar(new Bar
            {
                Position = y, ValueBase = Math.Min(low, high), Value = Math.Max(low, high),
                FillColor = Weak(r.Evidence) ? Colors.Orange.WithAlpha(.8) : Colors.SteelBlue.WithAlpha(.8),
                Orientation = Orientation.Horizontal, Size = 0.7,
            });
            ticks.Add(new Tick(y, $"{Shorten(r.LabelNl)} [{r.Evidence}]"));
        }
        var middle = plot.Add.VerticalLine(overall);
        middle.Color = Colors.Black;
        middle.LinePattern = LinePattern.Dashed;
        middle.LegendText = claim ? $"claim ongeveer € {DutchFormat.Number(overall)} duizend" : $"kans nu {DutchFormat.Number(overall)}%";
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        if (!claim) plot.Axes.SetLimitsX(0, 100);
        plot.Title(title);
        plot.XLabel(claim
            ? "Gemiddelde claim (duizend euro) bij P10 en P90 van de invoer"
            : "Kans doel gehaald (%) bij P10 en P90 van de invoer; oranje: zwakke of geen evidentie");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    public static void Save(IReadOnlyList<SensitivityRow> rows, string title, string path) => Create(rows, title).SavePng(path, 1000, 520);

    /// <summary>The inputs with the widest swing in the chance (a claim: in its mean), widest first.</summary>
    public static List<SensitivityRow> Top(IEnumerable<SensitivityRow> rows) =>
        [.. rows.Where(r => IsClaim(r) ? double.IsFinite(r.ValueLow) && double.IsFinite(r.ValueHigh) : double.IsFinite(r.PMeetLow) && double.IsFinite(r.PMeetHigh))
            .OrderByDescending(r => IsClaim(r) ? Math.Abs(r.ValueHigh - r.ValueLow) : Math.Abs(r.PMeetHigh - r.PMeetLow)).Take(Bars)];

    public static bool IsClaim(SensitivityRow row) => row.Indicator == AnalysisTarget.ClaimIndicator;

    public static bool Weak(string evidence) => evidence is "weak" or "none" or "assumption" or "onbekend";

    private static string Shorten(string label) => label.Length <= 60 ? label : label[..57] + "…";
}
