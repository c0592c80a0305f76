using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Random;

/// <summary>
/// Poisson draws as a monotone function of one uniform: for the same uniform, a larger mean never gives a
/// smaller count. That couples the trajectories with and without an intervention (common random numbers) so that
/// their difference shows the intervention, not sampling noise. Exact inverse CDF below <see cref="Threshold"/>;
/// above it the Cornish-Fisher expansion λ + √λ·z + (z² − 1)/6, whose quantile error is far below the
/// overdispersion of the counts it serves.
/// </summary>
public static class PoissonSampler
{
    public const double Threshold = 30;

    public static int Sample(double lambda, double uniform)
    {
        if (lambda <= 0) return 0;
        if (lambda < Threshold)
        {
            var p = Math.Exp(-lambda);
            var cumulative = p;
            var k = 0;
            while (cumulative < uniform && k < 1000)
            {
                k++;
                p *= lambda / k;
                cumulative += p;
            }
            return k;
        }
        var z = Normal.InvCDF(0, 1, Math.Clamp(uniform, 1e-12, 1 - 1e-12));
        return Math.Max(0, (int)Math.Floor(lambda + Math.Sqrt(lambda) * z + (z * z - 1) / 6 + 0.5));
    }
}
