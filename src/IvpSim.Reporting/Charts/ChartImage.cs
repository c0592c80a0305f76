using ScottPlot;

namespace IvpSim.Reporting.Charts;

/// <summary>A chart as PNG data for a self-contained HTML page: no file beside it, no network.</summary>
public static class ChartImage
{
    public static string DataUri(Plot plot, int width, int height) =>
        "data:image/png;base64," + Convert.ToBase64String(plot.GetImage(width, height).GetImageBytes(ImageFormat.Png));
}
