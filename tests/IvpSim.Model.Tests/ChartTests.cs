using IvpSim.Model.Domain;
using IvpSim.Model.Results;
using IvpSim.Model.Targets;
using IvpSim.Reporting.Charts;

namespace IvpSim.Model.Tests;

public sealed class ChartTests
{
    [Fact]
    public void Should_render_a_png_with_observed_points_bands_and_target_When_saving_a_fan_chart()
    {
        ProjectionRow Row(int year, bool observed, double p50) =>
            new("s", Regions.Ermelo, Indicators.TotalCrimesExclCyber, year, observed, p50, p50 * 0.8, p50 * 0.9, p50, p50 * 1.1, p50 * 1.2);
        var rows = new[] { Row(2018, true, 921), Row(2019, true, 930), Row(2020, false, 900), Row(2024, false, 880) };
        var target = new TargetDefinition(Regions.Ermelo, Indicators.TotalCrimesExclCyber, 2024, TargetOperator.AtMost, 800, "x");

        var chart = Assert.Single(FanChartData.From(rows, [target], "Basis"));
        Assert.Equal("ermelo-total_crimes_excl_cyber.png", chart.FileName);
        Assert.Equal([2019.0, 2020, 2024], chart.Years);
        Assert.Equal(800, chart.Target);
        Assert.Contains("≤ 800", chart.TargetLabel);

        var path = Path.Combine(Path.GetTempPath(), $"ivpsim-chart-{Guid.NewGuid():N}.png");
        try
        {
            FanChart.Save(chart, path);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
            Assert.True(bytes.Length > 10_000);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
