using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace IvpSim.Grains;

/// <summary>What every IvpSim silo needs, in one place: in one process, in a cluster and in tests.</summary>
public static class SiloSetup
{
    public static ISiloBuilder AddIvpSim(this ISiloBuilder silo)
    {
        silo.AddIncomingGrainCallFilter<InputErrorFilter>();
        // A silo killed mid-run is declared dead within seconds (default: 10 s or more), so its batches move on quickly;
        // not faster, because silos that are busy simulating answer probes late.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 3;
        });
        return silo;
    }
}
