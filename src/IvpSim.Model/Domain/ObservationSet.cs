using System.Collections.Immutable;

namespace IvpSim.Model.Domain;

/// <summary>All observations of a data file; missing cells are simply absent.</summary>
public sealed record ObservationSet(ImmutableArray<Observation> Items)
{
    public double? Get(string region, string indicator, int year)
    {
        foreach (var o in Items)
        {
            if (o.Year == year && o.Region == region && o.Indicator == indicator)
            {
                return o.Value;
            }
        }
        return null;
    }

    /// <summary>Observed (year, value) pairs of one series, in year order.</summary>
    public ImmutableArray<(int Year, double Value)> Series(string region, string indicator) =>
        [.. Items.Where(o => o.Region == region && o.Indicator == indicator)
                 .OrderBy(o => o.Year)
                 .Select(o => (o.Year, o.Value))];

    public ObservationSet ForRegion(string region) => new([.. Items.Where(o => o.Region == region)]);
}
