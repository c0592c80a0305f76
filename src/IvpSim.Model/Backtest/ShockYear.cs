namespace IvpSim.Model.Backtest;

/// <summary>
/// Whether the last year a forecast saw was a shock: its change at least twice the series' earlier typical yearly change
/// and at least 10% (as 2020 was for many crime types). Forecasts made right after such a year show whether a model
/// carries a sudden move forward as a trend; "same as last year" is the forecast to beat there.
/// </summary>
public static class ShockYear
{
    public const double Multiple = 2, MinimumShare = 0.1;

    /// <param name="history">The observed (year, value) pairs up to the origin, in year order.</param>
    public static bool EndsIn((int Year, double Value)[] history)
    {
        if (history.Length < 3 || history[^1].Year != history[^2].Year + 1) return false;
        double sum = 0;
        var n = 0;
        for (var i = 1; i < history.Length - 1; i++)
        {
            if (history[i].Year != history[i - 1].Year + 1) continue;
            sum += Math.Abs(history[i].Value - history[i - 1].Value);
            n++;
        }
        if (n == 0) return false;
        var last = Math.Abs(history[^1].Value - history[^2].Value);
        return last >= Multiple * (sum / n) && last >= MinimumShare * history[^2].Value;
    }
}
