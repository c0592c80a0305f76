namespace IvpSim.Model.Calibration;

/// <summary>How strongly the count series move together from year to year (method of moments).</summary>
public static class Pooling
{
    /// <summary>The largest correlation used: every series keeps a part of its own.</summary>
    public const double MaxCorrelation = 0.9;

    /// <summary>
    /// The correlation of the series' yearly shocks: the variance they share (<see cref="CommonVariance"/>) as a share
    /// of the typical noise <paramref name="psi"/>, between 0 and <see cref="MaxCorrelation"/>.
    /// </summary>
    public static double CommonCorrelation(IReadOnlyList<CalibrationSeries> all, double psi) =>
        psi <= 0 ? 0 : Math.Clamp(CommonVariance(all, psi) / psi, 0, MaxCorrelation);

    /// <summary>
    /// The variance of a yearly shock that all series share, from the mean correlation of the residuals of
    /// series observed in the same years times their mean variance (zero when series move independently).
    /// </summary>
    public static double CommonVariance(IReadOnlyList<CalibrationSeries> all, double psi)
    {
        var groups = all.Where(s => s.Count >= 3).GroupBy(s => string.Join(',', s.Years));
        double sumCorrelation = 0, pairs = 0, totalVariance = 0, varianceTerms = 0;
        foreach (var group in groups)
        {
            var residuals = group.Select(LinearFit.OrdinaryResiduals).ToArray();
            for (var a = 0; a < residuals.Length; a++)
            {
                for (var b = a + 1; b < residuals.Length; b++)
                {
                    var norm = Math.Sqrt(Dot(residuals[a], residuals[a]) * Dot(residuals[b], residuals[b]));
                    if (norm <= 0) continue;
                    sumCorrelation += Dot(residuals[a], residuals[b]) / norm;
                    pairs++;
                }
            }
            foreach (var s in group)
            {
                totalVariance += psi + Enumerable.Range(0, s.Count).Average(s.PoissonLogVariance);
                varianceTerms++;
            }
        }
        if (pairs == 0) return 0;
        return Math.Max(0, sumCorrelation / pairs * (totalVariance / varianceTerms));
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
