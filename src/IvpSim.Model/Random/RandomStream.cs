namespace IvpSim.Model.Random;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna) as a value type: one independent stream per (seed, trajectory, purpose),
/// created on the stack without allocation. Normals come from the Marsaglia polar method, which yields two at a
/// time; the second is kept for the next call.
/// </summary>
public struct RandomStream
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    public RandomStream(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
        _spare = 0;
        _hasSpare = false;
    }

    /// <summary>The stream of one purpose (a series, a shock) in one trajectory of a run with this seed.</summary>
    public static RandomStream For(ulong seed, long trajectory, ulong purpose) =>
        new(RandomStreams.Key(seed, trajectory, purpose));

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

    public double NextStandardNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        while (true)
        {
            var u = 2 * NextDouble() - 1;
            var v = 2 * NextDouble() - 1;
            var s = u * u + v * v;
            if (s > 0 && s < 1)
            {
                var f = Math.Sqrt(-2 * Math.Log(s) / s);
                _spare = v * f;
                _hasSpare = true;
                return u * f;
            }
        }
    }
}
