using IvpSim.Contracts;
using IvpSim.Model.Backtest;

namespace IvpSim.Grains;

/// <summary>Runs a backtest on the thread pool of its silo; the grain's turn stays short however long the backtest takes.</summary>
public sealed class BacktestGrain : Grain, IBacktestGrain
{
    public async Task<BacktestResult> Run(BacktestRequest request, CancellationToken cancellationToken)
    {
        var evaluation = await Task.Run(() => Backtester.Evaluate(request.Inputs, request.Options), cancellationToken);
        DeactivateOnIdle();
        return new BacktestResult(evaluation.Rows, evaluation.SharedOutcomes, evaluation.SmallCounts, evaluation.Learned);
    }
}
