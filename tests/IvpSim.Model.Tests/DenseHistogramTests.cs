using IvpSim.Model.Aggregation;

namespace IvpSim.Model.Tests;

public sealed class DenseHistogramTests
{
    [Fact]
    public void Should_count_like_a_plain_histogram_When_values_spread_far_beyond_the_window()
    {
        var rng = StreamRandom.For(8, 0, 0);
        // Mostly near 1,000, now and then a wild value far outside any window, and values on both sides of zero.
        var values = Enumerable.Range(0, 20_000).Select(i => i % 997 == 0 ? rng.Next(-2_000_000, 50_000_000) : 1000 + (int)(80 * rng.NextStandardNormal())).ToArray();
        var dense = new DenseHistogram();
        foreach (var v in values) dense.Add(v);

        var expected = CountHistogram.Of(values);
        Assert.Equal(expected.Values.ToArray(), dense.ToHistogram().Values.ToArray());
        Assert.Equal(expected.Counts.ToArray(), dense.ToHistogram().Counts.ToArray());
        Assert.Equal(values.Length, dense.Total);
    }

    [Fact]
    public void Should_merge_exactly_and_start_afresh_When_cleared()
    {
        int[] a = [5, 7, 7, 100_000, -3], b = [7, 9, 100_000];
        var dense = new DenseHistogram();
        foreach (var v in a) dense.Add(v);
        dense.Add(CountHistogram.Of(b));
        Assert.Equal(CountHistogram.Of([.. a, .. b]).Counts.ToArray(), dense.ToHistogram().Counts.ToArray());

        dense.Clear();
        dense.Add(42);
        Assert.Equal([42], dense.ToHistogram().Values.ToArray());
        Assert.Equal(1, dense.Total);
    }
}
