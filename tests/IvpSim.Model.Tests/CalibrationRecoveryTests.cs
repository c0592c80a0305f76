using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Random;

namespace IvpSim.Model.Tests;

/// <summary>The calibration recovers known parameters from synthetic data; tolerances follow from the sample size.</summary>
public sealed class CalibrationRecoveryTests
{
    private static readonly ForecastSettings NoDrift = ForecastSettings.Uncalibrated with
    {
        LevelDriftSd = 0, SlopeDriftSd = 0, SlopePriorSd = 1e-4, NoiseScale = 1, NoisePriorDf = 2,
    };

    [Fact]
    public void Should_recover_the_noise_When_pooling_many_series_without_trend()
    {
        const int n = 400, years = 8;
        const double psi = 0.03;
        var rng = StreamRandom.For(11, 0, 0);
        var series = Enumerable.Range(0, n).Select(i => Synthetic.Series(rng, Math.Log(300), 0, psi, years, name: $"s{i}")).ToArray();

        var estimate = NoiseEstimator.Pooled(series, NoDrift);

        // With a diffuse level and no slope, the filter's likelihood is the restricted likelihood of a constant mean:
        // each series' estimate is (ψ + p)·χ²(7)/7 − p, p the Poisson part. Their median lies near (ψ + p)·m₇ − p,
        // m₇ the χ²(7) median over 7, with sd ≈ 1.25·(ψ + p)·√(2/7)/√n.
        var poisson = 1.0 / 300;
        var total = psi + poisson;
        var median = MathNet.Numerics.Distributions.ChiSquared.InvCDF(years - 1, 0.5) / (years - 1);
        var expected = total * median - poisson;
        var sd = 1.2533 * total * Math.Sqrt(2.0 / (years - 1)) / Math.Sqrt(n);
        Assert.InRange(estimate, expected - 4 * sd, expected + 4 * sd);
    }

    [Fact]
    public void Should_shrink_a_short_series_noise_toward_the_pool_When_its_own_points_say_little()
    {
        var calm = new CalibrationSeries("ermelo", "s", [2016, 2017, 2018, 2019], [200, 201, 199, 200], [false, false, false, false]);
        var settings = NoDrift with { NoisePriorDf = 4 };

        var own = NoiseEstimator.Of(calm, pooled: 0.04, settings with { NoisePriorDf = 0 });
        var shrunk = NoiseEstimator.Of(calm, pooled: 0.04, settings);

        Assert.True(own < 0.005, $"a series this calm has little noise of its own: {own}");
        Assert.InRange(shrunk, 0.01, 0.04);
    }

    [Fact]
    public void Should_match_weighted_least_squares_with_a_slope_prior_When_the_level_and_slope_do_not_drift()
    {
        // Without drift the filter is a straight-line fit with weights 1/(ψ + Poisson) and a N(0, τ²) prior on the slope.
        var series = new CalibrationSeries("ermelo", "s", [2016, 2017, 2018, 2019], [120, 100, 95, 80], [false, false, false, false]);
        const double psi = 0.01, tau = 0.07;

        var state = StateFilter.Trend(series, psi, 0, 0, tau).State;

        // Normal equations in (level at 2019, slope) with the prior added to the slope's precision.
        double a11 = 0, a12 = 0, a22 = 1 / (tau * tau), b1 = 0, b2 = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var w = 1 / (psi + series.PoissonLogVariance(i));
            var t = series.Years[i] - 2019.0;
            a11 += w; a12 += w * t; a22 += w * t * t;
            b1 += w * series.LogValue(i); b2 += w * t * series.LogValue(i);
        }
        var det = a11 * a22 - a12 * a12;
        Assert.Equal((a22 * b1 - a12 * b2) / det, state.Level, 10);
        Assert.Equal((a11 * b2 - a12 * b1) / det, state.Slope, 10);
        Assert.Equal(a22 / det, state.VarianceLevel, 10);
        Assert.Equal(a11 / det, state.VarianceSlope, 10);
    }

    [Fact]
    public void Should_recover_the_residual_correlation_When_averaged_over_replications()
    {
        const int replications = 50, seriesCount = 30, years = 6;
        const double common = 0.02, own = 0.01;
        var estimates = new double[replications];
        for (var r = 0; r < replications; r++)
        {
            var rng = StreamRandom.For(13, r, 0);
            var shocks = Enumerable.Range(0, years).Select(_ => Math.Sqrt(common) * rng.NextStandardNormal()).ToArray();
            var series = Enumerable.Range(0, seriesCount)
                .Select(i => Synthetic.Series(rng, Math.Log(400), 0, own, years, shocks, $"s{i}")).ToArray();
            estimates[r] = Pooling.MeanCorrelation(series);
        }
        // The residual correlation is the common variance over the whole: common + own + Poisson (1/400).
        var truth = common / (common + own + 1 / 400.0);
        var sd = Math.Sqrt(2.0 / (years - 2)) * truth / Math.Sqrt(replications);
        Assert.InRange(estimates.Average(), truth - 4 * sd, truth + 4 * sd);
    }

    [Fact]
    public void Should_not_push_the_correlation_to_its_clamp_When_the_pooled_noise_is_tiny()
    {
        // Small counts, almost no noise beyond Poisson and only a weak common shock: the series hardly move together.
        var rng = StreamRandom.For(21, 0, 0);
        var shocks = Enumerable.Range(0, 6).Select(_ => Math.Sqrt(0.002) * rng.NextStandardNormal()).ToArray();
        var series = Enumerable.Range(0, 40).Select(i => Synthetic.Series(rng, Math.Log(60), 0, 0.0005, 6, shocks, $"s{i}")).ToArray();
        var correlation = Pooling.CommonCorrelation(series, ForecastSettings.MinNoise);
        // Old code divided by ψ = 1e-5 and landed on the 0.9 clamp.
        Assert.True(correlation < 0.5, $"correlation {correlation:F3}");
        Assert.Equal(Math.Clamp(Pooling.MeanCorrelation(series), 0, Pooling.MaxCorrelation), correlation, 12);
    }
}
