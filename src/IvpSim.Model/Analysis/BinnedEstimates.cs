namespace IvpSim.Model.Analysis;

/// <summary>
/// Estimates from one input's bins (a given-data method: no extra model runs). The first-order index
/// S = Var(E[Y | X]) / Var(Y) is the between-bin share of the variance, less what pure chance puts between bins
/// ((B − 1) times the within-bin mean square; Plischke, Borgonovo & Smith 2013). The value of perfect information
/// about X for a choice between scenarios is E_X[max_d P(meet_d | X)] − max_d P(meet_d).
/// </summary>
public static class BinnedEstimates
{
    /// <summary>The first-order index from per-bin counts, sums and sums of squares; NaN without variance.</summary>
    public static double FirstOrderIndex(ReadOnlySpan<long> n, ReadOnlySpan<long> sum, ReadOnlySpan<long> sumOfSquares)
    {
        double total = 0, totalSum = 0, totalSquares = 0, within = 0;
        var bins = 0;
        for (var b = 0; b < n.Length; b++)
        {
            if (n[b] == 0) continue;
            bins++;
            total += n[b];
            totalSum += sum[b];
            totalSquares += sumOfSquares[b];
            within += sumOfSquares[b] - (double)sum[b] * sum[b] / n[b];
        }
        if (total < 2) return double.NaN;
        var all = totalSquares - totalSum * totalSum / total;
        if (all <= 1e-9 * Math.Max(1, totalSquares)) return double.NaN;
        var between = all - within;
        var chance = bins > 1 && total > bins ? (bins - 1) * within / (total - bins) : 0;
        return (between - chance) / all;
    }

    /// <summary>
    /// The expected value of perfect information about the binned input for a choice among scenarios, in chance of
    /// meeting the target; <paramref name="met"/> per scenario and bin. Zero when no bin changes the best choice.
    /// </summary>
    public static double ValueOfInformation(ReadOnlySpan<long> n, IReadOnlyList<long[]> met)
    {
        long total = 0;
        for (var b = 0; b < n.Length; b++) total += n[b];
        if (total == 0) return double.NaN;
        var best = met.Max(m => (double)m.Sum());
        double informed = 0;
        for (var b = 0; b < n.Length; b++)
        {
            if (n[b] == 0) continue;
            informed += met.Max(m => (double)m[b]);
        }
        return (informed - best) / total;
    }

    /// <summary>Mean and standard error of the mean over independent replicates (NaN ones left out).</summary>
    public static (double Mean, double Se) Replicates(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).ToArray();
        if (v.Length < 2) return (v.Length == 1 ? v[0] : double.NaN, double.NaN);
        var mean = v.Average();
        var sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return (mean, sd / Math.Sqrt(v.Length));
    }
}
