using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Interventions;

/// <summary>
/// A distribution's quantile as a function of a standard normal score z, tabulated once on a fine grid: a draw
/// is then a normal score and an interpolation, with no allocation and no root search. Correlated draws (a Gaussian
/// copula) pass their score straight in. Scores beyond ±<see cref="Reach"/> take the quantile at the edge.
/// </summary>
public sealed class ScoreTable
{
    public const double Reach = 6;
    private const int Points = 1024;
    private const double Step = 2 * Reach / Points;
    private readonly double[] _values = new double[Points + 1];

    public ScoreTable(Distribution distribution)
    {
        for (var i = 0; i <= Points; i++)
            _values[i] = Quantile(distribution, Normal.CDF(0, 1, -Reach + i * Step));
    }

    public double At(double z)
    {
        var x = (Math.Clamp(z, -Reach, Reach) + Reach) / Step;
        var i = Math.Min((int)x, Points - 1);
        return _values[i] + (x - i) * (_values[i + 1] - _values[i]);
    }

    /// <summary>The exact inverse CDF.</summary>
    public static double Quantile(Distribution d, double u) => d.Kind switch
    {
        DistributionKind.Fixed => d.Mode,
        DistributionKind.Pert when d.High > d.Low => d.Low + (d.High - d.Low) * Beta.InvCDF(
            1 + 4 * (d.Mode - d.Low) / (d.High - d.Low), 1 + 4 * (d.High - d.Mode) / (d.High - d.Low), u),
        DistributionKind.Triangular when d.High > d.Low => Triangular.InvCDF(d.Low, d.High, d.Mode, u),
        DistributionKind.Normal => d.Mode + d.Sd * Normal.InvCDF(0, 1, u),
        DistributionKind.LogNormal => Math.Exp(Math.Log(1 + d.Mode) +
            (Math.Log(1 + d.High) - Math.Log(1 + d.Low)) / 3.29 * Normal.InvCDF(0, 1, u)) - 1,
        _ => d.Mode,
    };
}
