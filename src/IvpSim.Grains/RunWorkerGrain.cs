using IvpSim.Contracts;
using IvpSim.Model.Comparison;

namespace IvpSim.Grains;

/// <summary>
/// A worker of one run: builds the run's simulation tables once from the plan, then simulates batch after batch on
/// them into its own accumulator, handed over every few batches and at the end (converting and merging every batch
/// would cost more than the batch; a hand-over now and then bounds what a lost silo costs). The batch runs on the thread pool, so the grain's turn stays short however long it takes.
/// </summary>
[CollectionAgeLimit(Minutes = 5)] // a worker whose coordinator died is never collected: it goes when idle this long
public sealed class RunWorkerGrain : Grain, IRunWorkerGrain
{
    private ComparisonRunner? _runner;
    private readonly List<long> _batches = [];

    /// <summary>
    /// An activation without a plan has no business: one made by a late call to a worker that already let go (a
    /// cancelled call does not even reach the grain's code) goes after a short while instead of lingering.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(() =>
        {
            if (_runner is null) DeactivateOnIdle();
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        return Task.CompletedTask;
    }

    public Task Prepare(WorkerPlan plan)
    {
        _runner = new ComparisonRunner(plan.Plans);
        return Task.CompletedTask;
    }

    public async Task<BatchDone> Simulate(long first, int count, CancellationToken cancellationToken)
    {
        var runner = Runner;
        try
        {
            await Task.Run(() => runner.Run(first, count, cancellationToken), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A cancelled run comes back for nothing: let go of its tables now.
            await Discard();
            throw;
        }
        _batches.Add(first);
        return new BatchDone(count, RuntimeIdentity);
    }

    public Task Discard()
    {
        _runner = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<WorkerResult> Checkpoint() => Task.FromResult(HandOver());

    public Task<WorkerResult> Collect()
    {
        var result = HandOver();
        _runner = null;
        DeactivateOnIdle();
        return Task.FromResult(result);
    }

    private WorkerResult HandOver()
    {
        var runner = Runner;
        var result = new WorkerResult([.. Enumerable.Range(0, runner.Plans).Select(p => runner.Accumulator(p).ToAggregate())],
            runner.Paired(), [.. _batches]);
        runner.Clear();
        _batches.Clear();
        return result;
    }

    /// <summary>
    /// The run's tables. Without them (a call forwarded to a fresh activation after the worker's silo died, or a
    /// batch of a cancelled run) the request fails as a lost worker and this activation goes too, rather than linger empty.
    /// </summary>
    private ComparisonRunner Runner
    {
        get
        {
            if (_runner is { } runner) return runner;
            DeactivateOnIdle();
            throw new WorkerLostException($"worker {this.GetPrimaryKeyString()} has no plan: its silo was lost or the run cancelled");
        }
    }
}
