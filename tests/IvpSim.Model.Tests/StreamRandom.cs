using IvpSim.Model.Random;

namespace IvpSim.Model.Tests;

/// <summary>
/// A <see cref="RandomStream"/> behind the <see cref="System.Random"/> interface, so that tests can draw synthetic data
/// with Math.NET's samplers from IvpSim's own streams. Not thread-safe.
/// </summary>
internal sealed class StreamRandom(ulong seed) : System.Random
{
    /// <summary>The stream for (seed, trajectory, purpose), as the model derives its streams.</summary>
    public static StreamRandom For(ulong seed, long trajectory, ulong purpose) => new(RandomStreams.Key(seed, trajectory, purpose));

    private RandomStream _stream = new(seed);

    public ulong NextUInt64() => _stream.NextUInt64();

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => _stream.NextDouble();

    protected override double Sample() => NextDouble();

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(NextDouble() * maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)(NextDouble() * ((long)maxValue - minValue));
    }

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextUInt64() >> 56);
        }
    }

    /// <summary>A standard normal draw (Marsaglia polar method).</summary>
    public double NextStandardNormal() => _stream.NextStandardNormal();
}
