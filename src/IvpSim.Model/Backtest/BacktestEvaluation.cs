using System.Collections.Immutable;

namespace IvpSim.Model.Backtest;

/// <summary>A backtest's rows and, per group of forecasts that share an outcome, the coverage the model itself expects.</summary>
public sealed record BacktestEvaluation(ImmutableArray<BacktestRow> Rows, ImmutableArray<SharedOutcomeCheck> SharedOutcomes);
