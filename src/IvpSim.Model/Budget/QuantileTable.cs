using IvpSim.Model.Interventions;
using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Budget;

/// <summary>
/// A distribution's inverse CDF tabulated once on a fine grid, so that correlated draws (a uniform from a
/// Gaussian copula turned into a cost) cost an interpolation instead of a numerical root search.
/// </summary>
public sealed class QuantileTable
{
    private const int Points = 2048;
    private readonly double[] _values = new double[Points + 1];

    public QuantileTable(Distribution distribution)
    {
        for (var i = 0; i <= Points; i++)
        {
            // Keep away from 0 and 1, where unbounded distributions have no finite quantile.
            var u = Math.Clamp(i / (double)Points, 1e-6, 1 - 1e-6);
            _values[i] = Quantile(distribution, u);
        }
    }

    public double At(double u)
    {
        var x = Math.Clamp(u, 0, 1) * Points;
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
        DistributionKind.Normal => Normal.InvCDF(d.Mode, Math.Max(d.Sd, 1e-12), u),
        DistributionKind.LogNormal => Math.Exp(Math.Log(1 + d.Mode) +
            (Math.Log(1 + d.High) - Math.Log(1 + d.Low)) / 3.29 * Normal.InvCDF(0, 1, u)) - 1,
        _ => d.Mode,
    };
}
