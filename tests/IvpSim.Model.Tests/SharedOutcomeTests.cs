using IvpSim.Model.Backtest;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Random;
using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Tests;

/// <summary>
/// The coverage a model expects of forecasts that share an outcome, on synthetic forecasts whose truth is known:
/// draw j of every forecast is s_j + e_ij (s shared, e each forecast's own), the outcome s* + e*_i.
/// </summary>
public sealed class SharedOutcomeTests
{
    private const int Forecasts = 200;
    private const int Draws = 2000;
    private const double SharedSd = 1, OwnSd = 0.5;

    /// <summary>The half-width of the model's central 50% interval: its predictive sd is √(1 + 0.25).</summary>
    private static readonly double Half50 = Normal.InvCDF(0, 1, 0.75) * Math.Sqrt(SharedSd * SharedSd + OwnSd * OwnSd);

    private static SharedOutcomeCheck Check(double sharedSd, double sharedOutcome, double outcomeOwnSd, ulong seed = 11)
    {
        var rng = new RandomStream(seed);
        var shared = Enumerable.Range(0, Draws).Select(_ => sharedSd * rng.NextStandardNormal()).ToArray();
        var draws = new List<double[]>();
        var pits = new List<double>();
        for (var i = 0; i < Forecasts; i++)
        {
            var x = shared.Select(s => s + OwnSd * rng.NextStandardNormal()).ToArray();
            var sorted = x.Order().ToArray();
            draws.Add(x);
            pits.Add(SampleScores.Pit(sorted, sharedOutcome + outcomeOwnSd * rng.NextStandardNormal(), rng.NextDouble()));
        }
        return SharedOutcome.Check("synthetisch", 2015, 2022, draws, [.. draws.Select(d => d.Order().ToArray())], pits, seed)!;
    }

    /// <summary>The chance that s* + e lies in the central 50% interval when the shared outcome is s*.</summary>
    private static double Covered50(double sharedOutcome, double ownSd) =>
        Normal.CDF(0, ownSd, Half50 - sharedOutcome) - Normal.CDF(0, ownSd, -Half50 - sharedOutcome);

    [Fact]
    public void Should_expect_a_binomial_spread_of_coverage_When_forecasts_share_nothing()
    {
        var check = Check(sharedSd: 0, sharedOutcome: 0, outcomeOwnSd: OwnSd);

        // 200 independent forecasts: the 50% coverage is binomial, sd √(0.25/200); 90%: √(0.09/200). Tolerance: the
        // 5% and 95% points estimated from 2,000 worlds, and the PIT from a sample of 2,000.
        var sd50 = Math.Sqrt(0.25 / Forecasts);
        Assert.InRange(check.Expected50.P05, 0.5 - 1.645 * sd50 - 0.02, 0.5 - 1.645 * sd50 + 0.02);
        Assert.InRange(check.Expected50.P95, 0.5 + 1.645 * sd50 - 0.02, 0.5 + 1.645 * sd50 + 0.02);
        var sd90 = Math.Sqrt(0.09 / Forecasts);
        Assert.InRange(check.Expected90.P05, 0.9 - 1.645 * sd90 - 0.02, 0.9 - 1.645 * sd90 + 0.02);
        Assert.InRange(check.Expected90.P95, 0.9 + 1.645 * sd90 - 0.02, 0.9 + 1.645 * sd90 + 0.02);
    }

    [Fact]
    public void Should_expect_high_coverage_When_the_shared_outcome_fell_in_the_middle()
    {
        var check = Check(SharedSd, sharedOutcome: 0, outcomeOwnSd: OwnSd);

        // Over all worlds the 50% coverage runs from a few percent (shared outcome far out) to about 87% (in the middle).
        Assert.True(check.Expected50.P05 < 0.1 && check.Expected50.P95 > 0.8, $"{check.Expected50}");
        // The real shared outcome is the middle one; the median PIT of 200 outcomes places it within about 0.02.
        Assert.InRange(check.SharedPit, 0.44, 0.56);
        // Worlds like it cover about 87%, as the outcomes do (binomial sd 0.024 over 200).
        Assert.InRange(check.Similar50.P50, Covered50(0, OwnSd) - 0.03, Covered50(0, OwnSd) + 0.03);
        Assert.InRange(check.Coverage50, Covered50(0, OwnSd) - 0.08, Covered50(0, OwnSd) + 0.08);
    }

    [Fact]
    public void Should_place_the_shared_outcome_high_When_it_fell_far_above_the_middle()
    {
        var check = Check(SharedSd, sharedOutcome: 1.5, outcomeOwnSd: OwnSd);

        // The worlds' shared outcomes are N(0, 1): the real one, 1.5, lies above Φ(1.5) of them.
        Assert.InRange(check.SharedPit, Normal.CDF(0, 1, 1.5) - 0.04, Normal.CDF(0, 1, 1.5) + 0.04);
        Assert.InRange(check.Similar50.P50, Covered50(1.5, OwnSd) - 0.04, Covered50(1.5, OwnSd) + 0.04);
    }

