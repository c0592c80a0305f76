using System.Collections.Immutable;

namespace IvpSim.Model.Analysis;

/// <summary>What sensitivity analysis scores.</summary>
public enum AnalysisTargetKind
{
    /// <summary>One of the plan's targets.</summary>
    Plan,
    /// <summary>All count targets together: met when every one is met; its value is their sum.</summary>
    AllCounts,
    /// <summary>A municipality's claim in the claim year (no chance of meeting: only its value).</summary>
    Claim,
}

/// <summary>
/// A target as sensitivity analysis scores it. <see cref="PlanTarget"/>: the plan target's index (plan targets only);
/// <see cref="Components"/>: the count components whose expected counts make up its baseline (empty for a score or a
/// claim); <see cref="CostSlot"/>: where a claim lies in the trajectory's costs.
/// </summary>
public sealed record AnalysisTarget(string Region, string Indicator, int PlanTarget, int Municipality, ImmutableArray<int> Components,
    int DecisiveYear, AnalysisTargetKind Kind = AnalysisTargetKind.Plan, int CostSlot = -1)
{
    public const string AllCountTargetsId = "alle-misdaaddoelen";
    public const string ClaimIndicator = "claim";

    public bool IsJoint => Kind == AnalysisTargetKind.AllCounts;

    public bool IsClaim => Kind == AnalysisTargetKind.Claim;

    public bool IsScore => Kind == AnalysisTargetKind.Plan && Components.IsEmpty;

    public string Key => Kind switch
    {
        AnalysisTargetKind.AllCounts => AllCountTargetsId,
        AnalysisTargetKind.Claim => $"{Region}/{ClaimIndicator}-{DecisiveYear}",
        _ => $"{Region}/{Indicator}",
    };
}
