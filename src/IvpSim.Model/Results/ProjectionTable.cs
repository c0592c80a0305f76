using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Domain;

namespace IvpSim.Model.Results;

/// <summary>Turns observations and a run's histograms into the rows of projections.csv.</summary>
public static class ProjectionTable
{
    public static ImmutableArray<ProjectionRow> Build(string scenario, ObservationSet observed, RunAggregate result)
    {
        var firstProjected = result.Slots.IsEmpty ? int.MaxValue : result.Slots.Min(s => s.Year);
        var rows = new List<ProjectionRow>();
        foreach (var o in observed.Items.Where(o => o.Year < firstProjected && Indicators.IsKnown(o.Indicator)))
        {
            rows.Add(new(scenario, o.Region, o.Indicator, o.Year, true, o.Value, o.Value, o.Value, o.Value, o.Value, o.Value));
        }
        foreach (var slot in result.Slots)
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
