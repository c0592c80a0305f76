using System.Collections.Immutable;
using IvpSim.Model.Targets;

namespace IvpSim.Model.Results;

/// <summary>The chance of meeting a target under one structure: from the trajectories that followed it (none: not drawn).</summary>
public sealed record StructureOutcome(string Structure, double Weight, long Trajectories, double? PMeet, double? PMeetSe);

/// <summary>
/// How likely a target is met: the share of trajectories that meet it, with its Monte Carlo standard error, the
/// range over the structures that carry weight (null where the structure does not matter, as for survey scores), the chance per structure, and the projected distribution of
/// the deciding value.
/// </summary>
public sealed record TargetOutcome(
    string Scenario, TargetDefinition Target, double? Baseline2019,
    double PMeet, double PMeetSe, double? PMeetLow, double? PMeetHigh, double P05, double P50, double P95,
    ImmutableArray<StructureOutcome> Structures)
{
    /// <summary>
    /// The lowest and highest chance over the calibration searches' constants (each on the trajectories projected with
    /// them, a fifth of the run, so it holds more simulation noise); null where they do not matter or there is one set.
    /// </summary>
    public double? PMeetConstantsLow { get; init; }

    public double? PMeetConstantsHigh { get; init; }
}
