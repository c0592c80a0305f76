using Orleans.TestingHost;

namespace IvpSim.Grains.Tests;

/// <summary>Starts an in-process test cluster with a given number of silos, serialisation as in production.</summary>
internal static class TestClusters
{
    public static async Task<InProcessTestCluster> StartAsync(short silos)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddIvpSim());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
