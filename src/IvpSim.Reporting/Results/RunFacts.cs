using System.Collections.Immutable;

namespace IvpSim.Reporting.Results;

/// <summary>The trajectories one silo simulated for a run (those in the result).</summary>
public sealed record SiloRun(string Silo, long Trajectories);

/// <summary>How a run went, beyond its numbers: where it ran (never with a password), on which silos, what was redone.</summary>
public sealed record RunFacts(string Cluster, ImmutableArray<SiloRun> Silos, int RetriedBatches)
{
    /// <summary>With <c>--precision</c>: the goal, the trajectories it took and the largest standard error reached.</summary>
    public PrecisionFacts? Precision { get; init; }

    /// <summary>The version of IvpSim that made a result, for run.txt and the report.</summary>
    public static string ToolVersion { get; } =
        typeof(RunFacts).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "onbekend";
}
