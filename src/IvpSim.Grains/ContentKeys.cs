using System.Security.Cryptography;
using Orleans.Serialization;

namespace IvpSim.Grains;

/// <summary>
/// A short hash of a message's serialized content: grains that keep what they were given are keyed by it, so that the
/// same content finds the same grain (and what it computed) and other content another.
/// </summary>
public static class ContentKeys
{
    public static string Of<T>(Serializer serializer, T value) =>
        Convert.ToHexStringLower(SHA256.HashData(serializer.SerializeToArray(value)), 0, 12);
}
