namespace IvpSim.Model.Calibration;

/// <summary>
/// Estimates <see cref="PooledHyperparameters"/> across all count series (method of moments, empirical Bayes).
/// </summary>
public static class Pooling
{
    public static PooledHyperparameters Estimate(IReadOnlyList<CalibrationSeries> all, ModelSettings settings)
    {
        var psi = Overdispersion(all, settings.MinOverdispersion);
        var common = CommonVariance(all, psi);
        var tau = settings.SlopePriorSd ?? SlopePriorSd(all, psi, settings.MinSlopePriorSd);
        return new(psi, settings.OverdispersionPriorDf, common, tau, all.Count(s => s.Count >= 3));
    }

    /// <summary>
    /// The typical residual variance of straight-line fits beyond what Poisson noise explains
    /// (E[RSS/(n − 2)] = psi + mean Poisson variance). The median over series, because a few series with a
    /// one-off step would otherwise set the noise of all the stable ones. RSS/df is a scaled χ²(df)/df, whose
    /// median lies below its mean (ln 2 for df = 2), so each value is divided by that median first.
    /// </summary>
    public static double Overdispersion(IReadOnlyList<CalibrationSeries> all, double floor)
    {
        var excess = all.Where(s => s.Count >= 3).Select(s =>
        {
            var df = s.Count - 2;
            var residuals = LinearFit.OrdinaryResiduals(s);
            var medianOfChiSquare = MathNet.Numerics.Distributions.ChiSquared.InvCDF(df, 0.5) / df;
            return residuals.Sum(r => r * r) / df / medianOfChiSquare -
                Enumerable.Range(0, s.Count).Average(s.PoissonLogVariance);
        }).Order().ToArray();
        if (excess.Length == 0) return floor;
        var median = excess.Length % 2 == 1
            ? excess[excess.Length / 2]
            : (excess[excess.Length / 2 - 1] + excess[excess.Length / 2]) / 2;
        return Math.Max(floor, median);
    }

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

    /// <summary>Spread of true slopes across series: mean(slope² − its sampling variance), with a floor.</summary>
    public static double SlopePriorSd(IReadOnlyList<CalibrationSeries> all, double psi, double floor)
    {
        var fits = all.Where(s => s.Count >= 2).Select(s => LinearFit.Of(s, psi)).ToArray();
        if (fits.Length == 0) return floor;
        var tau2 = fits.Average(f => f.Slope * f.Slope - f.SlopeVariance);
        return Math.Max(floor, Math.Sqrt(Math.Max(0, tau2)));
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
