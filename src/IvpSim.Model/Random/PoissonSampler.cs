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
/// so it is ⌊m⌋ or ⌈m⌉ for the real m with w(m) = z (m/λ from its series in z/√λ, or Newton's method far in the
/// tails). Temme's uniform expansion of the incomplete gamma function places the step between them; almost always
/// that settles it. Near a step, the expansion to second order decides, F(k) = Φ(w*) with w* = w(k + 1) + δ + w·δ²/2,
/// δ = (c₀(η) + c₁(η)/a)/√a, a = k + 1; and where even that is closer to z than its error bound, the incomplete gamma
/// function itself. Both regimes return the exact quantile, so the switch between them cannot break monotonicity.
/// </remarks>
public static class PoissonSampler
{
    /// <summary>Below this mean the probabilities are summed from zero.</summary>
    public const double SmallMean = 12;

    /// <summary>The largest mean accepted: far above any yearly count, and its draws still fit an <c>int</c>.</summary>
    public const double MaxMean = 1e9;

    /// <summary>
    /// The second-order expansion's error in normal-score units is at most 0.0115·(1 + |z|³)/a^1.5 for means from
    /// <see cref="SmallMean"/> up (measured over every k and means 12 … 5,000); this margin is three times that.
    /// </summary>
    private const double ExpansionTolerance = 0.035;

    /// <summary>
    /// The first-order step position's error, at most 0.0285·(1 + z²)/√λ (measured over every k, means 12 … 100,000
    /// and |z| ≤ 8.3), in units of counts; this margin is 3.5 times that.
    /// </summary>
    private const double BoundaryTolerance = 0.1;

