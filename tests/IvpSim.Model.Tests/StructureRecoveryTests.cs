using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Random;

namespace IvpSim.Model.Tests;

/// <summary>
/// Each structure is recovered from synthetic series that it generated: scored out of sample by rolling origins as
/// in the calibration (with the generating process's own constants), it has the lowest CRPS of all structures and
/// gets the largest stacking weight.
/// </summary>
public sealed class StructureRecoveryTests
{
    private const int Years = 20, Count = 60;

    private static readonly ForecastSettings Settings = ForecastSettings.Uncalibrated with
    {
        LevelDriftSd = 0.03, SlopeDriftSd = 0.04, SlopePriorSd = 0.2, NoiseScale = 1, NoisePriorDf = 2, JumpProbability = 0,
    };

    private static void AssertRecovered(string expected, IReadOnlyList<EvaluationSeries> series, ForecastSettings settings)
    {
        var forecasts = OutOfSample.Plan(series, Enumerable.Range(2005, 13), 1, 3);
        var (stacked, _) = ForecastCalibrator.Stack(series, forecasts, settings, 300, 17);
        int[] all = [.. Enumerable.Range(0, Structures.All.Length)];
        var (a, b) = OutOfSample.Moments(forecasts, all);
        var crps = all.Select(k => a[k] - 0.5 * b[k, k]).ToArray();
        var truth = Structures.IndexOf(expected);
        var summary = string.Join(", ", all.Select(k => $"{Structures.All[k].Id} w {stacked.Weights[k]:F2} crps {crps[k]:F3}"));
        // Without a national series the anchored structure is the local level itself: it is no rival then.
        var rivals = all.Where(k => k != truth && (Structures.All[k].Kind != StructureKind.Anchored || series.Any(s => s.Anchor is not null)));
        Assert.True(rivals.All(k => crps[truth] < crps[k]), $"{expected} is not the sharpest: {summary}");
        Assert.True(stacked.Weights[truth] >= 0.5 && stacked.Weights[truth] == stacked.Weights.Max(), $"{expected} is not the heaviest: {summary}");
    }

    private static EvaluationSeries[] Generated(ulong seed, Func<StreamRandom, int, CalibrationSeries> make)
    {
        var rng = StreamRandom.For(seed, 0, 0);
        return [.. Enumerable.Range(0, Count).Select(i => new EvaluationSeries("synthetisch", make(rng, i), null))];
    }

    [Fact]
    public void Should_recover_the_local_level_When_series_wander_without_trend()
    {
        var series = Generated(31, (rng, i) => Synthetic.Structured(rng, $"s{i}", Years, Math.Log(2000), 0, 0, 0, 0.03, 0.002));
        AssertRecovered(Structures.LocalLevelId, series, Settings);
    }

    [Fact]
    public void Should_recover_the_linear_trend_When_series_keep_their_slope()
    {
        var series = Generated(32, (rng, i) => Synthetic.Structured(rng, $"s{i}", Years, Math.Log(2000), 0.2 * rng.NextStandardNormal(), 1, 0, 0.03, 0.002));
        AssertRecovered("linear-trend", series, Settings);
    }

    [Fact]
    public void Should_recover_a_strongly_damped_trend_When_slopes_fade_by_half_each_year()
    {
        var series = Generated(33, (rng, i) => Synthetic.Structured(rng, $"s{i}", Years, Math.Log(2000), 0, 0.5, 0.1, 0.01, 0.001));
        AssertRecovered("damped-0.5", series, Settings with { SlopeDriftSd = 0.1, LevelDriftSd = 0.01 });
    }

    [Fact]
    public void Should_recover_the_national_anchor_When_local_series_follow_a_national_one()
    {
        // A national series whose trend keeps changing; each local series is it plus a fixed offset and noise.
        var rng = StreamRandom.For(34, 0, 0);
        var national = Synthetic.Structured(rng, "nationaal", Years, Math.Log(100_000), 0.05, 0.9, 0.06, 0.01, 0.0002) with { Region = "nederland" };
        var series = Enumerable.Range(0, Count).Select(i =>
        {
            var offset = Math.Log(0.002 + 0.001 * (i % 5));
            var values = national.Values.Select(v => (double)MathNet.Numerics.Distributions.Poisson.Sample(rng,
                Math.Exp(Math.Log(v) + offset + 0.05 * rng.NextStandardNormal()))).ToArray();
            return new EvaluationSeries("synthetisch", Synthetic.FromValues($"s{i}", values), national);
        }).ToArray();
        AssertRecovered(Structures.AnchoredId, series, Settings with { LevelDriftSd = 0.01, SlopeDriftSd = 0.06 });
    }
}
