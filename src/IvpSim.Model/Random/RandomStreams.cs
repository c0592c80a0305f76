using System.Text;

namespace IvpSim.Model.Random;

/// <summary>
/// Derives an independent random stream from (run seed, trajectory index, purpose). Every trajectory and every
/// purpose inside it (a series' noise, an intervention's effect) gets its own stream, so a result depends only
/// on the scenario, the seed and the trajectory — never on batching, ordering or the number of silos — and
/// adding a purpose (an intervention) leaves the draws of all other purposes unchanged (common random numbers).
/// </summary>
public static class RandomStreams
{
    /// <summary>The 64-bit key of the stream for (seed, trajectory, purpose).</summary>
    public static ulong Key(ulong seed, long trajectory, ulong purpose) => Key(TrajectoryKey(seed, trajectory), purpose);

    /// <summary>What every stream of one trajectory shares: derived once per trajectory, then once per purpose.</summary>
    public static ulong TrajectoryKey(ulong seed, long trajectory) =>
        SplitMix64.Mix(SplitMix64.Mix(seed ^ 0x243F6A8885A308D3UL) ^ (ulong)trajectory);

    /// <summary>The key of a purpose's stream in the trajectory with <paramref name="trajectoryKey"/>.</summary>
    public static ulong Key(ulong trajectoryKey, ulong purpose) => SplitMix64.Mix(trajectoryKey ^ purpose);

    /// <summary>A stable 64-bit key for a purpose name (FNV-1a over UTF-8; string.GetHashCode is randomised per process).</summary>
    public static ulong Purpose(string name)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }
        return hash;
    }
}
