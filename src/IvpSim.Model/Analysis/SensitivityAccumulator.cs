namespace IvpSim.Model.Analysis;

/// <summary>
/// Integer sums per (target, input, group, bin): trajectories, the decisive value and its square, and per scenario the
/// trajectories that met the target. Exact and mergeable, so the analysis does not depend on how the trajectories were
/// split. The group (trajectory mod <see cref="Groups"/>) gives independent replicates for standard errors.
/// </summary>
public sealed class SensitivityAccumulator
{
    public const int Groups = 10;

    public SensitivityAccumulator(int targets, int inputs, int scenarios)
    {
        Targets = targets;
        Inputs = inputs;
        var cells = targets * inputs * Groups * InputBins.Count;
        Trajectories = new long[cells];
        Sum = new long[cells];
        SumOfSquares = new long[cells];
        Met = [.. Enumerable.Range(0, scenarios).Select(_ => new long[cells])];
    }

    public int Targets { get; }

    public int Inputs { get; }

    public long[] Trajectories { get; }

    public long[] Sum { get; }

    public long[] SumOfSquares { get; }

    /// <summary>Per scenario (the first is the one analysed).</summary>
    public long[][] Met { get; }

    public static int Index(int inputs, int target, int input, int group, int bin) =>
        ((target * inputs + input) * Groups + group) * InputBins.Count + bin;

    public void Add(int target, int input, int group, int bin, long value, ReadOnlySpan<bool> met)
    {
        var k = Index(Inputs, target, input, group, bin);
        Trajectories[k]++;
        Sum[k] += value;
        SumOfSquares[k] += value * value;
        for (var d = 0; d < met.Length; d++)
            if (met[d]) Met[d][k]++;
    }

    public void Merge(SensitivityAccumulator other)
    {
        AddInto(Trajectories, other.Trajectories);
        AddInto(Sum, other.Sum);
        AddInto(SumOfSquares, other.SumOfSquares);
        for (var d = 0; d < Met.Length; d++) AddInto(Met[d], other.Met[d]);
    }

    private static void AddInto(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++) target[i] += source[i];
    }
}
