using System.Security.Cryptography;

namespace IvpSim.Reporting.Results;

/// <summary>The SHA-256 of a data file, recorded with every result so that it can be traced to its inputs.</summary>
public static class FileChecksum
{
    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
