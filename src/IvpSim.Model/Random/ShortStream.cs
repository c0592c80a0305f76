namespace IvpSim.Model.Random;

/// <summary>
/// A stream for a few draws (a prior, a cost, a local deviation): SplitMix64 on a counter from the stream's key, so
/// creating it costs nothing. Like <see cref="RandomStream"/>, one per (seed, trajectory, purpose).
/// </summary>
public struct ShortStream(ulong key) : IRandomBits
{
    private ulong _state = key;

    public static ShortStream For(ulong trajectoryKey, ulong purpose) => new(RandomStreams.Key(trajectoryKey, purpose));

    public ulong NextUInt64() => SplitMix64.Next(ref _state);

    public double NextStandardNormal() => Ziggurat.Sample(ref this);
}
