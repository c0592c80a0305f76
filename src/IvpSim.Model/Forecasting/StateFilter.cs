using System.Collections.Immutable;
using IvpSim.Model.Calibration;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// Kalman filters on ln(y + 0.5). Each observation carries its noise variance ψ plus its Poisson part 1/(y + 0.5)
/// (delta method). The first observation sets the level (a diffuse start); the slope starts from its prior N(0, τ²).
/// Years the data skip are predicted but not updated. The log-likelihood leaves out the first observation, which
/// only sets the level.
/// </summary>
public static class StateFilter
{
    /// <param name="LastUpheaval">The posterior chance that the last observed year was a year of upheaval (0 without them).</param>
    public sealed record TrendResult(TrendEstimate State, double LogLikelihood, ImmutableArray<GapEstimate> Gaps, double LastUpheaval);

    /// <summary>
    /// Local linear trend: x' = x + b + η, b' = b + ζ; η ~ N(0, q), ζ ~ N(0, r). With <paramref name="jumpProbability"/>
    /// > 0 a year may also be a year of upheaval in which the level jumps by N(0, <paramref name="jumpVariance"/>), as
    /// the projection assumes: each observation updates under both (a jump mostly moves the level, not the slope) and the
    /// two are merged by their posterior odds (a collapsed two-component filter). So one sharp move, such as the last
    /// observed year, is not carried forward as a trend unless the years around it say so.
    /// </summary>
    public static TrendResult Trend(CalibrationSeries series, double noise, double q, double r, double slopePriorSd,
        double jumpProbability = 0, double jumpVariance = 0)
    {
        double x = series.LogValue(0), b = 0;
        double pxx = noise + series.PoissonLogVariance(0), pxb = 0, pbb = slopePriorSd * slopePriorSd;
        double logLikelihood = 0, lastUpheaval = 0;
        var gaps = ImmutableArray.CreateBuilder<GapEstimate>();
        var next = 1;
        var jumps = jumpProbability > 0 && jumpVariance > 0;
        for (var year = series.Years[0] + 1; year <= series.LastYear; year++)
        {
            x += b;
            pxx += 2 * pxb + pbb + q;
            pxb += pbb;
            pbb += r;
            if (series.Years[next] != year)
            {
                gaps.Add(new GapEstimate(year, BetweenNeighbours(series, next, year), Math.Sqrt(pxx)));
                continue;
            }
            var v = series.LogValue(next) - x;
            var h = noise + series.PoissonLogVariance(next);
            var calm = Update(x, b, pxx, pxb, pbb, v, h);
            if (!jumps)
            {
                (x, b, pxx, pxb, pbb) = (calm.X, calm.B, calm.Pxx, calm.Pxb, calm.Pbb);
                logLikelihood += calm.LogDensity;
            }
            else
            {
                var upheaval = Update(x, b, pxx + jumpVariance, pxb, pbb, v, h);
                double l0 = Math.Log(1 - jumpProbability) + calm.LogDensity, l1 = Math.Log(jumpProbability) + upheaval.LogDensity;
                var top = Math.Max(l0, l1);
                var total = top + Math.Log(Math.Exp(l0 - top) + Math.Exp(l1 - top));
                double w1 = Math.Exp(l1 - total), w0 = 1 - w1;
                x = w0 * calm.X + w1 * upheaval.X;
                b = w0 * calm.B + w1 * upheaval.B;
                double dx0 = calm.X - x, db0 = calm.B - b, dx1 = upheaval.X - x, db1 = upheaval.B - b;
                pxx = w0 * (calm.Pxx + dx0 * dx0) + w1 * (upheaval.Pxx + dx1 * dx1);
                pxb = w0 * (calm.Pxb + dx0 * db0) + w1 * (upheaval.Pxb + dx1 * db1);
                pbb = w0 * (calm.Pbb + db0 * db0) + w1 * (upheaval.Pbb + db1 * db1);
                logLikelihood += total;
                lastUpheaval = w1;
            }
            next++;
        }
        return new(TrendEstimate.From(x, b, pxx, pxb, pbb), logLikelihood, gaps.ToImmutable(), lastUpheaval);
    }

    /// <summary>
    /// A skipped year lies between two observed ones (<paramref name="after"/> indexes the later): its level is centred on
    /// the line between them (the filter alone predicts it from the years before only, and with a falling slope would put
    /// it below both neighbours); its spread stays the filter's.
    /// </summary>
    private static double BetweenNeighbours(CalibrationSeries series, int after, int year)
    {
        var share = (year - series.Years[after - 1]) / (double)(series.Years[after] - series.Years[after - 1]);
        return (1 - share) * series.LogValue(after - 1) + share * series.LogValue(after);
    }

    private readonly record struct Updated(double X, double B, double Pxx, double Pxb, double Pbb, double LogDensity);

    /// <summary>One Kalman update of level and slope on the innovation <paramref name="v"/> with observation variance <paramref name="h"/>.</summary>
    private static Updated Update(double x, double b, double pxx, double pxb, double pbb, double v, double h)
    {
        var f = pxx + h;
        double kx = pxx / f, kb = pxb / f;
        return new(x + kx * v, b + kb * v, pxx - kx * pxx, pxb - kx * pxb, pbb - kb * pxb,
            -0.5 * (Math.Log(2 * Math.PI * f) + v * v / f));
    }

    /// <summary>Local level (random walk plus noise) on values <paramref name="z"/> with per-point variances <paramref name="h"/>.</summary>
    public static LevelEstimate Level(ReadOnlySpan<int> years, ReadOnlySpan<double> z, ReadOnlySpan<double> h, double q)
    {
        double x = z[0], p = h[0];
        for (var i = 1; i < z.Length; i++)
        {
            p += q * (years[i] - years[i - 1]);
            var k = p / (p + h[i]);
            x += k * (z[i] - x);
            p -= k * p;
        }
        return new(x, Math.Sqrt(p));
    }

    /// <summary>The local-level estimate of one series.</summary>
    public static LevelEstimate Level(CalibrationSeries series, double noise, double q)
    {
        Span<double> z = stackalloc double[series.Count];
        Span<double> h = stackalloc double[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            z[i] = series.LogValue(i);
            h[i] = noise + series.PoissonLogVariance(i);
        }
        return Level(series.Years.AsSpan(), z, h, q);
    }
}
