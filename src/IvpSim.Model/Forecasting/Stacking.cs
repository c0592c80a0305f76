namespace IvpSim.Model.Forecasting;

/// <summary>
/// Stacking on the CRPS (Yao et al. 2018): the weights of a mixture of forecasts that minimise its mean
/// out-of-sample CRPS. For a mixture with weights w the CRPS is w·A − ½·wᵀBw, with A_k = E|X_k − y| and
/// B_kl = E|X_k − X_l|; the mean over forecasts keeps that form, and because E|X − Y| is a negative-type kernel it
/// is convex on the simplex. With a handful of structures every support set is tried: on each, the stationary
/// point under Σw = 1 is one linear solve, and the best feasible one is the optimum.
/// </summary>
public static class Stacking
{
    /// <param name="a">Mean (scaled) E|X_k − y| per structure.</param>
    /// <param name="b">Mean (scaled) E|X_k − X_l| per pair of structures.</param>
    /// <param name="available">Structures that may get weight.</param>
    public static double[] Weights(double[] a, double[,] b, bool[] available)
    {
        var k = a.Length;
        double[]? best = null;
        var bestValue = double.PositiveInfinity;
        for (var mask = 1; mask < 1 << k; mask++)
        {
            var support = Enumerable.Range(0, k).Where(i => (mask >> i & 1) == 1).ToArray();
            if (support.Any(i => !available[i])) continue;
            var w = Stationary(a, b, support);
            if (w is null || w.Any(x => x < -1e-12)) continue;
            var value = Objective(a, b, w);
            if (value < bestValue - 1e-15)
            {
                bestValue = value;
                best = w;
            }
        }
        if (best is null) throw new InvalidOperationException("no structure available for stacking");
        var total = best.Sum(x => Math.Max(0, x));
        return [.. best.Select(x => Math.Max(0, x) / total)];
    }

    public static double Objective(double[] a, double[,] b, double[] w)
    {
        double value = 0;
        for (var i = 0; i < a.Length; i++)
        {
            value += w[i] * a[i];
            for (var j = 0; j < a.Length; j++) value -= 0.5 * w[i] * w[j] * b[i, j];
        }
        return value;
    }

    /// <summary>Solves a_S − B_S·w = μ·1, Σw = 1 on the support S; null if singular.</summary>
    private static double[]? Stationary(double[] a, double[,] b, int[] support)
    {
        var n = support.Length;
        var m = new double[n + 1, n + 2];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) m[i, j] = b[support[i], support[j]];
            m[i, n] = 1;
            m[i, n + 1] = a[support[i]];
        }
        for (var j = 0; j < n; j++) m[n, j] = 1;
        m[n, n + 1] = 1;
        if (!Solve(m, n + 1)) return null;
        var w = new double[a.Length];
        for (var i = 0; i < n; i++) w[support[i]] = m[i, n + 1];
        return w;
    }

    /// <summary>Gauss-Jordan elimination with partial pivoting on an augmented matrix; the solution ends in the last column.</summary>
    private static bool Solve(double[,] m, int n)
    {
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (Math.Abs(m[pivot, col]) < 1e-14) return false;
            for (var c = 0; c <= n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            for (var r = 0; r < n; r++)
            {
                if (r == col) continue;
                var f = m[r, col] / m[col, col];
                for (var c = col; c <= n; c++) m[r, c] -= f * m[col, c];
            }
        }
        for (var r = 0; r < n; r++) m[r, n] /= m[r, r];
        return true;
    }
}
