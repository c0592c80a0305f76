using IvpSim.Model.Backtest;

namespace IvpSim.Model.Tests;

/// <summary>Which forecasts count as made right after a shock year, and their scores apart from the rest.</summary>
public sealed class ShockYearTests
{
    private static Calibration.CalibrationSeries History(params double[] values) => Synthetic.FromValues("s", values, 2015);

    [Fact]
    public void Should_flag_a_last_change_of_twice_the_usual_and_at_least_ten_percent()
    {
        Assert.True(ShockYear.EndsIn(History(100, 102, 98, 101, 130)));
        // Twice the usual change, but under 10%: the usual moves of a calm large series are not shocks.
        Assert.False(ShockYear.EndsIn(History(1000, 1010, 1000, 1010, 1050)));
        // Over 10%, but no more than the series usually moves.
        Assert.False(ShockYear.EndsIn(History(100, 80, 100, 80, 100)));
        // Too short to know what is usual, or a year missing before the last.
        Assert.False(ShockYear.EndsIn(History(100, 150)));
        Assert.False(ShockYear.EndsIn(new Calibration.CalibrationSeries("ermelo", "s", [2015, 2016, 2017, 2019], [100, 102, 101, 150], [false, false, false, false])));
    }

    [Fact]
    public void Should_score_only_the_forecasts_after_a_shock_When_summarising_them()
    {
        static BacktestRow Row(string method, double wis, bool shock, string region) =>
            new("landelijk", region, "x", 2017, 2018, method, 100, 90, 95, 100, 105, 110, 1, wis, 0.5, 10, shock);
        BacktestRow[] rows =
        [
            Row(Backtester.Ivpsim, 4, true, "a"), Row(Backtester.NaiveLast, 8, true, "a"),
            Row(Backtester.Ivpsim, 9, false, "b"), Row(Backtester.NaiveLast, 3, false, "b"),
        ];

        var scores = BacktestSummary.AfterShock(rows);

        var ivpsim = Assert.Single(scores, s => s.DataSet == "landelijk" && s.Method == Backtester.Ivpsim);
        Assert.Equal(1, ivpsim.Forecasts);
        Assert.Equal(0.5, ivpsim.RelativeWis!.Value, 12);
        Assert.Contains(scores, s => s.DataSet == BacktestSummary.All && s.Method == Backtester.Ivpsim && s.Forecasts == 1);
    }

    [Theory]
    [InlineData("total_crimes")]
    [InlineData("violence")]
    [InlineData("other_crimes")]
    public void Should_not_carry_a_sudden_last_year_forward_as_a_trend_When_fitted_with_the_shipped_calibration(string indicator)
    {
        // A year like 2020: a steady national series 30% down on 2019. The shipped constants must let the filter read
        // that mostly as a year of upheaval, not as a new slope (with no years of upheaval, total crime's slope went from
        // −2% to −14% a year, and damped over five years that is another −45%). Burglary is left out: its own history has
        // drops of 10-20% a year that persisted, so there the filter rightly moves the slope part of the way.
        var settings = SeedModel.Settings.Forecast;
        var national = SeedModel.Inputs.National.Single(n => n.Indicator == indicator);
        var shocked = new Calibration.CalibrationSeries(national.Region, national.Indicator, [.. national.Years, 2020],
            [.. national.Values, Math.Round(0.7 * national.Values[^1])], [.. national.Imputed, false]);

        var before = Forecasting.SeriesFitter.Fit(national, Forecasting.NoiseEstimator.Pooled([national], settings), settings).Trend.Slope;
        var after = Forecasting.SeriesFitter.Fit(shocked, Forecasting.NoiseEstimator.Pooled([shocked], settings), settings).Trend.Slope;

        Assert.True(Math.Abs(after - before) < 0.04, $"slope {before:+0.000;-0.000} before the shock, {after:+0.000;-0.000} after");
    }
}
