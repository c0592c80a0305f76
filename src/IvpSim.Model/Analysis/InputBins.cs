namespace IvpSim.Model.Analysis;

/// <summary>
/// Equal-probability bins per (target, input), their edges set from a pilot sample of the run's own first trajectories
/// (a function of the seed alone, so every batch and silo bins alike). A category (the model structure) is its own bin.
/// </summary>
public sealed class InputBins
{
    /// <summary>Bins per input: enough to see a curve, few enough that each holds thousands of trajectories.</summary>
    public const int Count = 20;

    private readonly double[][] _edges;    // per (target, input): Count − 1 ascending inner edges; empty for a category or no data
    private readonly bool[] _categorical;

    private InputBins(double[][] edges, bool[] categorical)
    {
        _edges = edges;
        _categorical = categorical;
    }

    /// <param name="pilot">Per trajectory of the pilot: the probe's values (target-major).</param>
    public static InputBins From(IReadOnlyList<double[]> pilot, int targets, IReadOnlyList<UncertainInput> inputs)
    {
        var cells = targets * inputs.Count;
        var edges = new double[cells][];
        var categorical = new bool[cells];
        for (var k = 0; k < cells; k++)
        {
            categorical[k] = inputs[k % inputs.Count].Categorical;
            var values = pilot.Select(p => p[k]).Where(v => !double.IsNaN(v)).Order().ToArray();
            edges[k] = categorical[k] || values.Length == 0
                ? []
                : [.. Enumerable.Range(1, Count - 1).Select(b => values[Math.Min(values.Length - 1, b * values.Length / Count)])];
        }
        return new InputBins(edges, categorical);
    }

    /// <summary>The bin of a value of cell <paramref name="cell"/> (target × inputs + input); −1 for NaN (the input does not apply).</summary>
    public int Bin(int cell, double value)
    {
        if (double.IsNaN(value)) return -1;
        if (_categorical[cell]) return Math.Clamp((int)value, 0, Count - 1);
        var edges = _edges[cell];
        if (edges.Length == 0) return -1;
        // The number of edges at or below the value: ties at an edge go up, as the pilot's quantiles do.
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (edges[mid] <= value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
