using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Random;
using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Tests;

/// <summary>
/// Municipalities differ in how much they move: a municipality's variance is scaled by w ~ Gamma(k, 1/k) per trajectory,
/// with k learned from the kurtosis of the cross-section. Tolerances follow from the sample sizes (see each test).
/// </summary>
public sealed class MunicipalVolatilityTests
{
    private const double Alpha = 0.016;

    [Fact]
    public void Should_draw_the_gammas_mean_and_variance_When_sampled()
    {
        const double shape = 3.2;
        const int n = 100_000;
        var rng = new RandomStream(5);
        var x = Enumerable.Range(0, n).Select(_ => GammaSampler.Sample(ref rng, shape)).ToArray();
        var mean = x.Average();
        var variance = x.Average(v => (v - mean) * (v - mean));
        // Gamma(k, 1): mean k, variance k; the sample variance's sd is √((μ₄ − k²)/n) with μ₄ = 3k² + 6k.
        Assert.InRange(mean, shape - 5 * Math.Sqrt(shape / n), shape + 5 * Math.Sqrt(shape / n));
        var sdVariance = Math.Sqrt((2 * shape * shape + 6 * shape) / n);
        Assert.InRange(variance, shape - 5 * sdVariance, shape + 5 * sdVariance);
        Assert.All(x, v => Assert.True(v > 0));
    }

    /// <summary>20,000 municipalities of 400-8,000 crimes (sizes must vary to tell counting noise apart), 7 years apart, whose movement has variance w·α.</summary>
    private static LocalEstimate CrossSection(double shape, ulong seed)
    {
        var rng = StreamRandom.For(seed, 0, 0);
        var stream = new RandomStream(seed);
        var pairs = new List<CrossSectionPair>();
        for (var m = 0; m < 20_000; m++)
        {
            var w = shape > 0 ? GammaSampler.Sample(ref stream, shape) / shape : 1;
            var size = Math.Exp(6 + 3 * stream.NextDouble());
            var last = size * Math.Exp(Math.Sqrt(w * Alpha) * stream.NextStandardNormal());
            pairs.Add(new CrossSectionPair($"g{m}", Poisson.Sample(rng, size), Poisson.Sample(rng, last), 7));
        }
        return LocalCalibrator.Estimate(pairs, []);
    }

    [Fact]
    public void Should_learn_the_shape_of_the_mixture_When_municipalities_move_unequally()
    {
        var estimate = CrossSection(shape: 2, seed: 7);

        // Kurtosis 3·(1 + 1/2) = 4.5. The fourth moment's sd over 20,000: √((E[L⁸] − E[L⁴]²)/n)/α² with E[L⁸] = 105·E[w⁴]α⁴,
        // E[w⁴] = 2·3·4·5/2⁴ = 7.5: √(767/20000) ≈ 0.2 (counting noise adds a little). Three sd: 3.9-5.1, so k 1.4-3.3.
        Assert.InRange(estimate.Kurtosis, 3.9, 5.1);
        Assert.InRange(estimate.VolatilityShape, 1.4, 3.3);
        Assert.Equal(Math.Round(estimate.VolatilityShape, 2), LocalCalibrator.Apply(ForecastSettings.Uncalibrated, estimate).LocalVolatilityShape);
    }

    [Fact]
    public void Should_keep_municipalities_alike_When_their_movements_are_normal()
    {
        var estimate = CrossSection(shape: 0, seed: 8);

        // Normal: kurtosis 3 with sd √(96/20000) ≈ 0.07; three sd above 3 gives k ≥ 1/0.07 ≈ 14, below it none.
        Assert.InRange(estimate.Kurtosis, 2.79, 3.21);
        Assert.True(estimate.VolatilityShape == 0 || estimate.VolatilityShape > 14, $"{estimate.VolatilityShape}");
    }

    [Theory]
    [InlineData(2.5, 0)]
    [InlineData(3, 0)]
    [InlineData(4.5, 2)]
    [InlineData(9, 1)]
    public void Should_map_a_kurtosis_to_a_shape_When_asked(double kurtosis, double shape) =>
        Assert.Equal(shape, LocalCalibrator.VolatilityShape(kurtosis), 10);

    [Fact]
    public void Should_give_a_local_factor_the_learned_kurtosis_and_the_same_variance_When_the_shape_is_set()
    {
        var settings = ForecastSettings.Uncalibrated with
        {
            LevelDriftSd = 0, LocalDriftSd = 0.05, LocalNoise = 0.004, LocalDispersion = 1,
            AnchorWeights = [.. Structures.All.Select(s => s.Id == Structures.RandomWalkId ? 1.0 : 0)],
        };
        double[] Logs(double shape)
        {
            var national = new Calibration.CalibrationSeries("nederland", "total_crimes", [2016, 2017, 2018, 2019], [8e6, 8e6, 8e6, 8e6], [false, false, false, false]);
            var local = new Calibration.CalibrationSeries("ermelo", "total_crimes", [2016, 2017, 2018, 2019], [1e5, 1e5, 1e5, 1e5], [false, false, false, false]);
            var model = ForecastModelBuilder.Build([new ComponentSeries(local, national, Local: true)], settings with { LocalVolatilityShape = shape });
            return [.. KernelDraws.LastYear(model, 7, 2020, 2024, 20_000).Select(c => Math.Log(c + 0.5))];
        }
        static (double Variance, double Kurtosis) Moments(double[] x)
        {
            var mean = x.Average();
            var variance = x.Average(v => (v - mean) * (v - mean));
            return (variance, x.Average(v => Math.Pow(v - mean, 4)) / (variance * variance));
        }

        var (alikeVariance, alikeKurtosis) = Moments(Logs(0));
        var (mixedVariance, mixedKurtosis) = Moments(Logs(1.5));

        // The mean of w is 1, so the variance stays: its sample sd is about √((κ − 1)/n) of it, at most 3% here.
        Assert.InRange(mixedVariance / alikeVariance, 0.9, 1.1);
        // Alike: normal, kurtosis 3 ± 3·√(24/20000) ≈ 0.1. Mixed with k = 1.5: 3 + (3/k)·(share of the scaled variance)²,
        // the scaled part (5 years of drift and the shared noise) being most of it; the offset and counting noise stay normal.
        Assert.InRange(alikeKurtosis, 2.85, 3.15);
        Assert.True(mixedKurtosis > 4, $"{mixedKurtosis}");
    }
}
