using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Tests;

/// <summary>
/// Structure weights learned from few years are shrunk towards even weights: the series of one year share that year's
/// surprise, so one year of outcomes cannot rule a structure out.
/// </summary>
public sealed class WeightPriorTests
{
    private static EvaluationSeries[] Trending()
    {
        // Steady straight-line declines with little noise: stacking alone puts (almost) everything on the trends.
        var rng = StreamRandom.For(41, 0, 0);
        return [.. Enumerable.Range(0, 24).Select(i => new EvaluationSeries("synthetisch",
            Synthetic.Structured(rng, $"s{i}", 8, Math.Log(3000), -0.08, 1, 0, 0.002, 0.0005), null))];
    }

    private static ForecastSettings Calibrated(int[] origins, double priorYears) =>
        ForecastCalibrator.Calibrate(Trending(), new CalibrationOptions([.. origins], 1, 60, 200, 5, Rounds: 1, WeightSamples: 10,
            PriorYears: priorYears, Searches: 1)).Settings;

    /// <summary>Equal up to the weights' 4-decimal rounding, whose remainder the largest weight takes.</summary>
    private static void Near(double expected, double actual) => Assert.InRange(actual, expected - 5e-4, expected + 5e-4);

    [Fact]
    public void Should_give_every_structure_at_least_half_an_even_share_When_the_weights_come_from_one_year()
    {
        var unshrunk = Calibrated([2006], priorYears: 0);
        var oneYear = Calibrated([2006], priorYears: 1);
        int[] own = [.. Enumerable.Range(0, Structures.All.Length).Where(k => Structures.All[k].Kind != StructureKind.Anchored)];

        Assert.True(own.Min(k => unshrunk.AnchorWeights[k]) < 0.02, "stacking alone rules some structure out: " + string.Join(", ", unshrunk.AnchorWeights));
        // One year learned, one year of even prior: half of 1/6 at least (less the 4-decimal rounding).
        Assert.All(own, k => Assert.True(oneYear.AnchorWeights[k] >= 0.5 / own.Length - 1e-3, $"{Structures.All[k].Id}: {oneYear.AnchorWeights[k]}"));
        Assert.All(own, k => Near(0.5 * unshrunk.AnchorWeights[k] + 0.5 / own.Length, oneYear.AnchorWeights[k]));
    }

    [Fact]
    public void Should_lean_less_on_the_prior_When_more_years_have_been_seen()
    {
        var threeYears = Calibrated([2004, 2005, 2006], priorYears: 1);
        var unshrunk = Calibrated([2004, 2005, 2006], priorYears: 0);
        int[] own = [.. Enumerable.Range(0, Structures.All.Length).Where(k => Structures.All[k].Kind != StructureKind.Anchored)];

        // Three years of outcomes (2005-2007) against one of prior: three quarters the stacking's.
        Assert.All(own, k => Near(0.75 * unshrunk.AnchorWeights[k] + 0.25 / own.Length, threeYears.AnchorWeights[k]));
    }
}
