using IvpSim.Model.Random;

namespace IvpSim.Model.Tests;

public sealed class RandomStreamsTests
{
    [Fact]
    public void Should_repeat_a_stream_When_seed_trajectory_and_purpose_are_equal()
    {
        var a = RandomStreams.For(7, 12, RandomStreams.Purpose("x"));
        var b = RandomStreams.For(7, 12, RandomStreams.Purpose("x"));
        Assert.Equal(Enumerable.Range(0, 20).Select(_ => a.NextUInt64()), Enumerable.Range(0, 20).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void Should_differ_When_trajectory_or_purpose_differ()
    {
        var first = RandomStreams.For(7, 12, RandomStreams.Purpose("x")).NextUInt64();
        Assert.NotEqual(first, RandomStreams.For(7, 13, RandomStreams.Purpose("x")).NextUInt64());
        Assert.NotEqual(first, RandomStreams.For(7, 12, RandomStreams.Purpose("y")).NextUInt64());
        Assert.NotEqual(first, RandomStreams.For(8, 12, RandomStreams.Purpose("x")).NextUInt64());
    }

    [Fact]
    public void Should_be_standard_normal_within_sampling_error_When_drawing_many_values()
    {
        const int n = 200_000;
        var rng = RandomStreams.For(1, 0, 0);
        var xs = Enumerable.Range(0, n).Select(_ => rng.NextStandardNormal()).ToArray();
        var mean = xs.Average();
        var variance = xs.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        // 4 standard errors: SE(mean) = 1/sqrt(n), SE(variance) = sqrt(2/(n-1)).
        Assert.InRange(mean, -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.InRange(variance, 1 - 4 * Math.Sqrt(2.0 / (n - 1)), 1 + 4 * Math.Sqrt(2.0 / (n - 1)));
        // Uniforms: the share below 0.5 is binomial.
        var u = RandomStreams.For(2, 0, 0);
        var below = Enumerable.Range(0, n).Count(_ => u.NextDouble() < 0.5);
        Assert.InRange(below, n / 2 - 4 * Math.Sqrt(n / 4.0), n / 2 + 4 * Math.Sqrt(n / 4.0));
    }
}
