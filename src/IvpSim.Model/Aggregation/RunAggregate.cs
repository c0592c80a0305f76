using System.Collections.Immutable;

namespace IvpSim.Model.Aggregation;

/// <summary>The histogram of one (region, indicator, year) over the trajectories of a batch or a run.</summary>
public sealed record SlotHistogram(string Region, string Indicator, int Year, CountHistogram Histogram);

/// <summary>
/// The mergeable result of any set of trajectories: one exact histogram per output slot. Merging is exact and
/// commutative, so the result of a run does not depend on how it was split into batches or where they ran.
/// </summary>
public sealed record RunAggregate(long Trajectories, ImmutableArray<SlotHistogram> Slots)
{
    public RunAggregate Merge(RunAggregate other)
    {
        if (Slots.IsEmpty) return other;
        if (other.Slots.IsEmpty) return this;
        if (Slots.Length != other.Slots.Length)
        {
            throw new InvalidOperationException("cannot merge results with different layouts");
        }
        var merged = ImmutableArray.CreateBuilder<SlotHistogram>(Slots.Length);
        for (var i = 0; i < Slots.Length; i++)
        {
            var (a, b) = (Slots[i], other.Slots[i]);
            if (a.Region != b.Region || a.Indicator != b.Indicator || a.Year != b.Year)
            {
                throw new InvalidOperationException("cannot merge results with different layouts");
            }
            merged.Add(a with { Histogram = a.Histogram.Merge(b.Histogram) });
        }
        return new(Trajectories + other.Trajectories, merged.MoveToImmutable());
    }

    public static RunAggregate Empty { get; } = new(0, []);

    public CountHistogram? Find(string region, string indicator, int year) =>
        Slots.FirstOrDefault(s => s.Region == region && s.Indicator == indicator && s.Year == year)?.Histogram;
}
