using IvpSim.Model.Calibration;
using IvpSim.Model.Random;
using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Tests;

/// <summary>Series drawn from known data-generating processes, with known parameters.</summary>
internal static class Synthetic
{
    /// <summary>y_t ~ Poisson(exp(logLevel + slope·(t − first) + shock_t)), shock_t ~ N(0, psi) plus an optional common shock.</summary>
    public static CalibrationSeries Series(StreamRandom rng, double logLevel, double slope, double psi, int years,
        double[]? commonShocks = null, string name = "s")
    {
        var values = new double[years];
        for (var t = 0; t < years; t++)
        {
            var shock = Math.Sqrt(psi) * rng.NextStandardNormal() + (commonShocks?[t] ?? 0);
            values[t] = Poisson.Sample(rng, Math.Exp(logLevel + slope * t + shock));
        }
        return FromValues(name, values);
    }

    /// <summary>
    /// A latent log level that moves by its slope each year, the slope damped by <paramref name="damping"/> and
    /// nudged by <paramref name="slopeSd"/>; the level drifts by <paramref name="levelSd"/>; counts are Poisson
    /// around it with extra log-normal noise <paramref name="psi"/>.
    /// </summary>
    public static CalibrationSeries Structured(StreamRandom rng, string name, int years, double level, double slope, double damping,
        double slopeSd, double levelSd, double psi)
    {
        var values = new double[years];
        for (var t = 0; t < years; t++)
        {
            values[t] = Poisson.Sample(rng, Math.Exp(level + Math.Sqrt(psi) * rng.NextStandardNormal()));
            slope = damping * slope + slopeSd * rng.NextStandardNormal();
            level += slope + levelSd * rng.NextStandardNormal();
        }
        return FromValues(name, values);
    }

    public static CalibrationSeries FromValues(string name, double[] values, int firstYear = 2000, string region = "ermelo") =>
        new(region, name, [.. Enumerable.Range(firstYear, values.Length)], [.. values], [.. values.Select(_ => false)]);
}
