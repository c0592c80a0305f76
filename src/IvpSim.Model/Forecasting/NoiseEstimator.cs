using IvpSim.Model.Calibration;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// Each series' yearly noise variance ψ (its spread beyond Poisson on the log scale), by partial pooling: the
/// series' own trend-filter likelihood times a scaled inverse-χ² prior centred on the median of all series'
/// own estimates, worth <see cref="ForecastSettings.NoisePriorDf"/> observations. A series that jumps about keeps
/// wide intervals, a steady one narrow; a four-point series leans on the others.
/// </summary>
public static class NoiseEstimator
{
    // A log-spaced grid of candidate variances, refined around the best point: cheap, robust and deterministic.
    private const double GridMin = 1e-6, GridMax = 4;
    private const int GridPoints = 49;

    /// <summary>The pooled noise: median over series with at least three points of their own maximum-likelihood ψ.</summary>
    public static double Pooled(IReadOnlyList<CalibrationSeries> all, ForecastSettings settings)
    {
        var own = all.Where(s => s.Count >= 3).Select(s => Maximise(s, settings, _ => 0)).Order().ToArray();
        if (own.Length == 0) return ForecastSettings.MinNoise;
        var median = own.Length % 2 == 1 ? own[own.Length / 2] : (own[own.Length / 2 - 1] + own[own.Length / 2]) / 2;
        return Math.Max(ForecastSettings.MinNoise, median);
    }

    /// <summary>A series' own noise, shrunk toward <paramref name="pooled"/>, then scaled by the calibrated factor.</summary>
    public static double Of(CalibrationSeries series, double pooled, ForecastSettings settings)
    {
        var df = settings.NoisePriorDf;
        var psi = series.Count < 3
            ? pooled
            : Maximise(series, settings, p => -(df / 2 + 1) * Math.Log(p) - df * pooled / (2 * p));
        return Math.Max(ForecastSettings.MinNoise, psi * settings.NoiseScale);
    }

    private static double Maximise(CalibrationSeries series, ForecastSettings settings, Func<double, double> logPrior)
    {
        double Objective(double logPsi)
        {
            var psi = Math.Exp(logPsi);
            return Likelihood(series, psi, settings) + logPrior(psi);
        }
        double lo = Math.Log(GridMin), hi = Math.Log(GridMax), step = (hi - lo) / (GridPoints - 1);
        var best = lo;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < GridPoints; i++)
        {
            var value = Objective(lo + i * step);
            if (value > bestValue) (best, bestValue) = (lo + i * step, value);
        }
        // Golden-section search within one grid step on either side.
        double a = Math.Max(lo, best - step), b = Math.Min(hi, best + step);
        const double g = 0.6180339887498949;
        double c = b - g * (b - a), d = a + g * (b - a), fc = Objective(c), fd = Objective(d);
        for (var i = 0; i < 30; i++)
        {
            if (fc > fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = Objective(c); }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = Objective(d); }
        }
        return Math.Exp((a + b) / 2);
    }

    private static double Likelihood(CalibrationSeries series, double psi, ForecastSettings settings) =>
        StateFilter.Trend(series, psi, settings.LevelDriftSd * settings.LevelDriftSd,
            settings.SlopeDriftSd * settings.SlopeDriftSd, settings.SlopePriorSd,
            settings.JumpProbability, settings.JumpSd * settings.JumpSd).LogLikelihood;
}
