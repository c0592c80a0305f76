using IvpSim.Contracts;

namespace IvpSim.Cli.Hosting;

/// <summary>The silo that held a run's coordinator is gone; <see cref="Last"/> is the progress last heard.</summary>
public sealed class CoordinatorLostException(string message, RunProgress last) : ClusterUnavailableException(message)
{
    public RunProgress Last { get; } = last;
}
