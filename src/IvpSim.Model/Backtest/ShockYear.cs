using IvpSim.Model.Calibration;

namespace IvpSim.Model.Backtest;

/// <summary>
/// Whether the last year a forecast saw was a shock: its change at least twice the series' earlier typical yearly change
/// and at least 10% (as 2020 was for many crime types). Forecasts made right after such a year show whether a model
/// carries a sudden move forward as a trend; "same as last year" is the forecast to beat there.
/// </summary>
public static class ShockYear
{
    public const double Multiple = 2, MinimumShare = 0.1;

    /// <param name="history">The observed years up to the origin.</param>
    public static bool EndsIn(CalibrationSeries history)
    {
        if (history.Count < 3 || history.Years[^1] != history.Years[^2] + 1) return false;
        var last = Math.Abs(history.Values[^1] - history.Values[^2]);
        // Without an earlier change to compare with (NaN), no year is a shock.
        return last >= Multiple * history.Until(history.Years[^2]).MeanChange() && last >= MinimumShare * history.Values[^2];
    }
}
