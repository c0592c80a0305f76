namespace IvpSim.Model.Forecasting;

/// <summary>
/// A Gaussian estimate of a log level and slope at the last observed year, stored as mean and Cholesky factor
/// (level = Level + L11·e₁, slope = Slope + L21·e₁ + L22·e₂) so that a draw costs two multiplications.
/// </summary>
public readonly record struct TrendEstimate(double Level, double Slope, double L11, double L21, double L22)
{
    public static TrendEstimate From(double level, double slope, double varLevel, double covariance, double varSlope)
    {
        var l11 = Math.Sqrt(Math.Max(varLevel, 0));
        var l21 = l11 > 0 ? covariance / l11 : 0;
        var l22 = Math.Sqrt(Math.Max(varSlope - l21 * l21, 0));
        return new(level, slope, l11, l21, l22);
    }

    public double VarianceLevel => L11 * L11;

    /// <summary>
    /// The slope the data last saw: in the filter, the final year's slope already carries that year's change of slope
    /// (variance <paramref name="slopeDriftVariance"/>), which no observation reflects. Taking it out leaves the
    /// slope of the year before, with the same mean and the same covariance with the level.
    /// </summary>
    public TrendEstimate SeenSlope(double slopeDriftVariance) =>
        From(Level, Slope, VarianceLevel, L11 * L21, VarianceSlope - slopeDriftVariance);

    public double VarianceSlope => L21 * L21 + L22 * L22;
}

/// <summary>A Gaussian estimate of a log level (or of an offset to a national series) at the last observed year.</summary>
public readonly record struct LevelEstimate(double Level, double Sd);

/// <summary>What the filter predicted for a year the data skip inside the observed range: a gap to fill with a draw.</summary>
public readonly record struct GapEstimate(int Year, double Level, double Sd);
