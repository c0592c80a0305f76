using System.Collections.Immutable;

namespace IvpSim.Model.Analysis;

/// <summary>
/// A target as sensitivity analysis scores it: one of the plan's targets (<see cref="PlanTarget"/> ≥ 0), or all
/// count targets together (<see cref="PlanTarget"/> = −1: met when every one is met; its value is their sum).
/// <see cref="Components"/>: the count components whose expected counts make up its baseline (empty for a score).
/// </summary>
public sealed record AnalysisTarget(string Region, string Indicator, int PlanTarget, int Municipality, ImmutableArray<int> Components,
    int DecisiveYear)
{
    public const string AllCountTargetsId = "alle-misdaaddoelen";

    public bool IsJoint => PlanTarget < 0;

    public bool IsScore => Components.IsEmpty;

    public string Key => IsJoint ? AllCountTargetsId : $"{Region}/{Indicator}";
}
