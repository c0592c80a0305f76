using IvpSim.Model.Calibration;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// Fits a count series under every structure: its noise (partially pooled), the local-linear-trend state, the
/// local-level state and, where a national series of the same kind reaches at least as far, the offset to it.
/// </summary>
public static class SeriesFitter
{
    public static SeriesFit Fit(CalibrationSeries series, double pooledNoise, ForecastSettings settings,
        CalibrationSeries? anchor = null, int anchorIndex = -1, double anchorNoise = 0)
    {
        if (series.Count == 0)
        {
            throw new ModelInputException(
                $"geen waarnemingen voor {series.Region}/{series.Indicator}: de reeks kan niet worden gekalibreerd");
        }
        var noise = NoiseEstimator.Of(series, pooledNoise, settings);
        var q = settings.LevelDriftSd * settings.LevelDriftSd;
        var trend = StateFilter.Trend(series, noise, q, settings.SlopeDriftSd * settings.SlopeDriftSd, settings.SlopePriorSd);
        var level = StateFilter.Level(series, noise, q);
        var offset = anchor is not null && anchor.Count > 0 && anchor.LastYear >= series.LastYear
            ? Offset(series, anchor, noise, anchorNoise, q)
            : null;
        return new SeriesFit(series.Region, series.Indicator, noise, trend.State, level,
            offset is null ? -1 : anchorIndex, offset ?? default, trend.Gaps, series.Years, series.Values);
    }

    /// <summary>The local level of ln(y + 0.5) − ln(national + 0.5) over the years both are observed.</summary>
    private static LevelEstimate? Offset(CalibrationSeries series, CalibrationSeries anchor, double noise, double anchorNoise, double q)
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
            h.Add(noise + series.PoissonLogVariance(i) + anchorNoise + anchor.PoissonLogVariance(j));
        }
        // The offset must reach the series' last year, or the anchored projection would ignore its newest data.
        if (years.Count == 0 || years[^1] != series.LastYear) return null;
        return StateFilter.Level(years.ToArray(), z.ToArray(), h.ToArray(), q);
    }
}
