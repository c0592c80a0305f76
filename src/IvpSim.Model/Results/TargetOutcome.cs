using IvpSim.Model.Targets;

namespace IvpSim.Model.Results;

/// <summary>
/// How likely a target is met: the share of trajectories that meet it, with its Monte Carlo standard error,
/// and the projected distribution of the deciding value.
/// </summary>
public sealed record TargetOutcome(
    string Scenario, TargetDefinition Target, double? Baseline2019,
    double PMeet, double PMeetSe, double P05, double P50, double P95);
