using IvpSim.Model.Random;

namespace IvpSim.Model.Tests;

public sealed class RandomStreamsTests
{
    [Fact]
    public void Should_repeat_a_stream_When_seed_trajectory_and_purpose_are_equal()
    {
        var a = StreamRandom.For(7, 12, RandomStreams.Purpose("x"));
        var b = StreamRandom.For(7, 12, RandomStreams.Purpose("x"));
        Assert.Equal(Enumerable.Range(0, 20).Select(_ => a.NextUInt64()), Enumerable.Range(0, 20).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void Should_differ_When_trajectory_or_purpose_differ()
    {
        var first = StreamRandom.For(7, 12, RandomStreams.Purpose("x")).NextUInt64();
        Assert.NotEqual(first, StreamRandom.For(7, 13, RandomStreams.Purpose("x")).NextUInt64());
        Assert.NotEqual(first, StreamRandom.For(7, 12, RandomStreams.Purpose("y")).NextUInt64());
        Assert.NotEqual(first, StreamRandom.For(8, 12, RandomStreams.Purpose("x")).NextUInt64());
    }

    [Fact]
    public void Should_be_standard_normal_within_sampling_error_When_drawing_many_values()
    {
        const int n = 200_000;
        var rng = StreamRandom.For(1, 0, 0);
        var xs = Enumerable.Range(0, n).Select(_ => rng.NextStandardNormal()).ToArray();
        var mean = xs.Average();
        var variance = xs.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        // 4 standard errors: SE(mean) = 1/sqrt(n), SE(variance) = sqrt(2/(n-1)).
        Assert.InRange(mean, -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.InRange(variance, 1 - 4 * Math.Sqrt(2.0 / (n - 1)), 1 + 4 * Math.Sqrt(2.0 / (n - 1)));
        // Uniforms: the share below 0.5 is binomial.
        var u = StreamRandom.For(2, 0, 0);
        var below = Enumerable.Range(0, n).Count(_ => u.NextDouble() < 0.5);
        Assert.InRange(below, n / 2 - 4 * Math.Sqrt(n / 4.0), n / 2 + 4 * Math.Sqrt(n / 4.0));
    }

    [Fact]
    public void Should_follow_the_normal_distribution_in_body_and_tails_When_drawing_by_ziggurat()
    {
        const int n = 2_000_000;
        var rng = RandomStream.For(9, 0, 0);
        var xs = new double[n];
        for (var i = 0; i < n; i++) xs[i] = rng.NextStandardNormal();
        Array.Sort(xs);
        // Kolmogorov-Smirnov: the largest gap between the sample's and Φ's distribution function, 1.95/√n at the 0.1% level.
        var d = 0.0;
        for (var i = 0; i < n; i += 97)
        {
            var phi = PoissonSampler.NormalCdf(xs[i]);
            d = Math.Max(d, Math.Max(Math.Abs((i + 1.0) / n - phi), Math.Abs((double)i / n - phi)));
        }
        Assert.True(d < 1.95 / Math.Sqrt(n), $"KS distance {d}");
        // The tails beyond the ziggurat's base (3.44): the share above 3.5 is binomial around 1 − Φ(3.5).
        var p = PoissonSampler.NormalCdf(-3.5);
        var above = xs.Count(x => x > 3.5);
        Assert.InRange(above, n * p - 4 * Math.Sqrt(n * p), n * p + 4 * Math.Sqrt(n * p));
        Assert.InRange(xs.Count(x => x < -3.5), n * p - 4 * Math.Sqrt(n * p), n * p + 4 * Math.Sqrt(n * p));
    }

    [Fact]
    public void Should_give_independent_short_streams_When_purposes_differ()
    {
        var key = RandomStreams.TrajectoryKey(7, 3);
        var a = ShortStream.For(key, RandomStreams.Purpose("a"));
        var b = ShortStream.For(key, RandomStreams.Purpose("b"));
        var again = ShortStream.For(key, RandomStreams.Purpose("a"));
        var first = a.NextUInt64();
        Assert.Equal(first, again.NextUInt64());
        Assert.NotEqual(first, b.NextUInt64());
        // The same stream from the full key and from the trajectory key.
        Assert.Equal(RandomStream.For(7, 3, 11).NextUInt64(), RandomStream.For(key, 11).NextUInt64());
    }
}
