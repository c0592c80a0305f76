using System.Collections.Immutable;
using IvpSim.Model.Comparison;

namespace IvpSim.Reporting.Results;

/// <summary>Scenarios run on the same trajectories, each with its own report, and each target compared with the first scenario.</summary>
public sealed record ComparisonReport(ImmutableArray<ScenarioReport> Scenarios, ImmutableArray<ComparisonRow> Rows)
{
    public ScenarioReport First => Scenarios[0];

    /// <summary>The row of <paramref name="scenario"/> for <paramref name="target"/>; null where that scenario has no such target.</summary>
    public ComparisonRow? Row(string scenario, Model.Targets.TargetDefinition target) =>
        Rows.FirstOrDefault(r => r.Scenario == scenario && ComparisonTable.Same(r.Outcome.Target, target));

    public static ComparisonReport Build(ImmutableArray<ScenarioReport> scenarios, ComparisonAggregate paired) =>
        new(scenarios, ComparisonTable.Build([.. scenarios.Select(s => (IReadOnlyList<Model.Results.TargetOutcome>)s.Targets)], paired));

    /// <summary>One scenario on its own: its report is a comparison of one.</summary>
    public static ComparisonReport Single(ScenarioReport scenario) =>
        new([scenario], ComparisonTable.Build([scenario.Targets], ComparisonAggregate.Empty));
}
