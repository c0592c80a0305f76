namespace IvpSim.Model.Random;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna) as a value type: one independent stream per (seed, trajectory, purpose),
/// created on the stack without allocation. Normals come from the ziggurat method (<see cref="Ziggurat"/>).
/// </summary>
public struct RandomStream : IRandomBits
{
    private ulong _s0, _s1, _s2, _s3;

    public RandomStream(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
    }

    /// <summary>The stream of one purpose (a series, a shock) in one trajectory of a run with this seed.</summary>
    public static RandomStream For(ulong seed, long trajectory, ulong purpose) =>
        new(RandomStreams.Key(seed, trajectory, purpose));

    /// <summary>The same stream, from the trajectory's key (<see cref="RandomStreams.TrajectoryKey"/>) computed once.</summary>
    public static RandomStream For(ulong trajectoryKey, ulong purpose) => new(RandomStreams.Key(trajectoryKey, purpose));

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double NextStandardNormal() => Ziggurat.Sample(ref this);
}
