using MathNet.Numerics;

namespace IvpSim.Model.Random;

/// <summary>
/// Exact Poisson draws by inversion at a standard normal score <c>z</c>: the result is the smallest k with
/// P(X ≤ k) ≥ Φ(z). Inversion is monotone in both the mean and the score, so a trajectory with and without an
/// intervention (the same score, another mean) differs only as far as the mean does (common random numbers).
/// There is no cap: every mean up to <see cref="MaxMean"/> is handled.
/// </summary>
/// <remarks>
/// Below <see cref="SmallMean"/> the probabilities are summed from zero. Above it the quantile is bracketed by the
/// normal bounds of Short (2013), Φ(w(k)) ≤ P(X ≤ k) ≤ Φ(w(k + 1)) with w(m) = sign(m − λ)·√(2(m ln(m/λ) − m + λ)),
/// so it is ⌊m⌋ or ⌈m⌉ for the real m with w(m) = z. Which one is decided by Temme's first-order expansion of the
/// incomplete gamma function, F(k) ≈ Φ(w(k + 1) + c₀(η)/√(k + 1)); where that is closer to z than its error bound,
/// the incomplete gamma function itself decides. Both regimes return the exact quantile, so the switch between
/// them cannot break monotonicity.
/// </remarks>
public static class PoissonSampler
{
    /// <summary>Below this mean the probabilities are summed from zero.</summary>
    public const double SmallMean = 12;

    /// <summary>The largest mean accepted: far above any yearly count, and its draws still fit an <c>int</c>.</summary>
    public const double MaxMean = 1e9;

    /// <summary>
    /// Error bound of the first-order expansion in normal-score units is at most 0.034·(1 + |z|³)/(k + 1) for means
    /// from <see cref="SmallMean"/> up (measured over every k and means 12 … 20,000); this margin is three times that.
    /// </summary>
    private const double ExpansionTolerance = 0.1;

    public static int Sample(double lambda, double z)
    {
        if (!(lambda > 0)) return 0;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lambda, MaxMean);
        return lambda < SmallMean ? SumFromZero(lambda, z) : FromBracket(lambda, z);
    }

    /// <summary>
    /// The exact quantile by summing probabilities. Below the median the cumulative probability from zero is
    /// compared with Φ(z); above it the upper tail, summed from the far end, with Φ(−z), so that a score far in the
    /// right tail (where Φ(z) rounds to 1) still finds its count.
    /// </summary>
    private static int SumFromZero(double lambda, double z)
    {
        var p = Math.Exp(-lambda);
        if (z <= 0)
        {
            var u = NormalCdf(z);
            var cumulative = p;
            var k = 0;
            while (cumulative < u)
            {
                k++;
                p *= lambda / k;
                cumulative += p;
            }
            return k;
        }
        var v = NormalCdf(-z);
        Span<double> terms = stackalloc double[MaxSmallTerms];
        var last = 0;
        terms[0] = p;
        // Enough terms that the tail beyond them is negligible against v.
        while (last < MaxSmallTerms - 1 && (last < lambda || terms[last] > v * 1e-17))
        {
            last++;
            terms[last] = terms[last - 1] * lambda / last;
        }
        var top = last;
        double tail = 0;
        while (top > 0 && tail + terms[top] <= v) tail += terms[top--];
        return top;
    }

    /// <summary>Terms summed at most for a mean below <see cref="SmallMean"/>: P(X = 300) is then below 10⁻²⁵⁰.</summary>
    private const int MaxSmallTerms = 300;

    private static int FromBracket(double lambda, double z)
    {
        if (z <= -Math.Sqrt(2 * lambda)) return 0; // w(0) = −√(2λ): P(X = 0) ≥ Φ(z) already
        var m = lambda * RatioAt(z * z / (2 * lambda), z > 0);
        var k = (int)Math.Floor(m);
        // m carries rounding error: near an integer, the lower neighbour may be the quantile.
        if (k > 0 && m - k < 1e-9 * m + 1e-9 && CdfReaches(k - 1, lambda, z)) return k - 1;
        while (!CdfReaches(k, lambda, z)) k++;
        return k;
    }

    /// <summary>Whether P(X ≤ k) ≥ Φ(z).</summary>
    private static bool CdfReaches(int k, double lambda, double z)
    {
        double a = k + 1, ratio = lambda / a;
        var h = a * Math.Log(a / lambda) - a + lambda;
        var w = Math.Sign(a - lambda) * Math.Sqrt(Math.Max(2 * h, 0));
        var eta = Math.Sign(ratio - 1) * Math.Sqrt(Math.Max(2 * (ratio - 1 - Math.Log(ratio)), 0));
        var c0 = Math.Abs(eta) > 1e-3 ? 1 / (ratio - 1) - 1 / eta : -1.0 / 3 + eta / 12 - 2 * eta * eta / 135;
        var difference = w + c0 / Math.Sqrt(a) - z;
        var absZ = Math.Abs(z);
        if (Math.Abs(difference) > ExpansionTolerance * (1 + absZ * absZ * absZ) / a) return difference > 0;
        // Too close to call: the regularised incomplete gamma function, on the side where it is most precise.
        return z <= 0
            ? SpecialFunctions.GammaUpperRegularized(a, lambda) >= NormalCdf(z)
            : SpecialFunctions.GammaLowerRegularized(a, lambda) <= NormalCdf(-z);
    }

    /// <summary>Solves r ln r − r + 1 = t for r &gt; 1 (<paramref name="above"/>) or 0 &lt; r &lt; 1.</summary>
    internal static double RatioAt(double t, bool above)
    {
        if (t == 0) return 1;
        // Series of the inverse near r = 1 (s = ±√(2t)), then safeguarded Newton steps on e = r − 1.
        var s = (above ? 1 : -1) * Math.Sqrt(2 * t);
        var e = s + s * s / 6 - s * s * s / 72 + s * s * s * s / 270;
        double lo = above ? 0 : -1, hi = above ? Math.Max(1, 4 * t + 2) : 0;
        if (e <= lo || e >= hi) e = (lo + hi) / 2;
        for (var i = 0; i < 100; i++)
        {
            var log = Log1P(e);
            var g = Excess(e, log) - t;
            // g is increasing in e above 1 and decreasing below it: keep the bracket around the root.
            if ((g > 0) == above) hi = e; else lo = e;
            var next = log != 0 ? e - g / log : (lo + hi) / 2;
            if (next <= lo || next >= hi) next = (lo + hi) / 2;
            if (Math.Abs(next - e) <= 1e-15 * (1 + Math.Abs(e))) return 1 + next;
            e = next;
        }
        return 1 + e;
    }

    /// <summary>ln(1 + e), precise for small e.</summary>
    private static double Log1P(double e) =>
        Math.Abs(e) < 1e-4 ? e * (1 - e * (0.5 - e * (1.0 / 3 - e * 0.25))) : Math.Log(1 + e);

    /// <summary>(1 + e)·ln(1 + e) − e, by its series where the two terms would cancel.</summary>
    private static double Excess(double e, double log) =>
        Math.Abs(e) < 1e-3 ? e * e * (0.5 - e * (1.0 / 6 - e * (1.0 / 12 - e * (0.05 - e / 30)))) : (1 + e) * log - e;

    /// <summary>Φ(z), precise in both tails.</summary>
    public static double NormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
}
