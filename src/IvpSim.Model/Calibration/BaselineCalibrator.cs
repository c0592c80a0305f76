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
        var hyper = ForecastModelBuilder.Pool([.. series.Values.SelectMany(s => s)], settings.Forecast);
        var anchors = ForecastModelBuilder.FitAnchors(national, settings.Forecast);
        ImmutableArray<MunicipalityModel> models =
            [.. Regions.Municipalities.Select(m => FitMunicipality(m, series[m], data, hyper, national, anchors, settings))];
        return new(hyper, anchors, models);
    }

    public static MunicipalityModel FitMunicipality(string municipality, IEnumerable<CalibrationSeries> series,
        ObservationSet data, PooledHyperparameters hyper, ImmutableArray<CalibrationSeries> national,
        ImmutableArray<SeriesFit> anchors, ModelSettings settings) =>
        new(municipality,
            [.. series.Select(s => ForecastModelBuilder.Fit(
                new ComponentSeries(s, national.FirstOrDefault(n => n.Indicator == s.Indicator)), hyper, anchors, settings.Forecast))],
            ScoreSeriesModel.Create(municipality, data.Series(municipality, Indicators.SafetyScore),
                data.Series(Regions.VeluweWest, Indicators.SafetyScore), settings));
}
