using IvpSim.Model.Domain;

namespace IvpSim.Model.Calibration;

/// <summary>
/// Fits one count series given the pooled hyperparameters: a weighted straight line on the log scale whose
/// slope is shrunk toward zero by the prior N(0, tau²). With four points the data move the slope only as far
/// as they are informative; with two points it stays close to zero.
/// </summary>
public static class SeriesCalibrator
{
    public static CountSeriesModel Fit(CalibrationSeries series, PooledHyperparameters hyper, ModelSettings settings)
    {
        if (series.Count == 0)
        {
            throw new ModelInputException(
                $"geen waarnemingen voor {series.Region}/{series.Indicator}: de reeks kan niet worden gekalibreerd");
        }
        var psi = hyper.OverdispersionOf(series, settings.MinOverdispersion);
        var fit = LinearFit.Of(series, psi);
        var tau2 = hyper.SlopePriorSd * hyper.SlopePriorSd;
        double slopeMean, slopeVariance;
        if (double.IsInfinity(fit.SlopeVariance))
        {
            (slopeMean, slopeVariance) = (0, tau2);
        }
        else
        {
            var shrink = tau2 / (tau2 + fit.SlopeVariance);
            slopeMean = fit.Slope * shrink;
            slopeVariance = fit.SlopeVariance * shrink;
        }
        return new CountSeriesModel(series.Region, series.Indicator, fit.CenterYear, fit.Level,
            Math.Sqrt(fit.LevelVariance), slopeMean, Math.Sqrt(slopeVariance), double.IsInfinity(fit.SlopeVariance) ? 0 : fit.Slope,
            psi, series.LastYear, series.Years, series.Values, series.Imputed.Count(b => b));
    }
}
