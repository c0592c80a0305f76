namespace IvpSim.Model.Random;

/// <summary>
/// Gamma(shape, 1) draws by Marsaglia and Tsang's method ("A simple method for generating gamma variables", ACM TOMS
/// 26(3), 2000): a squeezed transform of one normal, accepted with probability above 95% for shape ≥ 1. The hot path
/// draws from the trajectory's own stream, so MathNet's samplers (which take a System.Random) do not fit.
/// </summary>
public static class GammaSampler
{
    /// <param name="shape">At least 1.</param>
    public static double Sample(ref RandomStream rng, double shape)
    {
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = rng.NextStandardNormal();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = rng.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }
}
