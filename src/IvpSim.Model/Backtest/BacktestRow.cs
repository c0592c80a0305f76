namespace IvpSim.Model.Backtest;

/// <summary>
/// One out-of-sample forecast of one observed year by one method (<c>ivpsim</c>, a single structure
/// <c>structuur:&lt;id&gt;</c>, <c>naive_last</c> or <c>naive_trend</c>): quantiles, exact CRPS from the sample, the
/// weighted interval score, the randomised PIT, and the series' change scale that makes scores comparable.
/// </summary>
/// <param name="AfterShock">The last year before the origin was a shock (<see cref="ShockYear"/>).</param>
public sealed record BacktestRow(string DataSet, string Region, string Indicator, int FitUntil, int Year, string Method,
    double Observed, double P05, double P25, double P50, double P75, double P95, double Crps, double Wis, double Pit, double Scale,
    bool AfterShock = false)
{
    public int Horizon => Year - FitUntil;

    /// <summary>Inside the central 50% interval, judged on the randomised PIT so that ties with a bound count by chance.</summary>
    public bool In50 => Forecasting.SampleScores.InCentral(Pit, 0.5);

    public bool In90 => Forecasting.SampleScores.InCentral(Pit, 0.9);
}

/// <summary>
/// Scores of one method over a set of forecasts (horizon 0: all horizons; region or indicator <c>*</c>: all).
/// Scaled scores divide each forecast's CRPS or WIS by its series' typical yearly change before averaging; skill is
/// 1 − (scaled CRPS of the method) / (scaled CRPS of naive_last) on the same forecasts.
/// </summary>
/// <param name="MedianBandRatio">The median over forecasts of P95/P5: how wide the 90% band is (null where P5 is 0).</param>
/// <param name="FitUntil">With <paramref name="Year"/>: the scores of one origin and target year (0: pooled).</param>
public sealed record BacktestScore(string DataSet, string Region, string Indicator, string Method, int Horizon, int Forecasts,
    double Coverage50, double Coverage90, double? Mape, double Crps, double ScaledCrps, double ScaledWis,
    double? RelativeWis, double? Skill, double? MedianBandRatio = null, int FitUntil = 0, int Year = 0);
