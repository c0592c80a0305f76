using IvpSim.Model.Forecasting;
using IvpSim.Reporting;

namespace IvpSim.Cli.Output;

/// <summary>How far the calibration searches lie apart on one constant, as the console shows it.</summary>
public static class SearchSpread
{
    /// <summary>"0,02-0,05" from the lowest to the highest search; null when they agree (or there are none).</summary>
    public static string? Of(IReadOnlyList<ForecastConstants> searched, Func<ForecastConstants, double> get, int digits)
    {
        if (searched.Count == 0) return null;
        var (low, high) = (searched.Min(get), searched.Max(get));
        return low == high ? null : $"{DutchFormat.Number(low, digits)}-{DutchFormat.Number(high, digits)}";
    }
}
