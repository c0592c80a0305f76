using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Domain;

namespace IvpSim.Model.Results;

/// <summary>Turns observations and a run's histograms into the rows of projections.csv.</summary>
public static class ProjectionTable
{
    public static ImmutableArray<ProjectionRow> Build(string scenario, ObservationSet observed, RunAggregate result)
    {
        var rows = new List<ProjectionRow>();
        var regions = Regions.All.Select(r => r.Id).ToHashSet();
        var observedKeys = new HashSet<(string, string, int)>();
        foreach (var o in observed.Items.Where(o => Indicators.IsKnown(o.Indicator) && regions.Contains(o.Region)))
        {
            rows.Add(new(scenario, o.Region, o.Indicator, o.Year, true, o.Value, o.Value, o.Value, o.Value, o.Value, o.Value));
            observedKeys.Add((o.Region, o.Indicator, o.Year));
        }
        foreach (var o in DerivedHistory.ExclCyber(observed))
        {
            rows.Add(new(scenario, o.Region, o.Indicator, o.Year, true, o.Value, o.Value, o.Value, o.Value, o.Value, o.Value) { Derived = true });
            observedKeys.Add((o.Region, o.Indicator, o.Year));
        }
        // A year that was observed shows its observation; the projection starts after it.
        foreach (var slot in result.Slots.Where(s => !observedKeys.Contains((s.Region, s.Indicator, s.Year))))
        {
            var scale = (double)Indicators.Get(slot.Indicator).Scale;
            var h = slot.Histogram;
            rows.Add(new(scenario, slot.Region, slot.Indicator, slot.Year, false, h.Mean() / scale,
                h.Quantile(0.05) / scale, h.Quantile(0.25) / scale, h.Quantile(0.50) / scale,
                h.Quantile(0.75) / scale, h.Quantile(0.95) / scale));
        }
        var regionOrder = Regions.All.Select(r => r.Id).ToList();
        var indicatorOrder = Indicators.All.Select(i => i.Id).ToList();
        return [.. rows.OrderBy(r => regionOrder.IndexOf(r.Region))
                       .ThenBy(r => indicatorOrder.IndexOf(r.Indicator))
                       .ThenBy(r => r.Year)];
    }
}
