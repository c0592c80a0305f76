namespace IvpSim.Model.Random;

/// <summary>
/// Standard normal draws by the ziggurat method (Marsaglia &amp; Tsang 2000) with 128 layers of equal area, the
/// layer and the position taken from separate bits of one 64-bit draw (Doornik 2005). Nearly every draw is one
/// random number, one comparison and one multiplication; the rest test the curve or sample the tail exactly.
/// The tables are computed once and never change.
/// </summary>
public static class Ziggurat
{
    private const int Layers = 128;
    private const double R = 3.442619855899;          // where the tail begins
    private const double Area = 9.91256303526217e-3;  // area of every layer

    private static readonly double[] X = Widths();
    private static readonly double[] Ratio = [.. Enumerable.Range(0, Layers).Select(i => X[i + 1] / X[i])];
    private static readonly double[] Height = [.. X.Select(Density)];

    /// <summary>x₀ = A/f(R) (the base strip), x₁ = R, x_(i+1) = f⁻¹(A/x_i + f(x_i)), x₁₂₈ = 0.</summary>
    private static double[] Widths()
    {
        var x = new double[Layers + 1];
        x[0] = Area / Density(R);
        x[1] = R;
        for (var i = 1; i < Layers - 1; i++) x[i + 1] = Math.Sqrt(-2 * Math.Log(Area / x[i] + Density(x[i])));
        x[Layers] = 0;
        return x;
    }

    private static double Density(double x) => Math.Exp(-0.5 * x * x);

    public static double Sample<T>(ref T rng) where T : struct, IRandomBits
    {
        while (true)
        {
            var bits = rng.NextUInt64();
            var layer = (int)(bits & (Layers - 1));
            var u = 2 * ((bits >> 11) * (1.0 / (1UL << 53))) - 1;
            if (Math.Abs(u) < Ratio[layer]) return u * X[layer];
            if (layer == 0) return Tail(ref rng, u < 0);
            // The rectangle's corner outside the box under the next layer: accept under the curve.
            var x = u * X[layer];
            var y = Height[layer] + Uniform(rng.NextUInt64()) * (Height[layer + 1] - Height[layer]);
            if (y < Density(x)) return x;
        }
    }

    private static double Uniform(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    /// <summary>Beyond R: Marsaglia's exact method for the normal tail.</summary>
    private static double Tail<T>(ref T rng, bool negative) where T : struct, IRandomBits
    {
        double a, b;
        do
        {
            // Uniforms on (0, 1): never zero, so that the logarithms are finite.
            a = -Math.Log(Uniform(rng.NextUInt64()) + 0.5 / (1UL << 53)) / R;
            b = -Math.Log(Uniform(rng.NextUInt64()) + 0.5 / (1UL << 53));
        }
        while (b + b < a * a);
        return negative ? -(R + a) : R + a;
    }
}
