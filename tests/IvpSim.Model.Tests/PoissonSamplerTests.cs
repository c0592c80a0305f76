using IvpSim.Model.Random;

namespace IvpSim.Model.Tests;

public sealed class PoissonSamplerTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(5)]
    [InlineData(29.5)]
    [InlineData(30)]
    [InlineData(200)]
    [InlineData(3000)]
    public void Should_have_poisson_mean_and_variance_When_sampling_many(double lambda)
    {
        const int n = 200_000;
        var rng = RandomStreams.For(3, 0, RandomStreams.Purpose("poisson"));
        var xs = Enumerable.Range(0, n).Select(_ => (double)PoissonSampler.Sample(lambda, rng.NextDouble())).ToArray();
        var mean = xs.Average();
        var variance = xs.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        // Mean: 4 standard errors √(λ/n). Variance: 4 standard errors √((2λ² + λ)/n), plus 1% for the approximation above the threshold.
        Assert.InRange(mean, lambda - 4 * Math.Sqrt(lambda / n), lambda + 4 * Math.Sqrt(lambda / n));
        var seVariance = Math.Sqrt((2 * lambda * lambda + lambda) / n);
        Assert.InRange(variance, lambda * 0.99 - 4 * seVariance, lambda * 1.01 + 4 * seVariance);
    }

    [Fact]
    public void Should_never_give_fewer_counts_for_a_larger_mean_When_the_uniform_is_the_same()
    {
        var rng = RandomStreams.For(4, 0, 0);
        for (var i = 0; i < 2000; i++)
        {
            var u = rng.NextDouble();
            var previous = 0;
            foreach (var lambda in new[] { 0.0, 0.3, 2, 10, 25, 35, 80, 400, 401, 2500 })
            {
                var k = PoissonSampler.Sample(lambda, u);
                Assert.True(k >= previous, $"u={u}: λ={lambda} gave {k} < {previous}");
                previous = k;
            }
        }
    }
}
