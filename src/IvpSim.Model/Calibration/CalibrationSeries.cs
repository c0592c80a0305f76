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

    /// <summary>The series on the log scale used for fitting: ln(y + 0.5) keeps zero counts finite.</summary>
    public double LogValue(int i) => Math.Log(Values[i] + 0.5);

    /// <summary>Poisson part of the variance of <see cref="LogValue"/> (delta method).</summary>
    public double PoissonLogVariance(int i) => 1.0 / (Values[i] + 0.5);
}
