using IvpSim.Model.Calibration;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// Fits a count series under every structure: its noise (partially pooled), how far it wanders compared with the
/// shared constants (<see cref="DriftScaleEstimator"/>), the local-linear-trend state, the local-level state and, where
/// a national series of the same kind reaches at least as far, the offset to it.
/// </summary>
public static class SeriesFitter
{
    public static SeriesFit Fit(CalibrationSeries series, double pooledNoise, ForecastSettings settings,
        CalibrationSeries? anchor = null, int anchorIndex = -1, double anchorNoise = 0)
    {
        RequireObservations(series);
        var noise = NoiseEstimator.Of(series, pooledNoise, settings);
        var scale = DriftScaleEstimator.Of(series, noise, settings);
        var q = scale * settings.LevelDriftSd * settings.LevelDriftSd;
        var trend = StateFilter.Trend(series, noise, q, scale * settings.SlopeDriftSd * settings.SlopeDriftSd, settings.SlopePriorSd,
            settings.JumpProbability, settings.JumpSd * settings.JumpSd);
        var level = StateFilter.Level(series, noise, q);
        var offset = anchor is not null && anchor.Count > 0 && anchor.LastYear >= series.LastYear
            ? Offset(series, anchor, noise, anchorNoise, q)
            : null;
        return new SeriesFit(series.Region, series.Indicator, noise, trend.State, level,
            offset is null ? -1 : anchorIndex, offset ?? default, trend.Gaps, series.Years, series.Values)
            { DriftScale = scale, LastUpheaval = trend.LastUpheaval };
    }

    /// <summary>
    /// A municipal series: national path × local factor. Its yearly noise grows as the series gets smaller (clustered
    /// counts: <see cref="ForecastSettings.LocalDispersion"/> × Poisson, plus a size-free part); the local factor is the
    /// filtered offset to the national series, which then drifts as a random walk. Without a national series of its
    /// kind, the series is a random walk around its filtered level with the local and the national drift together.
    /// </summary>
    public static SeriesFit FitLocal(CalibrationSeries series, ForecastSettings settings, CalibrationSeries? anchor = null,
        int anchorIndex = -1, double anchorNoise = 0)
    {
        RequireObservations(series);
        // The size-free noise: the part the municipality's series share, and the crime type's own.
        var sizeFree = settings.LocalNoise + settings.TypeNoise(series.Indicator);
        var noise = Math.Max(ForecastSettings.MinNoise, sizeFree + (settings.LocalDispersion - 1) / (series.Values[^1] + 0.5));
        double Observation(int i) => sizeFree + settings.LocalDispersion * series.PoissonLogVariance(i);
        var q = settings.LocalDriftSd * settings.LocalDriftSd;
        // The trend filter only fills the years the data skip; a municipal series carries no slope of its own.
        var trend = StateFilter.Trend(series, noise, q, 0, settings.SlopePriorSd);
        var z = Enumerable.Range(0, series.Count).Select(series.LogValue).ToArray();
        var h = Enumerable.Range(0, series.Count).Select(Observation).ToArray();
        var level = StateFilter.Level(series.Years.AsSpan(), z, h, q + settings.LevelDriftSd * settings.LevelDriftSd);
        var offset = anchor is not null && anchor.Count > 0 && anchor.LastYear >= series.LastYear
            ? Offset(series, anchor, Observation, anchorNoise, q)
            : null;
        return new SeriesFit(series.Region, series.Indicator, noise, trend.State, level,
            offset is null ? -1 : anchorIndex, offset ?? default, trend.Gaps, series.Years, series.Values) { Local = true };
    }

    private static void RequireObservations(CalibrationSeries series)
    {
        if (series.Count == 0)
        {
            throw new ModelInputException(
                $"geen waarnemingen voor {series.Region}/{series.Indicator}: de reeks kan niet worden gekalibreerd");
        }
    }

    /// <summary>The local level of ln(y + 0.5) − ln(national + 0.5) over the years both are observed.</summary>
    private static LevelEstimate? Offset(CalibrationSeries series, CalibrationSeries anchor, double noise, double anchorNoise, double q) =>
        Offset(series, anchor, i => noise + series.PoissonLogVariance(i), anchorNoise, q);

    private static LevelEstimate? Offset(CalibrationSeries series, CalibrationSeries anchor, Func<int, double> observation,
        double anchorNoise, double q)
    {
        var years = new List<int>();
        var z = new List<double>();
        var h = new List<double>();
        for (var i = 0; i < series.Count; i++)
        {
            var j = anchor.Years.IndexOf(series.Years[i]);
            if (j < 0) continue;
            years.Add(series.Years[i]);
            z.Add(series.LogValue(i) - anchor.LogValue(j));
            h.Add(observation(i) + anchorNoise + anchor.PoissonLogVariance(j));
        }
        // The offset must reach the series' last year, or the anchored projection would ignore its newest data.
        if (years.Count == 0 || years[^1] != series.LastYear) return null;
        return StateFilter.Level(years.ToArray(), z.ToArray(), h.ToArray(), q);
    }
}
