using IvpSim.Model.Random;
using MathNet.Numerics;

namespace IvpSim.Model.Tests;

/// <summary>The exact Poisson quantile at a normal score by a plain search with the incomplete gamma function: the reference to match.</summary>
internal static class ReferencePoisson
{
    /// <summary>The smallest k with P(X ≤ k) ≥ Φ(z), comparing upper tails where Φ(z) would round to 1.</summary>
    public static int Quantile(double lambda, double z)
    {
        if (lambda <= 0) return 0;
        var u = PoissonSampler.NormalCdf(z);
        bool Reaches(int k) => z <= 0
            ? SpecialFunctions.GammaUpperRegularized(k + 1, lambda) >= u
            : SpecialFunctions.GammaLowerRegularized(k + 1, lambda) <= PoissonSampler.NormalCdf(-z);
        var k = Math.Max(0, (int)(lambda + Math.Sqrt(lambda) * z));
        while (k > 0 && Reaches(k - 1)) k--;
        while (!Reaches(k)) k++;
        return k;
    }
}
