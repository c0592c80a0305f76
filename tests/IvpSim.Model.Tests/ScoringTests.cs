using IvpSim.Model.Forecasting;
using IvpSim.Model.Random;

namespace IvpSim.Model.Tests;

public sealed class ScoringTests
{
    private static double[] NormalSample(double mean, double sd, int n) =>
        [.. Enumerable.Range(0, n).Select(j => mean + sd * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (j + 0.5) / n))];

    [Fact]
    public void Should_equal_the_absolute_error_When_the_forecast_is_a_point()
    {
        Assert.Equal(7, SampleScores.Crps([50, 50, 50], 43), 12);
    }

    [Fact]
    public void Should_match_the_closed_form_When_the_forecast_is_normal()
    {
        // CRPS of N(μ, σ) at y: σ·(z(2Φ(z) − 1) + 2φ(z) − 1/√π), z = (y − μ)/σ; a stratified sample of 20,000 is within 0.1%.
        var sample = NormalSample(100, 10, 20_000);
        foreach (var y in new[] { 100.0, 87, 131 })
        {
            var z = (y - 100) / 10;
            var exact = 10 * (z * (2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, z) - 1) +
                2 * MathNet.Numerics.Distributions.Normal.PDF(0, 1, z) - 1 / Math.Sqrt(Math.PI));
            Assert.InRange(SampleScores.Crps(sample, y), exact * 0.999, exact * 1.001);
        }
    }

    [Fact]
    public void Should_equal_the_pairwise_mean_When_crossing_two_samples()
    {
        var rng = StreamRandom.For(5, 0, 0);
        double[] a = [.. Enumerable.Range(0, 57).Select(_ => Math.Round(10 * rng.NextStandardNormal())).Order()];
        double[] b = [.. Enumerable.Range(0, 43).Select(_ => Math.Round(3 + 10 * rng.NextStandardNormal())).Order()];
        var brute = a.SelectMany(x => b.Select(y => Math.Abs(x - y))).Average();
        Assert.Equal(brute, SampleScores.MeanCross(a, b), 10);
        Assert.Equal(a.SelectMany(x => a.Select(y => Math.Abs(x - y))).Average(), SampleScores.MeanPairwise(a), 10);
    }

    [Fact]
    public void Should_find_the_best_mixture_When_stacking_against_a_brute_force_search()
    {
        // Three forecasts of y = 0: two biased to either side and one wide; some mixture beats each alone.
        double[][] samples = [NormalSample(-2, 1, 400), NormalSample(2, 1, 400), NormalSample(0, 4, 400)];
        var a = samples.Select(s => SampleScores.MeanAbsolute(s, 0)).ToArray();
        var b = new double[3, 3];
        for (var i = 0; i < 3; i++) for (var j = 0; j < 3; j++) b[i, j] = SampleScores.MeanCross(samples[i], samples[j]);

        var weights = Stacking.Weights(a, b, [true, true, true]);

        var best = double.PositiveInfinity;
        for (var i = 0; i <= 200; i++)
            for (var j = 0; i + j <= 200; j++)
                best = Math.Min(best, Stacking.Objective(a, b, [i / 200.0, j / 200.0, (200 - i - j) / 200.0]));
        Assert.Equal(1, weights.Sum(), 12);
        Assert.True(Stacking.Objective(a, b, weights) <= best + 1e-9);
        Assert.Equal(weights[0], weights[1], 2);
    }

    [Fact]
    public void Should_be_uniform_When_the_observation_is_drawn_from_the_forecast()
    {
        var forecast = NormalSample(0, 1, 1000).Select(x => Math.Round(x)).Order().ToArray();
        var rng = StreamRandom.For(6, 0, 0);
        var pits = Enumerable.Range(0, 4000).Select(_ => SampleScores.Pit(forecast, Math.Round(rng.NextStandardNormal()), rng.NextDouble())).ToArray();
        // Each tenth holds 400 ± 4·√(4000·0.1·0.9).
        foreach (var decile in Enumerable.Range(0, 10))
            Assert.InRange(pits.Count(p => (int)(p * 10) == decile), 400 - 4 * 19, 400 + 4 * 19);
    }
}
