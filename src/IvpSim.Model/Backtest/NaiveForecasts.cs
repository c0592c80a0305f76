using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Backtest;

/// <summary>
/// The two reference forecasts, on ln(y + 0.5) with intervals from their own residuals (Student-t, since they
/// estimate their spread from a handful of points):
/// <c>naive_last</c> carries the last value forward, its spread the root mean square of the yearly changes
/// growing with √h; <c>naive_trend</c> extends the least-squares straight line with its prediction interval.
/// </summary>
public static class NaiveForecasts
{
    public static Func<double, double> Last(IReadOnlyList<(int Year, double Value)> fit, int year)
    {
        var z = fit.Select(p => Math.Log(p.Value + 0.5)).ToArray();
        var changes = Enumerable.Range(1, z.Length - 1).Select(i => (z[i] - z[i - 1]) / (fit[i].Year - fit[i - 1].Year)).ToArray();
        var sd = Math.Sqrt(changes.Sum(d => d * d) / changes.Length) * Math.Sqrt(year - fit[^1].Year);
        var df = changes.Length;
        return tau => Math.Max(0, Math.Exp(z[^1] + StudentT.InvCDF(0, 1, df, tau) * sd) - 0.5);
    }

    public static Func<double, double> Trend(IReadOnlyList<(int Year, double Value)> fit, int year)
    {
        var n = fit.Count;
        var t = fit.Select(p => (double)p.Year).ToArray();
        var z = fit.Select(p => Math.Log(p.Value + 0.5)).ToArray();
        var (intercept, slope) = MathNet.Numerics.Fit.Line(t, z);
        var tBar = t.Average();
        var sxx = t.Sum(x => (x - tBar) * (x - tBar));
        var rss = Enumerable.Range(0, n).Sum(i => Math.Pow(z[i] - intercept - slope * t[i], 2));
        var sigma = Math.Sqrt(rss / (n - 2));
        var se = sigma * Math.Sqrt(1 + 1.0 / n + (year - tBar) * (year - tBar) / sxx);
        var centre = intercept + slope * year;
        return tau => Math.Max(0, Math.Exp(centre + StudentT.InvCDF(0, 1, n - 2, tau) * Math.Max(se, 1e-9)) - 0.5);
    }
}
