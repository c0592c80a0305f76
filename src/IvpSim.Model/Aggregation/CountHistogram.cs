using System.Collections.Immutable;

namespace IvpSim.Model.Aggregation;

/// <summary>
/// An exact histogram of integer values (counts, or scores in hundredths). Merging adds counts, so partial
/// results from batches combine to the same histogram in any order.
/// </summary>
public sealed record CountHistogram(ImmutableArray<int> Values, ImmutableArray<long> Counts)
{
    public static readonly CountHistogram Empty = new([], []);

    public long Total => Counts.Sum();

    public static CountHistogram FromCounts(IReadOnlyDictionary<int, long> counts)
    {
        var ordered = counts.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key).ToArray();
        return new([.. ordered.Select(kv => kv.Key)], [.. ordered.Select(kv => kv.Value)]);
    }

    public static CountHistogram Of(IEnumerable<int> values)
    {
        var counts = new Dictionary<int, long>();
        foreach (var v in values)
        {
            counts[v] = counts.GetValueOrDefault(v) + 1;
        }
        return FromCounts(counts);
    }

    public CountHistogram Merge(CountHistogram other)
    {
        var values = ImmutableArray.CreateBuilder<int>(Values.Length + other.Values.Length);
        var counts = ImmutableArray.CreateBuilder<long>(Values.Length + other.Values.Length);
        int i = 0, j = 0;
        while (i < Values.Length || j < other.Values.Length)
        {
            if (j >= other.Values.Length || (i < Values.Length && Values[i] < other.Values[j]))
            {
                values.Add(Values[i]); counts.Add(Counts[i]); i++;
            }
            else if (i >= Values.Length || other.Values[j] < Values[i])
            {
                values.Add(other.Values[j]); counts.Add(other.Counts[j]); j++;
            }
            else
            {
                values.Add(Values[i]); counts.Add(Counts[i] + other.Counts[j]); i++; j++;
            }
        }
        return new(values.ToImmutable(), counts.ToImmutable());
    }

    /// <summary>The exact mean; the sum is kept in 128 bits so it never overflows.</summary>
    public double Mean()
    {
        Int128 sum = 0;
        for (var i = 0; i < Values.Length; i++)
        {
            sum += (Int128)Values[i] * Counts[i];
        }
        return (double)sum / Total;
    }

    /// <summary>The lower q-quantile: the smallest value whose cumulative share reaches q (q in (0, 1]).</summary>
    public int Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(q, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1.0);
        var total = Total;
        if (total == 0) throw new InvalidOperationException("empty histogram");
        // Integer arithmetic: the smallest rank r with r >= q * total, exact for the common quantiles.
        var rank = (long)Math.Ceiling(q * total - 1e-9);
        rank = Math.Max(rank, 1);
        long cumulative = 0;
        for (var i = 0; i < Values.Length; i++)
        {
            cumulative += Counts[i];
            if (cumulative >= rank) return Values[i];
        }
        return Values[^1];
    }

    /// <summary>How many values satisfy <paramref name="predicate"/>.</summary>
    public long CountWhere(Func<int, bool> predicate)
    {
        long n = 0;
        for (var i = 0; i < Values.Length; i++)
        {
            if (predicate(Values[i])) n += Counts[i];
        }
        return n;
    }
}
