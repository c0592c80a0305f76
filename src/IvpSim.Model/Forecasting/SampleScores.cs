namespace IvpSim.Model.Forecasting;

/// <summary>
/// Scores of a forecast given as a sorted sample, exact for the sample's own (empirical) distribution:
/// CRPS = E|X − y| − ½·E|X − X′|, quantiles, and the randomised PIT of a count.
/// </summary>
public static class SampleScores
{
    public static double Crps(ReadOnlySpan<double> sorted, double observed) =>
        MeanAbsolute(sorted, observed) - 0.5 * MeanPairwise(sorted);

    /// <summary>E|X − y|.</summary>
    public static double MeanAbsolute(ReadOnlySpan<double> sorted, double observed)
    {
        double sum = 0;
        foreach (var x in sorted) sum += Math.Abs(x - observed);
        return sum / sorted.Length;
    }

    /// <summary>E|X − X′| for two independent draws: (2/n²)·Σₖ (2k − n + 1)·x₍ₖ₎.</summary>
    public static double MeanPairwise(ReadOnlySpan<double> sorted)
    {
        var n = sorted.Length;
        double sum = 0;
        for (var k = 0; k < n; k++) sum += (2.0 * k - n + 1) * sorted[k];
        return 2 * sum / ((double)n * n);
    }

    /// <summary>E|X − Y| for X from <paramref name="a"/> and Y from <paramref name="b"/>: ∫ F(1 − G) + G(1 − F) over a merge of both.</summary>
    public static double MeanCross(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0, j = 0;
        double fa = 0, fb = 0, sum = 0;
        var previous = Math.Min(a[0], b[0]);
        double stepA = 1.0 / a.Length, stepB = 1.0 / b.Length;
        while (i < a.Length || j < b.Length)
        {
            var fromA = j >= b.Length || (i < a.Length && a[i] <= b[j]);
            var next = fromA ? a[i] : b[j];
            sum += (next - previous) * (fa * (1 - fb) + fb * (1 - fa));
            previous = next;
            if (fromA) { fa += stepA; i++; } else { fb += stepB; j++; }
        }
        return sum;
    }

    /// <summary>The lower q-quantile: the smallest value whose cumulative share reaches q.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var rank = Math.Max(1, (int)Math.Ceiling(q * sorted.Length - 1e-9));
        return sorted[Math.Min(rank, sorted.Length) - 1];
    }

    /// <summary>
    /// The randomised probability integral transform of a count: F(y − 1) + v·(F(y) − F(y − 1)) for a uniform v,
    /// which is uniform on (0, 1) when the forecast is calibrated, also for discrete forecasts.
    /// </summary>
    public static double Pit(ReadOnlySpan<double> sorted, double observed, double v)
    {
        int below = 0, at = 0;
        foreach (var x in sorted)
        {
            if (x < observed) below++;
            else if (x == observed) at++;
        }
        return (below + v * at) / sorted.Length;
    }

    /// <summary>
    /// Whether a randomised PIT lies in the central interval of this probability: the honest way to count coverage of a
    /// discrete forecast (counting an observation equal to a bound as inside overstates coverage for small counts).
    /// </summary>
    public static bool InCentral(double pit, double probability) =>
        pit >= (1 - probability) / 2 && pit <= (1 + probability) / 2;

    /// <summary>
    /// The weighted interval score over the 5%-95% central intervals at 10% steps and the median (Bracher et al.
    /// 2021): a quantile-based approximation of the CRPS that forecast hubs report.
    /// </summary>
    public static double WeightedIntervalScore(ReadOnlySpan<double> sorted, double observed)
    {
        double[] alphas = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
        var score = 0.5 * Math.Abs(Quantile(sorted, 0.5) - observed);
        foreach (var alpha in alphas)
        {
            double lower = Quantile(sorted, alpha / 2), upper = Quantile(sorted, 1 - alpha / 2);
            var interval = (upper - lower) + 2 / alpha * Math.Max(0, lower - observed) + 2 / alpha * Math.Max(0, observed - upper);
            score += alpha / 2 * interval;
        }
        return score / (alphas.Length + 0.5);
    }
}
