using IvpSim.Model.Calibration;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// How far a series' level and slope wander compared with the shared constants: its drift scale λ multiplies both
/// drift variances (<see cref="ForecastSettings.LevelDriftSd"/>², <see cref="ForecastSettings.SlopeDriftSd"/>²). Partial
/// pooling, as for the noise: the series' own trend-filter likelihood at its noise ψ, times a log-normal prior centred on
/// λ = 1 (the shared constants) with sd <see cref="PriorSd"/> on the log scale, maximised over a grid of log λ. A
/// steady series such as the national total of crime then wanders less than the crime types the constants were learned
/// on, and a series whose shifts persist wanders more; a short series stays near the shared constants. The prior is a
/// fixed choice (one sd is a factor e either way), not tuned on the backtest that judges it.
/// </summary>
public static class DriftScaleEstimator
{
    public const double PriorSd = 1;

    // log λ from −4 to 4 in steps of 0.1: λ between 1/55 and 55, each step 10%.
    private const double Step = 0.1;
    private const int Steps = 40;

    /// <summary>A series needs two changes to say anything about its wander beyond its noise.</summary>
    public const int MinimumObservations = 3;

    public static double Of(CalibrationSeries series, double noise, ForecastSettings settings)
    {
        if (series.Count < MinimumObservations) return 1;
        double q = settings.LevelDriftSd * settings.LevelDriftSd, r = settings.SlopeDriftSd * settings.SlopeDriftSd;
        if (q == 0 && r == 0) return 1;
        var jumpVariance = settings.JumpSd * settings.JumpSd;
        double best = 0, bestValue = double.NegativeInfinity;
        for (var i = -Steps; i <= Steps; i++)
        {
            var logScale = i * Step;
            var scale = Math.Exp(logScale);
            var value = StateFilter.Trend(series, noise, scale * q, scale * r, settings.SlopePriorSd, settings.JumpProbability, jumpVariance).LogLikelihood
                - 0.5 * logScale * logScale / (PriorSd * PriorSd);
            // On a tie the value nearer the shared constants wins.
            if (value > bestValue + 1e-12 || (Math.Abs(value - bestValue) <= 1e-12 && Math.Abs(logScale) < Math.Abs(best))) (best, bestValue) = (logScale, value);
        }
        return Math.Exp(best);
    }
}
