using IvpSim.Model.Optimisation;
using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>The search on one chart: every evaluated portfolio by claim (P80, all municipalities) and joint chance, the front, the budget.</summary>
public static class FrontChart
{
    public const string FileName = "front.png";

    public static Plot Create(SearchResult result, double totalBudget)
    {
        var plot = new Plot();
        foreach (var (method, color, label) in new[]
                 {
                     (RandomPortfolioSearch.Name, Colors.Gray, "willekeurig gezocht"),
                     (GuidedPortfolioSearch.Name, Colors.SteelBlue, "optimalisatie"),
                 })
        {
            var points = result.Evaluations.Where(e => e.Method == method).ToArray();
            if (points.Length == 0) continue;
            var scatter = plot.Add.ScatterPoints(points.Select(e => e.TotalClaim / 1000).ToArray(), points.Select(e => e.PAll * 100).ToArray());
            scatter.Color = color.WithAlpha(.7);
            scatter.MarkerSize = 6;
            scatter.LegendText = label;
        }
        var front = result.Front();
        if (front.Length > 0)
        {
            var line = plot.Add.Scatter(front.Select(e => e.TotalClaim / 1000).ToArray(), front.Select(e => e.PAll * 100).ToArray());
            line.Color = Colors.DarkGreen;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LegendText = "front (niet te verbeteren op kosten én kans)";
        }
        var budget = plot.Add.VerticalLine(totalBudget / 1000);
        budget.Color = Colors.Red;
        budget.LinePattern = LinePattern.Dashed;
        budget.LegendText = $"budget samen ({DutchFormat.Number(totalBudget / 1000)} duizend euro)";
        plot.Title("Portefeuilles: claim tegen de kans dat alle misdaaddoelen gehaald worden");
        plot.XLabel("Claim P80, drie gemeenten samen (duizend euro)");
        plot.YLabel("Kans alle misdaaddoelen (%)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    public static void Save(SearchResult result, double totalBudget, string path) => Create(result, totalBudget).SavePng(path, 900, 520);
}
