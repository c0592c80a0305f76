using IvpSim.Model.Random;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// Which structure a trajectory follows. A Weyl sequence (golden-ratio steps on the unit interval, offset by the
/// seed) spreads the trajectories over the structures in proportion to their weights with an error below one
/// trajectory, so the mixture adds no sampling noise of its own; the choice is a function of seed and trajectory.
/// </summary>
public static class StructureChoice
{
    private const ulong GoldenStep = 0x9E3779B97F4A7C15UL;  // 2^64 / φ
    private const ulong SilverStep = 0x6A09E667F3BCC909UL;  // 2^64 · (√2 − 1), independent of the golden step

    /// <summary>The structure of <paramref name="trajectory"/>.</summary>
    public static int Structure(ReadOnlySpan<double> weights, ulong seed, long trajectory) =>
        Pick(weights, Uniform(seed ^ 0x5C0DE5EEDUL, GoldenStep, trajectory));

    /// <summary>The structure with which a trajectory projects the national series that local ones follow.</summary>
    public static int AnchorStructure(ReadOnlySpan<double> weights, ulong seed, long trajectory) =>
        Pick(weights, Uniform(seed ^ 0xA2C40125EEDUL, SilverStep, trajectory));

    private static double Uniform(ulong seed, ulong step, long trajectory) =>
        (SplitMix64.Mix(seed) + (ulong)(trajectory + 1) * step >> 11) * (1.0 / (1UL << 53));

    public static int Pick(ReadOnlySpan<double> weights, double u)
    {
        double cumulative = 0;
        var last = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0) continue;
            cumulative += weights[i];
            last = i;
            if (u < cumulative) return i;
        }
        return last;
    }
}
