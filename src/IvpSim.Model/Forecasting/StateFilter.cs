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
    public sealed record TrendResult(TrendEstimate State, double LogLikelihood, ImmutableArray<GapEstimate> Gaps);

    /// <summary>Local linear trend: x' = x + b + η, b' = b + ζ; η ~ N(0, q), ζ ~ N(0, r).</summary>
    public static TrendResult Trend(CalibrationSeries series, double noise, double q, double r, double slopePriorSd)
    {
        double x = series.LogValue(0), b = 0;
        double pxx = noise + series.PoissonLogVariance(0), pxb = 0, pbb = slopePriorSd * slopePriorSd;
        double logLikelihood = 0;
        var gaps = ImmutableArray.CreateBuilder<GapEstimate>();
        var next = 1;
        for (var year = series.Years[0] + 1; year <= series.LastYear; year++)
        {
            x += b;
            pxx += 2 * pxb + pbb + q;
            pxb += pbb;
            pbb += r;
            if (series.Years[next] != year)
            {
                gaps.Add(new GapEstimate(year, x, Math.Sqrt(pxx)));
                continue;
            }
            var v = series.LogValue(next) - x;
            var f = pxx + noise + series.PoissonLogVariance(next);
            double kx = pxx / f, kb = pxb / f;
            x += kx * v;
            b += kb * v;
            pbb -= kb * pxb;
            pxb -= kx * pxb;
            pxx -= kx * pxx;
            logLikelihood -= 0.5 * (Math.Log(2 * Math.PI * f) + v * v / f);
            next++;
        }
        return new(TrendEstimate.From(x, b, pxx, pxb, pbb), logLikelihood, gaps.ToImmutable());
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
