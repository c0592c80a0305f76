namespace IvpSim.Model.Calibration;

/// <summary>
/// What all series share, estimated across them because one four-point series cannot tell it:
/// the typical extra-Poisson variance of a year's count on the log scale (the prior centre of each series' own
/// overdispersion, worth <see cref="OverdispersionPriorDf"/> observations), the variance of a yearly shock
/// common to all series, and the prior sd of a series' log trend.
/// </summary>
public sealed record PooledHyperparameters(
    double Overdispersion,
    double OverdispersionPriorDf,
    double CommonVariance,
    double SlopePriorSd,
    int SeriesUsed)
{
    /// <summary>
    /// A series' own overdispersion: its excess residual variance shrunk toward the pooled value
    /// (scaled inverse-χ² update), so a wildly swinging series keeps wide intervals and a stable one narrow.
    /// </summary>
    public double OverdispersionOf(CalibrationSeries series, double floor)
    {
        if (series.Count < 3) return Overdispersion;
        var df = series.Count - 2;
        var residuals = LinearFit.OrdinaryResiduals(series);
        var excess = residuals.Sum(r => r * r) / df -
            Enumerable.Range(0, series.Count).Average(series.PoissonLogVariance);
        var own = (OverdispersionPriorDf * Overdispersion + df * Math.Max(0, excess)) / (OverdispersionPriorDf + df);
        return Math.Max(floor, own);
    }
}
