namespace IvpSim.Model.Calibration;

/// <summary>A weighted straight-line fit of log counts on the year, centred at the weighted mean year.</summary>
public readonly record struct LinearFit(double CenterYear, double Level, double LevelVariance, double Slope, double SlopeVariance, double ResidualSumOfSquares)
{
    /// <summary>Fits z = level + slope·(year − centre) with weights 1/(psi + Poisson variance).</summary>
    public static LinearFit Of(CalibrationSeries series, double psi)
    {
        var n = series.Count;
        double sw = 0, swt = 0, swz = 0;
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = 1.0 / (psi + series.PoissonLogVariance(i));
            sw += w[i];
            swt += w[i] * series.Years[i];
            swz += w[i] * series.LogValue(i);
        }
        var center = swt / sw;
        var level = swz / sw;
        double sxx = 0, sxz = 0;
        for (var i = 0; i < n; i++)
        {
            var dt = series.Years[i] - center;
            sxx += w[i] * dt * dt;
            sxz += w[i] * dt * (series.LogValue(i) - level);
        }
        var slope = sxx > 0 ? sxz / sxx : 0.0;
        var slopeVariance = sxx > 0 ? 1.0 / sxx : double.PositiveInfinity;
        double rss = 0;
        for (var i = 0; i < n; i++)
        {
            var r = series.LogValue(i) - level - slope * (series.Years[i] - center);
            rss += r * r;
        }
        return new(center, level, 1.0 / sw, slope, slopeVariance, rss);
    }

    /// <summary>The unweighted residuals of an ordinary least-squares line, used to pool the noise.</summary>
    public static double[] OrdinaryResiduals(CalibrationSeries series)
    {
        // A huge psi makes the weights equal: ordinary least squares.
        var fit = Of(series, psi: 1e12);
        return [.. Enumerable.Range(0, series.Count)
            .Select(i => series.LogValue(i) - fit.Level - fit.Slope * (series.Years[i] - fit.CenterYear))];
    }
}
