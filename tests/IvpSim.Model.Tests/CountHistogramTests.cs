using IvpSim.Model.Aggregation;

namespace IvpSim.Model.Tests;

public sealed class CountHistogramTests
{
    [Fact]
    public void Should_give_the_same_histogram_When_merging_in_any_order()
    {
        var rng = new System.Random(1);
        var parts = Enumerable.Range(0, 6).Select(_ => CountHistogram.Of(Enumerable.Range(0, 50).Select(_ => rng.Next(0, 30)))).ToArray();
        var forward = parts.Aggregate(CountHistogram.Empty, (a, b) => a.Merge(b));
        var backward = parts.Reverse().Aggregate(CountHistogram.Empty, (a, b) => b.Merge(a));
        Assert.Equal(forward.Values.ToArray(), backward.Values.ToArray());
        Assert.Equal(forward.Counts.ToArray(), backward.Counts.ToArray());
        Assert.Equal(300, forward.Total);
    }

    [Fact]
    public void Should_return_exact_quantiles_and_mean_When_values_are_known()
    {
        var h = CountHistogram.Of(Enumerable.Range(1, 100));
        Assert.Equal(5, h.Quantile(0.05));
        Assert.Equal(50, h.Quantile(0.5));
        Assert.Equal(95, h.Quantile(0.95));
        Assert.Equal(100, h.Quantile(1.0));
        Assert.Equal(50.5, h.Mean());
        Assert.Equal(30, h.CountWhere(v => v <= 30));
    }
}
