namespace IvpSim.Grains;

/// <summary>
/// What a grain computed for the last few requests, by the request's content key: a second request with the same key
/// is answered from memory; the oldest is dropped once more are kept than <paramref name="capacity"/>. Requests without
/// a key are computed every time.
/// </summary>
internal sealed class KeptResults<T>(int capacity)
{
    private readonly Dictionary<string, T> _results = [];
    private readonly Queue<string> _order = new();

    public T GetOrCompute(string key, Func<T> compute)
    {
        if (key.Length > 0 && _results.TryGetValue(key, out var kept)) return kept;
        var result = compute();
        if (key.Length == 0) return result;
        _results[key] = result;
        _order.Enqueue(key);
        if (_order.Count > capacity) _results.Remove(_order.Dequeue());
        return result;
    }
}
