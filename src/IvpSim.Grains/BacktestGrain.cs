using System.Collections.Immutable;
using IvpSim.Contracts;
using IvpSim.Model.Backtest;

namespace IvpSim.Grains;

/// <summary>Runs a backtest on the thread pool of its silo; the grain's turn stays short however long the backtest takes.</summary>
public sealed class BacktestGrain : Grain, IBacktestGrain
{
    private readonly List<string> _progress = [];

    public async Task<BacktestResult> Run(BacktestRequest request, CancellationToken cancellationToken)
    {
        var evaluation = await Task.Run(() => Backtester.Evaluate(request.Inputs, request.Options, Report), cancellationToken);
        DeactivateOnIdle();
        return new BacktestResult(evaluation.Rows, evaluation.SharedOutcomes, evaluation.SmallCounts, evaluation.Learned,
            await Progress(0));
    }

    public Task<ImmutableArray<string>> Progress(int from)
    {
        lock (_progress) return Task.FromResult<ImmutableArray<string>>([.. _progress.Skip(from)]);
    }

    /// <summary>Called from the thread pool while the backtest runs.</summary>
    private void Report(string line)
    {
        lock (_progress) _progress.Add(line);
    }
}
