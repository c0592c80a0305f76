using IvpSim.Contracts;

namespace IvpSim.Grains;

/// <summary>Tells a coordinator how many cores the silo it lives on has.</summary>
public sealed class SiloInfoGrain : Grain, ISiloInfoGrain
{
    public Task<SiloCores> Cores() => Task.FromResult(new SiloCores(Environment.ProcessorCount, RuntimeIdentity));
}