    [Fact]
    public void Should_flag_the_coverage_When_the_forecasts_own_spread_is_too_narrow()
    {
        // The outcomes move twice as far from the shared outcome as the model's forecasts do.
        var check = Check(SharedSd, sharedOutcome: 0, outcomeOwnSd: 2 * OwnSd);

        // About 55% are covered, against about 87% in worlds like this one: outside their range, so the model is off.
        Assert.InRange(check.Coverage50, Covered50(0, 2 * OwnSd) - 0.08, Covered50(0, 2 * OwnSd) + 0.08);
        Assert.False(check.Similar50.Contains(check.Coverage50), $"{check.Coverage50} in {check.Similar50}");
        // Over all worlds the same coverage looks unremarkable: why the check conditions on where the shared outcome fell.
        Assert.True(check.Expected50.Contains(check.Coverage50), $"{check.Coverage50} in {check.Expected50}");
    }

    /// <summary>
    /// The relative check on the same kind of forecasts, as log changes: group g's draw j is s_gj + e_ij (each group its
    /// own shared draws, as the halves of a cross-section are forecast apart), the outcome s*_g + e*_i.
    /// </summary>
    private static RelativeCoverage Relative(double outcomeOwnSd, int groups = 1, ulong seed = 11)
    {
        var rng = new RandomStream(seed);
        var shared = Enumerable.Range(0, groups).Select(_ => Enumerable.Range(0, Draws).Select(_ => SharedSd * rng.NextStandardNormal()).ToArray()).ToArray();
        var sharedOutcome = Enumerable.Range(0, groups).Select(_ => SharedSd * rng.NextStandardNormal()).ToArray();
        var group = Enumerable.Range(0, Forecasts).Select(i => i % groups).ToArray();
        var changes = group.Select(g => shared[g].Select(s => s + OwnSd * rng.NextStandardNormal()).ToArray()).ToList();
        var observed = group.Select(g => sharedOutcome[g] + outcomeOwnSd * rng.NextStandardNormal()).ToList();
        return SharedOutcome.Relative("synthetisch", 2015, 2022, changes, observed, group, seed)!;
    }

    [Fact]
    public void Should_cover_half_of_the_own_movements_When_the_forecasts_own_spread_is_right()
    {
        var check = Relative(outcomeOwnSd: OwnSd);

        // With the shared outcome taken out, 200 forecasts are nearly independent: the model expects 50% ± 1.645·√(0.25/200)
        // (5.8 points). The measured coverage is one binomial draw: within three of its sd of 50% and 90%.
        var sd50 = Math.Sqrt(0.25 / Forecasts);
        Assert.InRange(check.Expected50.P05, 0.5 - 1.645 * sd50 - 0.02, 0.5 - 1.645 * sd50 + 0.02);
        Assert.InRange(check.Expected50.P95, 0.5 + 1.645 * sd50 - 0.02, 0.5 + 1.645 * sd50 + 0.02);
        Assert.InRange(check.Coverage50, 0.5 - 3 * sd50, 0.5 + 3 * sd50);
        var sd90 = Math.Sqrt(0.09 / Forecasts);
        Assert.InRange(check.Coverage90, 0.9 - 3 * sd90, 0.9 + 3 * sd90);
    }

    [Fact]
    public void Should_flag_the_own_movements_When_the_forecasts_own_spread_is_too_narrow()
    {
        var check = Relative(outcomeOwnSd: 2 * OwnSd);

        // Outcomes twice as spread as the draws: P(|e*| < 0.674·0.5) with e* ~ N(0, 1), about 26%, binomial sd 3 points.
        var expected = 2 * Normal.CDF(0, 2 * OwnSd, Normal.InvCDF(0, OwnSd, 0.75)) - 1;
        Assert.InRange(check.Coverage50, expected - 0.1, expected + 0.1);
        Assert.False(check.Expected50.Contains(check.Coverage50), $"{check.Coverage50} in {check.Expected50}");
        Assert.False(check.Expected90.Contains(check.Coverage90), $"{check.Coverage90} in {check.Expected90}");
    }

    [Fact]
    public void Should_take_out_each_groups_own_shared_outcome_When_groups_were_forecast_apart()
    {
        // Two groups with independent shared draws. Centred together, every forecast of a group would carry the same
        // half difference of the two groups' shared draws (sd 0.71, beside their own 0.5): the coverage would again move
        // with where that fell, anywhere from about 20% to 75%. Centred apart, it stays binomial.
        var check = Relative(outcomeOwnSd: OwnSd, groups: 2);

        var sd50 = Math.Sqrt(0.25 / Forecasts);
        Assert.InRange(check.Expected50.P05, 0.5 - 1.645 * sd50 - 0.02, 0.5 - 1.645 * sd50 + 0.02);
        Assert.InRange(check.Expected50.P95, 0.5 + 1.645 * sd50 - 0.02, 0.5 + 1.645 * sd50 + 0.02);
        Assert.InRange(check.Coverage50, 0.5 - 3 * sd50, 0.5 + 3 * sd50);
    }

    [Fact]
    public void Should_not_check_When_too_few_forecasts_share_the_outcome()
    {
        double[][] draws = [.. Enumerable.Range(0, SharedOutcome.MinimumForecasts - 1).Select(i => new double[] { i, i + 1, i + 2 })];
        Assert.Null(SharedOutcome.Check("x", 2015, 2016, draws, draws, [.. draws.Select(_ => 0.5)], 1));
    }
}
