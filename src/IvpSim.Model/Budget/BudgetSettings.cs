using System.Collections.Immutable;

namespace IvpSim.Model.Budget;

/// <summary>How a shared (joint) measure's cost is divided over the municipalities that share it.</summary>
public enum SplitKey
{
    /// <summary>By inhabitants in the year of spending (the default).</summary>
    Inhabitants,
    /// <summary>Equal parts.</summary>
    Equal,
    /// <summary>Shares given in the scenario.</summary>
    Explicit,
}

/// <summary>
/// A scenario's budget settings: the split key for shared measures, the correlation of cost overruns across
/// measures (they share causes such as wage rises), a yearly price indexation and the year of the claim.
/// </summary>
public sealed record BudgetSettings(SplitKey Key, ImmutableDictionary<string, double> ExplicitShares,
    double CostCorrelation, double Indexation, int ClaimYear)
{
    public static BudgetSettings Default { get; } =
        new(SplitKey.Inhabitants, ImmutableDictionary<string, double>.Empty, 0.5, 0.0, 2022);
}
