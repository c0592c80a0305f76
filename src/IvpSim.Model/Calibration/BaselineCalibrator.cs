using System.Collections.Immutable;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Calibration;

/// <summary>A calibrated baseline: what the series share, the national series they may follow, and each municipality's model.</summary>
public sealed record CalibratedBaseline(PooledHyperparameters Hyper, ImmutableArray<SeriesFit> Anchors, ImmutableArray<MunicipalityModel> Models);

/// <summary>
/// The whole calibration in one call, for code that needs no grains (backtests, tests). The grain layer runs the
/// same steps (pooling across municipalities, then fitting per municipality) on separate grains.
/// </summary>
public static class BaselineCalibrator
{
    /// <param name="national">The national series per local indicator (<see cref="CalibrationSeries.Indicator"/>); may be empty.</param>
    public static CalibratedBaseline Calibrate(ObservationSet data, ModelSettings settings, ImmutableArray<CalibrationSeries> national)
    {
        var series = Regions.Municipalities.ToDictionary(m => m, m => CalibrationInputs.CountSeries(data, m));
        var (hyper, anchors) = Shared([.. series.Values.SelectMany(s => s)], settings, national);
        ImmutableArray<MunicipalityModel> models =
            [.. Regions.Municipalities.Select(m => FitMunicipality(m, series[m], data, hyper, national, anchors, settings))];
        return new(hyper, anchors, models);
    }

    /// <summary>
    /// What the municipalities share, before each fits its own series: the pooled hyperparameters and the national series
    /// fitted for projection. The run's coordinator grain calls this too, so a run and a backtest calibrate alike.
    /// </summary>
    public static (PooledHyperparameters Hyper, ImmutableArray<SeriesFit> Anchors) Shared(IReadOnlyList<CalibrationSeries> all,
        ModelSettings settings, ImmutableArray<CalibrationSeries> national) =>
        (ForecastModelBuilder.Pool(all, settings.Forecast), ForecastModelBuilder.FitAnchors(national, settings.Forecast, municipal: _ => true));

    public static MunicipalityModel FitMunicipality(string municipality, IEnumerable<CalibrationSeries> series,
        ObservationSet data, PooledHyperparameters hyper, ImmutableArray<CalibrationSeries> national,
        ImmutableArray<SeriesFit> anchors, ModelSettings settings) =>
        new(municipality,
            [.. series.Select(s => ForecastModelBuilder.Fit(
                new ComponentSeries(s, national.FirstOrDefault(n => n.Indicator == s.Indicator), Local: true), hyper, anchors, settings.Forecast))],
            ScoreSeriesModel.Create(municipality, data.Series(municipality, Indicators.SafetyScore),
                data.Series(Regions.VeluweWest, Indicators.SafetyScore), settings));
}
