using IvpSim.Model.Calibration;
using IvpSim.Model.Random;

namespace IvpSim.Model.Tests;

/// <summary>The calibration recovers known parameters from synthetic data; tolerances follow from the sample size.</summary>
public sealed class CalibrationRecoveryTests
{
    [Fact]
    public void Should_recover_the_overdispersion_When_pooling_many_four_point_series()
    {
        const int n = 400;
        const double psi = 0.03;
        var rng = RandomStreams.For(11, 0, 0);
        var series = Enumerable.Range(0, n).Select(i => Synthetic.Series(rng, Math.Log(300), -0.02, psi, 4, name: $"s{i}")).ToArray();

        var estimate = Pooling.Overdispersion(series, floor: 0);

        // Each series' RSS/df is (psi + p)·χ²(2)/2; the sample median of n of them has sd (psi + p)/(ln 2 · √n).
        var poisson = 1.0 / 300;
        var sd = (psi + poisson) / (Math.Log(2) * Math.Sqrt(n));
        Assert.InRange(estimate, psi - 4 * sd, psi + 4 * sd);
    }

    [Fact]
    public void Should_recover_the_slope_When_series_are_long_and_the_prior_is_weak()
    {
        const int n = 200, years = 12;
        const double slope = -0.04, psi = 0.02;
        var rng = RandomStreams.For(12, 0, 0);
        var hyper = new PooledHyperparameters(psi, 1000, 0, SlopePriorSd: 10, n);
        var settings = new ModelSettings { MinOverdispersion = 0 };
        var fits = Enumerable.Range(0, n)
            .Select(i => SeriesCalibrator.Fit(Synthetic.Series(rng, Math.Log(200), slope, psi, years), hyper, settings))
            .ToArray();

        var sxx = Enumerable.Range(0, years).Sum(t => Math.Pow(t - (years - 1) / 2.0, 2));
        var se = Math.Sqrt((psi + 1.0 / 200) / sxx) / Math.Sqrt(n);
        Assert.InRange(fits.Average(f => f.SlopeMean), slope - 4 * se, slope + 4 * se);
        // The posterior sd matches the spread of the estimates (within 15%, ~4 sd for n = 200).
        var spread = Math.Sqrt(fits.Sum(f => Math.Pow(f.SlopeMean - fits.Average(g => g.SlopeMean), 2)) / (n - 1));
        Assert.InRange(fits.Average(f => f.SlopeSd) / spread, 0.85, 1.15);
    }

    [Fact]
    public void Should_shrink_the_trend_toward_zero_When_few_points_support_it()
    {
        var hyper = new PooledHyperparameters(0.03, 2, 0, SlopePriorSd: 0.05, 1);
        var settings = new ModelSettings();
        var steepFall = new CalibrationSeries("ermelo", "s", [2016, 2017, 2018, 2019], [200, 150, 120, 95], [false, false, false, false]);
        var twoPoints = new CalibrationSeries("ermelo", "s", [2018, 2019], [120, 95], [false, false]);

        var four = SeriesCalibrator.Fit(steepFall, hyper, settings);
        var two = SeriesCalibrator.Fit(twoPoints, hyper, settings);

        Assert.InRange(four.SlopeMean, four.RawSlope, 0);
        Assert.InRange(two.SlopeMean, two.RawSlope, 0);
        // Fewer points, less information: the two-point slope is shrunk harder than the four-point one.
        Assert.True(two.SlopeMean / two.RawSlope < four.SlopeMean / four.RawSlope);
    }

    [Fact]
    public void Should_recover_the_common_shock_variance_When_averaged_over_replications()
    {
        const int replications = 50, seriesCount = 30, years = 6;
        const double common = 0.02, own = 0.01;
        var estimates = new double[replications];
        for (var r = 0; r < replications; r++)
        {
            var rng = RandomStreams.For(13, r, 0);
            var shocks = Enumerable.Range(0, years).Select(_ => Math.Sqrt(common) * rng.NextStandardNormal() - common / 2).ToArray();
            var series = Enumerable.Range(0, seriesCount)
                .Select(i => Synthetic.Series(rng, Math.Log(400), 0, own, years, shocks, $"s{i}")).ToArray();
            // The pooled overdispersion that calibration passes in covers both the common and the own part.
            estimates[r] = Pooling.CommonVariance(series, common + own);
        }
        // One replication sees only years − 2 = 4 degrees of freedom of the common shock: relative sd √(2/4).
        var sd = common * Math.Sqrt(2.0 / (years - 2)) / Math.Sqrt(replications);
        Assert.InRange(estimates.Average(), common - 4 * sd, common + 4 * sd);
    }
}
