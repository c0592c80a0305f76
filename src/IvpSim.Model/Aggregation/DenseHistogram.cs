using System.Runtime.InteropServices;

namespace IvpSim.Model.Aggregation;

/// <summary>
/// Counts of integer values, one trajectory at a time: a dense window of counters (adding is one increment) that
/// grows to at most <see cref="MaxWindow"/> values around where the values fall, and a dictionary for the rare value
/// beyond it, so a wild draw costs a dictionary entry, not memory. Reusable: <see cref="Clear"/> keeps the arrays.
/// A window cell counts in 32 bits: one worker never sees a value 2³¹ times (a run holds at most 10⁸ trajectories).
/// </summary>
public sealed class DenseHistogram
{
    public const int MaxWindow = 1 << 14;

    private int[] _counts = [];
    private int _offset;
    private int _min = int.MaxValue, _max = int.MinValue;
    private Dictionary<int, long>? _outside;

    public long Total { get; private set; }

    public void Add(int value, long count = 1)
    {
        Total += count;
        var i = (long)value - _offset;
        if ((ulong)i >= (ulong)_counts.Length && !Grow(value))
        {
            _outside ??= [];
            _outside[value] = _outside.GetValueOrDefault(value) + count;
            return;
        }
        _counts[value - _offset] += checked((int)count);
        if (value < _min) _min = value;
        if (value > _max) _max = value;
    }

    public void Add(CountHistogram histogram)
    {
        for (var i = 0; i < histogram.Values.Length; i++) Add(histogram.Values[i], histogram.Counts[i]);
    }

    /// <summary>Widens the window to hold <paramref name="value"/>, if that keeps it within <see cref="MaxWindow"/>.</summary>
    private bool Grow(int value)
    {
        if (_counts.Length == 0)
        {
            _counts = new int[64];
            _offset = value - 32;
            return true;
        }
        long lo = Math.Min(_offset, value), hi = Math.Max(_offset + (long)_counts.Length - 1, value);
        var needed = hi - lo + 1;
        if (needed > MaxWindow) return false;
        var size = (int)Math.Min(MaxWindow, Math.Max(needed + needed / 2, _counts.Length * 2L));
        var offset = (int)Math.Clamp(lo - (size - needed) / 2, (long)int.MinValue, (long)int.MaxValue - size);
        var counts = new int[size];
        if (_min <= _max) Array.Copy(_counts, _min - _offset, counts, _min - offset, _max - _min + 1);
        (_counts, _offset) = (counts, offset);
        return true;
    }

    public CountHistogram ToHistogram()
    {
        var distinct = _outside?.Count ?? 0;
        for (var v = _min; v <= _max; v++) if (_counts[v - _offset] != 0) distinct++;
        var values = new int[distinct];
        var counts = new long[distinct];
        var k = 0;
        for (var v = _min; v <= _max; v++)
        {
            if (_counts[v - _offset] == 0) continue;
            (values[k], counts[k]) = (v, _counts[v - _offset]);
            k++;
        }
        if (_outside is not null)
        {
            // A value kept outside may also have landed in the window after it grew: add up equal values.
            foreach (var (v, c) in _outside) (values[k], counts[k++]) = (v, c);
            Array.Sort(values, counts);
            var merged = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (merged > 0 && values[merged - 1] == values[i]) counts[merged - 1] += counts[i];
                else (values[merged], counts[merged++]) = (values[i], counts[i]);
            }
            Array.Resize(ref values, merged);
            Array.Resize(ref counts, merged);
        }
        return new CountHistogram(ImmutableCollectionsMarshal.AsImmutableArray(values), ImmutableCollectionsMarshal.AsImmutableArray(counts));
    }

    /// <summary>Empties the histogram, keeping its window for the next batch.</summary>
    public void Clear()
    {
        if (_min <= _max) Array.Clear(_counts, _min - _offset, _max - _min + 1);
        (_min, _max, Total) = (int.MaxValue, int.MinValue, 0);
        _outside = null;
    }
}