    /// <summary>Up to this |z|/√λ the series give x* directly; beyond it Newton's method finds m first.</summary>
    private const double SeriesReach = 0.5;

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
        var rootLambda = Math.Sqrt(lambda);
        var s = z / rootLambda;
        double x;
        if (Math.Abs(s) <= SeriesReach)
        {
            // Where the quantile steps up: x* = λ(1 + e(s)) − C(s), both as series in s (C is Temme's first-order
            // correction δ(m)/w′(m), which depends on s alone). No logarithm, one square root.
            x = lambda * (1 + RatioSeries(s)) - StepSeries(s);
        }
        else
        {
            if (z <= -Math.Sqrt(2 * lambda)) return 0; // w(0) = −√(2λ): P(X = 0) ≥ Φ(z) already
            var e = RatioAt(s * s / 2, z > 0) - 1;
            var m = lambda * (1 + e);
            x = m - Correction(z, s, e, m, rootLambda);
        }
        // The quantile is ⌊x*⌋ unless x* lies within the correction's error bound of an integer; then it is checked.
        var k = (int)Math.Floor(x);
        var fraction = x - k;
        var tolerance = BoundaryTolerance * (1 + z * z) / rootLambda;
        if (k >= 0 && fraction > tolerance && fraction < 1 - tolerance) return k;
        k = Math.Max(0, k);
        while (k > 0 && CdfReaches(k - 1, lambda, z)) k--;
        while (!CdfReaches(k, lambda, z)) k++;
        return k;
    }

    /// <summary>
    /// C(s) = δ(m)/w′(m) for |s| ≤ 0.5: fitted on Chebyshev nodes to the exact value computed in 80-digit arithmetic;
    /// its error is below 2·10⁻¹².
    /// </summary>
    internal static double StepSeries(double s) =>
        -1.0 / 3 + s * (-0.027777777745028386 + s * (0.01296296294186771 + s * (-0.0061728431604288585 +
        s * (0.0031305138175973762 + s * (-0.0016759049976191342 + s * (0.0009362006195953033 +
        s * (-0.0005421160131843596 + s * (0.0003212369806535553 + s * (-0.00018354646891741424 +
        s * (0.00011253206848357882 + s * (-0.00010429130481377575 + s * 6.610377598463652e-05)))))))))));

    /// <summary>
    /// δ(m)/w′(m): how far the quantile's step lies below m. δ = c₀(η)/√m (Temme), w′ = ln(m/λ)/z, with
    /// ln(m/λ) = (s²/2 + e)/(1 + e) from the equation m solves, so no logarithm is needed.
    /// </summary>
    private static double Correction(double z, double s, double e, double m, double rootLambda)
    {
        var logRatio = (0.5 * s * s + e) / (1 + e);
        var eta = -Math.Sign(e) * Math.Sqrt(Math.Max(2 * (logRatio - e / (1 + e)), 0));
        var c0 = Math.Abs(eta) > 1e-2
            ? -(1 + e) / e - 1 / eta
            : -1.0 / 3 + eta * (1.0 / 12 - eta * (2.0 / 135 - eta / 864));
        var slope = Math.Abs(z) > 1e-8 ? logRatio / z : 1 / rootLambda;
        return c0 / Math.Sqrt(m) / slope;
    }

    /// <summary>
    /// Whether P(X ≤ k) ≥ Φ(z): Temme's expansion to second order in normal-score units, or where that is too close
    /// to call, the regularised incomplete gamma function on the side where it is most precise.
    /// </summary>
    private static bool CdfReaches(int k, double lambda, double z)
    {
        double a = k + 1, ratio = lambda / a, log = Math.Log(ratio);
        var h = a * (ratio - 1 - log);
        var w = Math.Sign(a - lambda) * Math.Sqrt(Math.Max(2 * h, 0));
        var eta = Math.Sign(ratio - 1) * Math.Sqrt(Math.Max(2 * (ratio - 1 - log), 0));
        double c0, c1;
        if (Math.Abs(eta) > 1e-2)
        {
            double d = 1 / (ratio - 1), e = 1 / eta;
            c0 = d - e;
            c1 = e * e * e - d * d * d - d * d - d / 12;
        }
        else
        {
            // The series where both terms would cancel (Temme; DiDonato & Morris).
            c0 = -1.0 / 3 + eta * (1.0 / 12 - eta * (2.0 / 135 - eta / 864));
            c1 = -1.0 / 540 - eta * (1.0 / 288 - eta / 378);
        }
        var rootA = Math.Sqrt(a);
        var delta = (c0 + c1 / a) / rootA;
        var difference = w + delta + 0.5 * w * delta * delta - z;
        var absZ = Math.Abs(z);
        if (Math.Abs(difference) > ExpansionTolerance * (1 + absZ * absZ * absZ) / (a * rootA)) return difference > 0;
        return z <= 0
            ? SpecialFunctions.GammaUpperRegularized(a, lambda) >= NormalCdf(z)
            : SpecialFunctions.GammaLowerRegularized(a, lambda) <= NormalCdf(-z);
    }

    /// <summary>
    /// r − 1 for r ln r − r + 1 = s²/2 (r above 1 for s above 0) for |s| ≤ 0.5, as s times a polynomial fitted on
    /// Chebyshev nodes to the exact root computed in 80-digit arithmetic; its error is below 2·10⁻¹³.
    /// </summary>
    internal static double RatioSeries(double s) =>
        s * (1 + s * (0.1666666666627119 + s * (-0.013888888886519107 + s * (0.0037037041451995077 +
        s * (-0.0013310187830553053 + s * (0.0005584809894164096 + s * (-0.00025804293488975355 +
        s * (0.00012756535080430764 + s * (-6.60938771649792e-05 + s * (3.423154762747289e-05 +
        s * (-1.8882446439347448e-05 + s * (1.4812702652381656e-05 + s * -8.628871818153845e-06))))))))))));

    /// <summary>Solves r ln r − r + 1 = t for r &gt; 1 (<paramref name="above"/>) or 0 &lt; r &lt; 1.</summary>
    internal static double RatioAt(double t, bool above)
    {
        if (t == 0) return 1;
        // The series as a start (s = ±√(2t)), then safeguarded Newton steps on e = r − 1.
        var s = (above ? 1 : -1) * Math.Sqrt(2 * t);
        var e = RatioSeries(Math.Clamp(s, -SeriesReach, SeriesReach));
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
