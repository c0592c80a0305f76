namespace IvpSim.Model.Backtest;

/// <summary>
/// One out-of-sample forecast of one observed year by one method (<c>ivpsim</c>, a single structure
/// <c>structuur:&lt;id&gt;</c>, <c>naive_last</c> or <c>naive_trend</c>): quantiles, exact CRPS from the sample, the
/// weighted interval score, the randomised PIT, and the series' change scale that makes scores comparable.
/// </summary>
public sealed record BacktestRow(string DataSet, string Region, string Indicator, int FitUntil, int Year, string Method,
    double Observed, double P05, double P25, double P50, double P75, double P95, double Crps, double Wis, double Pit, double Scale)
{
    public int Horizon => Year - FitUntil;

    public bool In50 => Observed >= P25 && Observed <= P75;

    public bool In90 => Observed >= P05 && Observed <= P95;
}

/// <summary>
/// Scores of one method over a set of forecasts (horizon 0: all horizons; region or indicator <c>*</c>: all).
/// Scaled scores divide each forecast's CRPS or WIS by its series' typical yearly change before averaging; skill is
/// 1 − (scaled CRPS of the method) / (scaled CRPS of naive_last) on the same forecasts.
/// </summary>
public sealed record BacktestScore(string DataSet, string Region, string Indicator, string Method, int Horizon, int Forecasts,
    double Coverage50, double Coverage90, double? Mape, double Crps, double ScaledCrps, double ScaledWis,
    double? RelativeWis, double? Skill);
