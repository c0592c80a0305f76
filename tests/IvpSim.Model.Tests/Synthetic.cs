using System.Collections.Immutable;
using IvpSim.Model.Calibration;
using IvpSim.Model.Random;
using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Tests;

/// <summary>Series drawn from the model's own data-generating process, with known parameters.</summary>
internal static class Synthetic
{
    /// <summary>y_t ~ Poisson(exp(logLevel + slope·(t − first) + shock_t)), shock_t ~ N(−psi/2, psi) plus an optional common shock.</summary>
    public static CalibrationSeries Series(StreamRandom rng, double logLevel, double slope, double psi, int years,
        double[]? commonShocks = null, string name = "s")
    {
        var values = new double[years];
        for (var t = 0; t < years; t++)
        {
            var shock = Math.Sqrt(psi) * rng.NextStandardNormal() + (commonShocks?[t] ?? 0);
            values[t] = Poisson.Sample(rng, Math.Exp(logLevel + slope * t + shock - psi / 2));
        }
        return new CalibrationSeries("ermelo", name, [.. Enumerable.Range(2000, years)], [.. values],
            [.. Enumerable.Repeat(false, years)]);
    }
}
