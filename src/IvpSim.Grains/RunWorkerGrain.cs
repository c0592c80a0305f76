using IvpSim.Contracts;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Simulation;

namespace IvpSim.Grains;

/// <summary>
/// A worker of one run: builds the run's simulation tables once from the plan, then simulates batch after batch on
/// them into its own accumulator, handed over once at the end (converting and merging every batch would cost more
/// than the batch). The batch runs on the thread pool, so the grain's turn stays short however long it takes.
/// </summary>
public sealed class RunWorkerGrain : Grain, IRunWorkerGrain
{
    private BatchRunner? _runner;

    public Task Prepare(SimulationPlan plan)
    {
        _runner = new BatchRunner(plan);
        return Task.CompletedTask;
    }

    public async Task<BatchDone> Simulate(long first, int count)
    {
        var runner = Runner;
        await Task.Run(() => runner.Run(first, count));
        return new BatchDone(count, RuntimeIdentity);
    }

    public Task<RunAggregate> Collect()
    {
        var aggregate = Runner.Accumulator.ToAggregate();
        _runner = null;
        DeactivateOnIdle();
        return Task.FromResult(aggregate);
    }

    private BatchRunner Runner => _runner ?? throw new InvalidOperationException("worker has no plan: call Prepare first");
}
