using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Results;

/// <summary>
/// A theme's result for one municipality and indicator in the last projected year: the projected mean and the
/// expected change that the theme's interventions in this scenario bring (sum of their contributions).
/// </summary>
public sealed record ThemeSummaryRow(string Scenario, string Theme, string Region, string Indicator, int Year,
    double ProjectedMean, double ChangeFromThemeInterventions, int InterventionsUsed);

public static class ThemeSummary
{
    public static ImmutableArray<ThemeSummaryRow> Build(string scenario, Theme theme, IReadOnlyCollection<string> themeInterventions, RunAggregate result)
    {
        if (result.Slots.IsEmpty) return [];
        var years = result.Slots.Select(s => s.Year).Distinct().Order().ToArray();
        var layout = new OutputLayout(years[0], years[^1]);
        var used = result.Contributions.Select((c, i) => (c, i)).Where(x => themeInterventions.Contains(x.c.InterventionId)).ToArray();
        var rows = new List<ThemeSummaryRow>();
        foreach (var region in theme.Municipalities)
        {
            foreach (var indicator in theme.Indicators)
            {
                var slot = layout.Slot(region, indicator, layout.EndYear);
                var scale = (double)Indicators.Get(indicator).Scale;
                var change = used.Sum(x => result.MeanContribution(x.i, slot)) / scale;
                rows.Add(new(scenario, theme.Id, region, indicator, layout.EndYear,
                    result.Slots[slot].Histogram.Mean() / scale, change, used.Length));
            }
        }
        return [.. rows];
    }
}
