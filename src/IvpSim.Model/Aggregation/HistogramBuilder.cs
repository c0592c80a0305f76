using System.Runtime.InteropServices;

namespace IvpSim.Model.Aggregation;

/// <summary>Counts the values of many slots, one trajectory at a time, into exact histograms.</summary>
public sealed class HistogramBuilder
{
    private readonly Dictionary<int, long>[] _counts;

    public HistogramBuilder(int slots)
    {
        _counts = new Dictionary<int, long>[slots];
        for (var i = 0; i < slots; i++) _counts[i] = [];
    }

    public void Add(ReadOnlySpan<int> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts[i], values[i], out _);
            c++;
        }
    }

    public CountHistogram Histogram(int slot) => CountHistogram.FromCounts(_counts[slot]);
}
