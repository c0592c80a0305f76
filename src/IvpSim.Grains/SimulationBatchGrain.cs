using IvpSim.Contracts;
using IvpSim.Model.Simulation;
using Orleans.Placement;

namespace IvpSim.Grains;

/// <summary>Runs one batch of trajectories. Random placement spreads batches over the silos of a cluster.</summary>
[RandomPlacement]
public sealed class SimulationBatchGrain : Grain, ISimulationBatchGrain
{
    public Task<BatchResult> Simulate(BatchRequest request)
    {
        var aggregate = MonteCarlo.RunBatch(request.Plan, request.First, request.Count);
        // A batch is used once: free the activation instead of waiting for idle collection.
        DeactivateOnIdle();
        return Task.FromResult(new BatchResult(aggregate, RuntimeIdentity));
    }
}
