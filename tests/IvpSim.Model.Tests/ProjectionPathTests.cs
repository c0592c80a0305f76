using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Tests;

/// <summary>One projection path: the combined model is exactly the mixture of its structures, trajectory by trajectory.</summary>
public sealed class ProjectionPathTests
{
    [Fact]
    public void Should_draw_each_trajectory_from_its_structure_When_the_combined_model_projects()
    {
        var series = SeedModel.Inputs.Corpus.WithAnchors().Take(12).Select(s => new EvaluationSeries("landelijk", s.Series, s.Anchor)).ToArray();
        var forecasts = OutOfSample.Plan(series, [2016], 1, 3);
        var settings = SeedModel.Settings.Forecast;
        var all = Enumerable.Range(-1, Structures.All.Length + 1).ToArray();

        OutOfSample.Project(series, forecasts, settings, all, 500, 99);

        foreach (var f in forecasts)
            Assert.Equal(f.Sorted(-1), f.Mixture(settings.Weights.AsSpan(), 99));
    }

    [Fact]
    public void Should_spread_trajectories_over_the_structures_in_proportion_to_their_weights()
    {
        double[] weights = [0.1, 0, 0.55, 0.05, 0, 0.3];
        var counts = new int[weights.Length];
        const int n = 10_000;
        for (var t = 0; t < n; t++) counts[StructureChoice.Structure(weights, 42, t)]++;
        // A low-discrepancy sequence: within a few trajectories of the exact share, far below binomial noise.
        for (var k = 0; k < weights.Length; k++) Assert.InRange(counts[k], weights[k] * n - 3, weights[k] * n + 3);
    }
}
