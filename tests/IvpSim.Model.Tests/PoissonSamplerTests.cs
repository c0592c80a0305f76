using IvpSim.Model.Random;

namespace IvpSim.Model.Tests;

public sealed class PoissonSamplerTests
{
    private static int Reference(double lambda, double z) => ReferencePoisson.Quantile(lambda, z);

    [Fact]
    public void Should_return_the_exact_quantile_When_compared_with_a_plain_search()
    {
        var rng = StreamRandom.For(1, 0, RandomStreams.Purpose("poisson-exact"));
        for (var i = 0; i < 20_000; i++)
        {
            // Means spread on a log scale from 0.01 to 10 million, scores including the far tails.
            var lambda = Math.Exp(Math.Log(0.01) + rng.NextDouble() * (Math.Log(1e7) - Math.Log(0.01)));
            var z = 3 * rng.NextStandardNormal();
            Assert.True(Reference(lambda, z) == PoissonSampler.Sample(lambda, z), $"λ = {lambda:R}, z = {z:R}");
        }
    }

    [Fact]
    public void Should_be_exact_and_monotone_in_the_mean_When_crossing_the_method_switch()
    {
        var rng = StreamRandom.For(2, 0, RandomStreams.Purpose("poisson-switch"));
        for (var i = 0; i < 400; i++)
        {
            var z = 2.5 * rng.NextStandardNormal();
            var previous = 0;
            // Steps of 0.0005 from 11 to 13 cross SmallMean = 12 with the same score.
            for (var lambda = PoissonSampler.SmallMean - 1; lambda <= PoissonSampler.SmallMean + 1; lambda += 0.0005)
            {
                var k = PoissonSampler.Sample(lambda, z);
                Assert.True(k >= previous, $"z = {z:R}: λ = {lambda:R} gave {k} < {previous}");
                Assert.Equal(Reference(lambda, z), k);
                previous = k;
            }
        }
    }

    [Fact]
    public void Should_never_give_fewer_counts_for_a_larger_mean_or_score()
    {
        var rng = StreamRandom.For(4, 0, 0);
        double[] means = [0.0, 0.3, 2, 10, 11.99, 12, 25, 35, 80, 400, 401, 2500, 1e5, 3e6];
        for (var i = 0; i < 2000; i++)
        {
            var z = 3 * rng.NextStandardNormal();
            var previous = 0;
            foreach (var lambda in means)
            {
                var k = PoissonSampler.Sample(lambda, z);
                Assert.True(k >= previous, $"z = {z}: λ = {lambda} gave {k} < {previous}");
                previous = k;
            }
            var lambdaHere = means[i % means.Length];
            Assert.True(PoissonSampler.Sample(lambdaHere, z + 0.01) >= PoissonSampler.Sample(lambdaHere, z));
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(5)]
    [InlineData(11.9)]
    [InlineData(12)]
    [InlineData(200)]
    [InlineData(3000)]
    public void Should_have_poisson_mean_and_variance_When_sampling_many(double lambda)
    {
        const int n = 200_000;
        var rng = StreamRandom.For(3, 0, RandomStreams.Purpose("poisson"));
        var xs = Enumerable.Range(0, n).Select(_ => (double)PoissonSampler.Sample(lambda, rng.NextStandardNormal())).ToArray();
        var mean = xs.Average();
        var variance = xs.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        // Mean: 4 standard errors √(λ/n). Variance: 4 standard errors √((2λ² + λ)/n). The sampler is exact.
        Assert.InRange(mean, lambda - 4 * Math.Sqrt(lambda / n), lambda + 4 * Math.Sqrt(lambda / n));
        var seVariance = Math.Sqrt((2 * lambda * lambda + lambda) / n);
        Assert.InRange(variance, lambda - 4 * seVariance, lambda + 4 * seVariance);
    }

    [Fact]
    public void Should_have_no_cap_When_the_mean_is_huge_or_the_score_extreme()
    {
        Assert.InRange(PoissonSampler.Sample(5e6, 0), 5e6 - 1, 5e6 + 1);
        Assert.Equal(Reference(5e6, 6), PoissonSampler.Sample(5e6, 6));
        Assert.True(PoissonSampler.Sample(900, 8.2) > 1000, "a draw above 1,000 must be possible");
        Assert.Equal(0, PoissonSampler.Sample(50, -12));
        Assert.Equal(Reference(3, 8.5), PoissonSampler.Sample(3, 8.5));
    }
}
