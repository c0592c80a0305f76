namespace IvpSim.Model.Calibration;

/// <summary>How strongly the count series move together from year to year (method of moments).</summary>
public static class Pooling
{
    /// <summary>The largest correlation used: every series keeps a part of its own.</summary>
    public const double MaxCorrelation = 0.9;

    /// <summary>
    /// The correlation of the series' yearly shocks: the mean correlation of the residuals of series observed in the same
    /// years, between 0 and <see cref="MaxCorrelation"/>. It is applied to the extra-Poisson part of the shocks. It is
    /// not scaled up by (ψ + Poisson)/ψ: with the small ψ that four-point series give, that ratio turns sampling noise in
    /// the correlations into near-perfect co-movement.
    /// </summary>
    public static double CommonCorrelation(IReadOnlyList<CalibrationSeries> all, double psi) =>
        psi <= 0 ? 0 : Math.Clamp(MeanCorrelation(all), 0, MaxCorrelation);

    /// <summary>The mean pairwise correlation of the linear-fit residuals of series observed in the same years (0 without pairs).</summary>
    public static double MeanCorrelation(IReadOnlyList<CalibrationSeries> all)
    {
        double sum = 0, pairs = 0;
        foreach (var group in all.Where(s => s.Count >= 3).GroupBy(s => string.Join(',', s.Years)))
        {
            var residuals = group.Select(LinearFit.OrdinaryResiduals).ToArray();
            for (var a = 0; a < residuals.Length; a++)
            {
                for (var b = a + 1; b < residuals.Length; b++)
                {
                    var norm = Math.Sqrt(Dot(residuals[a], residuals[a]) * Dot(residuals[b], residuals[b]));
                    if (norm <= 0) continue;
                    sum += Dot(residuals[a], residuals[b]) / norm;
                    pairs++;
                }
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
