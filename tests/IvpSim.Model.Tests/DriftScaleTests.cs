using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Tests;

/// <summary>
/// A series' level and slope wander by the shared drift constants times its own drift scale λ, learned from the series
/// with a prior centred on 1: a steady national total no longer wanders like a crime type that is reclassified, and
/// a series whose shifts persist wanders more.
/// </summary>
public sealed class DriftScaleTests
{
    private static readonly ForecastSettings Settings = ForecastSettings.Uncalibrated with
    {
        LevelDriftSd = 0.05, SlopeDriftSd = 0.04, SlopePriorSd = 0.05, JumpProbability = 0.1, JumpSd = 0.5,
    };

    [Fact]
    public void Should_let_a_steady_series_wander_less_than_the_shared_constants()
    {
        // National total crime 2012-2019: a smooth decline, each year within a few percent of the trend.
        var total = Synthetic.FromValues("totaal-misdrijven", [1127869, 1078663, 1002649, 961208, 914207, 816603, 770427, 803646], 2012, "nederland");

        var fit = SeriesFitter.Fit(total, NoiseEstimator.Pooled([total], Settings), Settings);

        Assert.InRange(fit.DriftScale, 0.01, 0.75);
    }

    [Fact]
    public void Should_let_a_series_whose_shifts_persist_wander_more()
    {
        // Steps of ±20% that stay: a random walk with large steps and no noise around it.
        var values = new double[] { 5000, 6100, 4900, 4000, 4900, 6000, 7300, 5900 };
        var series = Synthetic.FromValues("step", values, 2012, "nederland");

        var fit = SeriesFitter.Fit(series, 1e-4, Settings);

        Assert.True(fit.DriftScale > 1.25, $"drift scale {fit.DriftScale}");
    }

    [Fact]
    public void Should_keep_the_shared_constants_When_the_series_cannot_tell()
    {
        var two = Synthetic.FromValues("kort", [1000, 1100], 2018);

        Assert.Equal(1, DriftScaleEstimator.Of(two, 0.01, Settings));
        Assert.Equal(1, DriftScaleEstimator.Of(Synthetic.FromValues("vlak", [1000, 900, 1100, 950], 2016), 0.01,
            Settings with { LevelDriftSd = 0, SlopeDriftSd = 0 }));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(4.0)]
    public void Should_recover_the_drift_scale_of_series_drawn_with_it(double scale)
    {
        // Thirty years each, small noise and large counts: the likelihood, not the prior, decides. The level alone
        // wanders (a wandering slope compounds over thirty years beyond any count).
        var settings = Settings with { JumpProbability = 0, SlopeDriftSd = 0 };
        var rng = new StreamRandom(17);
        var estimates = Enumerable.Range(0, 25).Select(i =>
        {
            var series = Synthetic.Structured(rng, $"s{i}", 30, Math.Log(20000), 0, 1, 0, settings.LevelDriftSd * Math.Sqrt(scale), 1e-4);
            return DriftScaleEstimator.Of(series, 1e-4, settings);
        }).Order().ToArray();

        var median = estimates[estimates.Length / 2];
        Assert.InRange(median, scale / 1.6, scale * 1.6);
    }

    [Fact]
    public void Should_spread_a_random_walk_by_the_series_drift_scale_When_projected()
    {
        // All weight on the random walk: five years on, the log count's variance is five years of level drift × λ, the
        // yearly noise and Poisson counting.
        const double noise = 0.001, scale = 4;
        var settings = Settings with
        {
            JumpProbability = 0,
            Weights = [.. Structures.All.Select(s => s.Id == Structures.RandomWalkId ? 1.0 : 0)],
            AnchorWeights = [.. Structures.All.Select(s => s.Id == Structures.RandomWalkId ? 1.0 : 0)],
        };
        var series = Synthetic.FromValues("totaal", [20000, 20500, 19800, 20100], 2016, "nederland");
        var model = ForecastModelBuilder.Build([new ComponentSeries(series, null)], settings);
        var fit = model.Components[0] with { Noise = noise, DriftScale = scale };
        model = model with { Components = [fit] };

        var logs = KernelDraws.LastYear(model, 5, 2020, 2024, 6000).Select(c => Math.Log(c + 0.5)).ToArray();

        var mean = logs.Average();
        var variance = logs.Average(l => (l - mean) * (l - mean));
        var expected = 5 * scale * settings.LevelDriftSd * settings.LevelDriftSd + noise + 1 / Math.Exp(mean);
        var se = expected * Math.Sqrt(2.0 / logs.Length);
        Assert.InRange(variance, expected - 5 * se, expected + 5 * se);
    }
}
