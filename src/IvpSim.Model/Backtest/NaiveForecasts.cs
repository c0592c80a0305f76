namespace IvpSim.Model.Backtest;

/// <summary>
/// The two reference forecasts, log-normal on ln(y + 0.5) with the spread of their own residuals (a normal, not a
/// Student-t: a t on the log scale has no finite mean on the count scale, so its CRPS would be infinite), given as a
/// stratified sample at the levels (j + ½)/n so that they are scored exactly like a Monte Carlo forecast:
/// <c>naive_last</c> carries the last value forward, its spread the root mean square of the yearly changes
/// growing with √h; <c>naive_trend</c> extends the least-squares straight line with its prediction interval.
/// </summary>
public static class NaiveForecasts
{
    public static double[] Last(IReadOnlyList<(int Year, double Value)> fit, int year, int draws)
    {
        var z = fit.Select(p => Math.Log(p.Value + 0.5)).ToArray();
        var changes = Enumerable.Range(1, z.Length - 1).Select(i => (z[i] - z[i - 1]) / (fit[i].Year - fit[i - 1].Year)).ToArray();
        var sd = Math.Sqrt(changes.Sum(d => d * d) / changes.Length) * Math.Sqrt(year - fit[^1].Year);
        return Sample(z[^1], sd, draws);
    }

    public static double[] Trend(IReadOnlyList<(int Year, double Value)> fit, int year, int draws)
    {
        var n = fit.Count;
        var t = fit.Select(p => (double)p.Year).ToArray();
        var z = fit.Select(p => Math.Log(p.Value + 0.5)).ToArray();
        var (intercept, slope) = MathNet.Numerics.Fit.Line(t, z);
        var tBar = t.Average();
        var sxx = t.Sum(x => (x - tBar) * (x - tBar));
        var rss = Enumerable.Range(0, n).Sum(i => Math.Pow(z[i] - intercept - slope * t[i], 2));
        var sigma = Math.Sqrt(rss / Math.Max(1, n - 2));
        var se = sigma * Math.Sqrt(1 + 1.0 / n + (year - tBar) * (year - tBar) / sxx);
        return Sample(intercept + slope * year, se, draws);
    }

    private static double[] Sample(double centre, double sd, int draws) =>
        [.. Enumerable.Range(0, draws).Select(j =>
            Math.Max(0, Math.Exp(centre + Math.Max(sd, 1e-9) * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (j + 0.5) / draws)) - 0.5))];
}
