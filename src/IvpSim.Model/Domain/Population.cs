using System.Collections.Immutable;

namespace IvpSim.Model.Domain;

/// <summary>Inhabitants per municipality on 1 January of some years; in between they are interpolated.</summary>
public sealed record Population(ImmutableArray<Observation> Items)
{
    public double InhabitantsOf(string municipality, int year)
    {
        var points = Items.Where(o => o.Region == municipality).OrderBy(o => o.Year).ToArray();
        if (points.Length == 0)
        {
            throw new ArgumentException($"no inhabitants known for '{municipality}'", nameof(municipality));
        }
        if (year <= points[0].Year) return points[0].Value;
        if (year >= points[^1].Year) return points[^1].Value;
        var after = Array.FindIndex(points, p => p.Year >= year);
        var (a, b) = (points[after - 1], points[after]);
        return a.Value + (b.Value - a.Value) * (year - a.Year) / (b.Year - a.Year);
    }

    /// <summary>Each municipality's share of the region in <paramref name="year"/>, in <see cref="Regions.Municipalities"/> order.</summary>
    public ImmutableArray<double> Shares(int year)
    {
        var counts = Regions.Municipalities.Select(m => InhabitantsOf(m, year)).ToArray();
        var total = counts.Sum();
        return [.. counts.Select(c => c / total)];
    }
}
