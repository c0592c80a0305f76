namespace IvpSim.Model.Backtest;

/// <summary>One forecast of one observed year: method <c>ivpsim</c>, <c>naive_last</c> or <c>naive_trend</c>, with its quantiles and CRPS.</summary>
public sealed record BacktestRow(string Region, string Indicator, int FitUntil, int Year, string Method, double Observed,
    double P05, double P25, double P50, double P75, double P95, double Crps)
{
    public bool In50 => Observed >= P25 && Observed <= P75;

    public bool In90 => Observed >= P05 && Observed <= P95;
}

/// <summary>Scores of one method over a set of forecasts.</summary>
public sealed record BacktestScore(string Region, string Indicator, string Method, int Forecasts,
    double Coverage50, double Coverage90, double? Mape, double Crps);
