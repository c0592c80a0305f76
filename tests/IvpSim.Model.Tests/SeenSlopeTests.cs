using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Tests;

/// <summary>
/// A national path that municipal series follow is projected with a steady slope, so it starts from the slope the data
/// last saw: the filter's final slope also carries that year's unseen change of slope, which the path would otherwise
/// hold for every year ahead (seven years on, a band several times too wide).
/// </summary>
public sealed class SeenSlopeTests
{
    private const double Noise = 0.0004, LevelDrift = 0.01, SlopeDrift = 0.08, SlopePrior = 0.5;

    private static readonly double[] Values = [1127869, 1078663, 1002649, 961208];

    private static CalibrationSeries National() => Synthetic.FromValues("total_crimes", Values, 2012, "nederland");

    [Fact]
    public void Should_equal_a_filter_without_the_last_change_of_slope_When_the_seen_slope_is_taken()
    {
        var series = National();
        var filtered = StateFilter.Trend(series, Noise, LevelDrift * LevelDrift, SlopeDrift * SlopeDrift, SlopePrior).State;

        var seen = filtered.SeenSlope(SlopeDrift * SlopeDrift);
        var reference = ReferenceFilter(series, lastSlopeChange: false);

        Assert.Equal(reference.Level, seen.Level, 12);
        Assert.Equal(reference.Slope, seen.Slope, 12);
        Assert.Equal(reference.VarLevel, seen.VarianceLevel, 12);
        Assert.Equal(reference.Covariance, seen.L11 * seen.L21, 12);
        Assert.Equal(reference.VarSlope, seen.VarianceSlope, 12);
        // The reference with the last change of slope is the filter itself: only that one year's wander is taken out.
        Assert.Equal(ReferenceFilter(series, lastSlopeChange: true).VarSlope, filtered.VarianceSlope, 12);
        Assert.True(seen.VarianceSlope < filtered.VarianceSlope / 10, $"{seen.VarianceSlope} against {filtered.VarianceSlope}");
    }

    [Fact]
    public void Should_start_a_municipal_path_from_the_seen_slope_and_keep_the_anchored_structure_as_filtered()
    {
        var settings = ForecastSettings.Uncalibrated with { LevelDriftSd = LevelDrift, SlopeDriftSd = SlopeDrift, SlopePriorSd = SlopePrior };
        var local = Synthetic.FromValues("total_crimes", [1000], 2015);
        var type = Synthetic.FromValues("1-1-1-diefstal-inbraak-woning", [90000, 85000, 80000, 79000], 2012, "nederland");
        var fit = SeriesFitter.Fit(National(), NoiseEstimator.Pooled([National()], settings), settings);
        var plain = fit.Trend;

        var municipal = ForecastModelBuilder.Build([new ComponentSeries(local, National(), Local: true)], settings).Anchors[0].Trend;
        var anchored = ForecastModelBuilder.Build([new ComponentSeries(type, National())], settings).Anchors[0].Trend;

        // The unseen change of slope is the series' own: the shared slope drift times its drift scale.
        Assert.Equal(plain.SeenSlope(SlopeDrift * SlopeDrift * fit.DriftScale), municipal);
        Assert.Equal(plain, anchored);
    }

    [Fact]
    public void Should_spread_a_municipality_seven_years_on_by_the_seen_slope_When_it_follows_a_straight_national_trend()
    {
        var settings = ForecastSettings.Uncalibrated with
        {
            LevelDriftSd = 0, SlopeDriftSd = SlopeDrift, SlopePriorSd = SlopePrior, LocalDriftSd = 0, LocalNoise = 0.004, LocalDispersion = 1,
            AnchorWeights = [.. Structures.All.Select(s => s.Id == "linear-trend" ? 1.0 : 0)],
        };
        var local = Synthetic.FromValues("total_crimes", [1000], 2015);
        var model = ForecastModelBuilder.Build([new ComponentSeries(local, National(), Local: true)], settings);
        var logs = KernelDraws.LastYear(model, 11, 2016, 2022, 4000).Select(c => Math.Log(c + 0.5)).ToArray();
        // National level and seen slope carried 7 years, the local offset, the local noise and Poisson counting.
        var trend = model.Anchors[0].Trend;
        var offset = model.Components[0].Offset.Sd;
        var level = Math.Exp(logs.Average());
        var expected = trend.VarianceLevel + 2 * 7 * trend.L11 * trend.L21 + 49 * trend.VarianceSlope + offset * offset + 0.004 + 1 / level;
        var unseen = expected + 49 * SlopeDrift * SlopeDrift * model.Anchors[0].DriftScale;
        var mean = logs.Average();
        var variance = logs.Average(l => (l - mean) * (l - mean));
        var se = expected * Math.Sqrt(2.0 / logs.Length);
        Assert.InRange(variance, expected - 5 * se, expected + 5 * se);
        Assert.True(variance < unseen / 2, $"variance {variance:F4}; with the unseen change of slope {unseen:F4}");
    }

    /// <summary>The textbook local-linear-trend filter, with or without the slope's change into the final year.</summary>
    private static (double Level, double Slope, double VarLevel, double Covariance, double VarSlope) ReferenceFilter(
        CalibrationSeries series, bool lastSlopeChange)
    {
        double x = series.LogValue(0), b = 0, pxx = Noise + series.PoissonLogVariance(0), pxb = 0, pbb = SlopePrior * SlopePrior;
        for (var i = 1; i < series.Count; i++)
        {
            x += b;
            pxx += 2 * pxb + pbb + LevelDrift * LevelDrift;
            pxb += pbb;
            if (i < series.Count - 1 || lastSlopeChange) pbb += SlopeDrift * SlopeDrift;
            var f = pxx + Noise + series.PoissonLogVariance(i);
            var v = series.LogValue(i) - x;
            double kx = pxx / f, kb = pxb / f;
            (x, b, pxx, pxb, pbb) = (x + kx * v, b + kb * v, pxx - kx * pxx, pxb - kx * pxb, pbb - kb * pxb);
        }
        return (x, b, pxx, pxb, pbb);
    }
}
