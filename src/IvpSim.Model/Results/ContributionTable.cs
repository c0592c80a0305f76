using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Domain;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Results;

/// <summary>One line of contributions.csv: the expected change an intervention causes in one slot.</summary>
public sealed record ContributionRow(string Scenario, string Region, string Indicator, int Year, string Intervention, double ExpectedChange);

/// <summary>Turns a run's contribution sums into rows; exact zeros (slots an intervention cannot reach) are left out.</summary>
public static class ContributionTable
{
    public static ImmutableArray<ContributionRow> Build(string scenario, RunAggregate result)
    {
        if (result.Contributions.IsEmpty) return [];
        var years = result.Slots.Select(s => s.Year).Distinct().Order().ToArray();
        var layout = new OutputLayout(years[0], years[^1]);
        var rows = new List<ContributionRow>();
        foreach (var (slot, region, indicator, year) in layout.Keys())
        {
            if (Indicators.Get(indicator).Kind != IndicatorKind.Count) continue;
            for (var c = 0; c < result.Contributions.Length; c++)
            {
                if (result.Contributions[c].Sums[slot] == 0) continue;
                rows.Add(new(scenario, region, indicator, year, result.Contributions[c].InterventionId,
                    result.MeanContribution(c, slot)));
            }
        }
        return [.. rows];
    }
}
