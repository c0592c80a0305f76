using System.Collections.Immutable;

namespace IvpSim.Model.Calibration;

/// <summary>
/// The observed points of one simulated count series. <see cref="Imputed"/> marks points that were derived
/// with an assumption (see <see cref="CalibrationInputs"/>), so diagnostics can say so.
/// </summary>
public sealed record CalibrationSeries(
    string Region,
    string Indicator,
    ImmutableArray<int> Years,
    ImmutableArray<double> Values,
    ImmutableArray<bool> Imputed)
{
    public int Count => Years.Length;

    public int LastYear => Years[^1];

    /// <summary>The points up to and including <paramref name="year"/>: the data as they stood then.</summary>
    public CalibrationSeries Until(int year)
    {
        var n = 0;
        while (n < Count && Years[n] <= year) n++;
        return n == Count ? this : new(Region, Indicator, Years[..n], Values[..n], Imputed[..n]);
    }

    /// <summary>The observed value in <paramref name="year"/>, if any.</summary>
    public double? ValueIn(int year)
    {
        var i = Years.IndexOf(year);
        return i >= 0 ? Values[i] : null;
    }

    /// <summary>
    /// The typical size of a yearly change, mean |y_t − y_(t−1)| over consecutive years (at least 1): the scale that
    /// makes scores comparable across series of any size (as in the mean absolute scaled error).
    /// </summary>
    public double ChangeScale()
    {
        var mean = MeanChange();
        return double.IsNaN(mean) ? 1 : Math.Max(1, mean);
    }

    /// <summary>Mean |y_t − y_(t−1)| over consecutive years; NaN without two consecutive years.</summary>
    public double MeanChange()
    {
        double sum = 0;
        var n = 0;
        for (var i = 1; i < Count; i++)
        {
            if (Years[i] != Years[i - 1] + 1) continue;
            sum += Math.Abs(Values[i] - Values[i - 1]);
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>The series on the log scale used for fitting: ln(y + 0.5) keeps zero counts finite.</summary>
    public double LogValue(int i) => Math.Log(Values[i] + 0.5);

    /// <summary>The change from one count to another on that scale: ln((to + 0.5) / (from + 0.5)).</summary>
    public static double LogChange(double from, double to) => Math.Log((to + 0.5) / (from + 0.5));

    /// <summary>Poisson part of the variance of <see cref="LogValue"/> (delta method).</summary>
    public double PoissonLogVariance(int i) => 1.0 / (Values[i] + 0.5);
}
