using System.Collections.Immutable;

namespace IvpSim.Model.Interventions;

/// <summary>
/// A scenario's use of an intervention in one municipality: from which year, how intensely (1 = as in the
/// catalogue), and any prior the scenario overrides.
/// </summary>
public sealed record InterventionUse(
    string InterventionId,
    string Municipality,
    int StartYear,
    double Intensity,
    double? Coverage,
    int? RampUpYears,
    ImmutableDictionary<string, Distribution> EffectOverrides,
    InterventionCost? CostOverride = null,
    bool Shared = false);
