using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Tests;

/// <summary>
/// The constants' objective is flat, so one search ends where its random numbers lead it; the calibration takes every
/// constant at the median of several searches, each with random numbers of its own.
/// </summary>
public sealed class MedianSearchTests
{
    private static readonly (string Name, Func<ForecastSettings, double> Get)[] Constants =
    [
        ("level_drift_sd", s => s.LevelDriftSd), ("slope_prior_sd", s => s.SlopePriorSd), ("slope_drift_sd", s => s.SlopeDriftSd),
        ("noise_scale", s => s.NoiseScale), ("noise_prior_df", s => s.NoisePriorDf), ("jump_probability", s => s.JumpProbability),
        ("jump_sd", s => s.JumpSd), ("jump_repeat", s => s.JumpRepeat),
    ];

    private static EvaluationSeries[] Series()
    {
        // Short, noisy series with trends that change: little to pin the constants down.
        var rng = StreamRandom.For(43, 0, 0);
        return [.. Enumerable.Range(0, 12).Select(i => new EvaluationSeries("synthetisch",
            Synthetic.Structured(rng, $"s{i}", 7, Math.Log(800), -0.05, 0.8, 0.03, 0.02, 0.01), null))];
    }

    private static ForecastSettings Calibrated(ulong seed, int searches) =>
        ForecastCalibrator.Calibrate(Series(), new CalibrationOptions([2003, 2004, 2005], 2, 50, 100, seed, Rounds: 1, WeightSamples: 0,
            Searches: searches)).Settings;

    [Fact]
    public void Should_take_every_constant_at_the_median_of_the_searches_When_several_searches_run()
    {
        var single = Enumerable.Range(0, 3).Select(k => Calibrated(ForecastCalibrator.SearchSeed(5, k), 1)).ToArray();
        var median = Calibrated(5, 3);

        // The searches disagree somewhere (else the test would not tell a median from the first search) …
        Assert.Contains(Constants, c => single.Select(c.Get).Distinct().Count() > 1);
        // … and each constant is the middle one of the three.
        foreach (var (name, get) in Constants)
            Assert.True(single.Select(get).Order().ElementAt(1) == get(median), $"{name}: {get(median)} from {string.Join(", ", single.Select(get))}");
        // A run projects with every search's constants, in search order; a single search carries none besides its own.
        Assert.Equal(single.Select(ForecastConstants.Of).ToArray(), median.Searched.ToArray());
        Assert.All(single, s => Assert.Empty(s.Searched));
    }

    [Fact]
    public void Should_use_the_seed_itself_When_one_search_runs()
    {
        Assert.Equal(5UL, ForecastCalibrator.SearchSeed(5, 0));
        Assert.NotEqual(ForecastCalibrator.SearchSeed(5, 1), ForecastCalibrator.SearchSeed(5, 2));
    }
}
