using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Backtest;

/// <summary>
/// What a forward backtest learned at one origin from the outcomes up to it: the forecast constants and structure weights
/// its forecasts use. Shows how much they move from one origin to the next.
/// </summary>
public sealed record LearnedAtOrigin(int Origin, ForecastSettings Settings);
