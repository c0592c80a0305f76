using System.Collections.Immutable;

namespace IvpSim.Model.Backtest;

/// <summary>A backtest's rows and, per group of forecasts that share an outcome, the coverage the model itself expects.</summary>
public sealed record BacktestEvaluation(ImmutableArray<BacktestRow> Rows, ImmutableArray<SharedOutcomeCheck> SharedOutcomes)
{
    /// <summary>Municipalities of a cross-section forecast but left out of the local constants (a count below 20).</summary>
    public ImmutableArray<string> SmallCounts { get; init; } = [];

    /// <summary>What a forward backtest learned at each origin (empty when it used the shipped calibration).</summary>
    public ImmutableArray<LearnedAtOrigin> Learned { get; init; } = [];
}
