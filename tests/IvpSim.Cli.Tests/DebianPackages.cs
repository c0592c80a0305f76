using System.Collections.Concurrent;
using System.Diagnostics;

namespace IvpSim.Cli.Tests;

/// <summary>
/// What the tests need from outside .NET (redis-server for the cluster, chromium for the report), brought in with
/// Debian's apt when it is missing: the README's test command then passes on a fresh machine with only the .NET SDK.
/// Each package is installed once per test run, whichever test asks first.
/// </summary>
internal static class DebianPackages
{
    private static readonly ConcurrentDictionary<string, Lazy<string?>> Installed = new();

    /// <summary>The first of <paramref name="binaries"/> that exists, installing <paramref name="package"/> if none does.</summary>
    public static string Require(string package, params string?[] binaries)
    {
        if (Existing(binaries) is { } found) return found;
        if (Installed.GetOrAdd(package, p => new Lazy<string?>(() => Install(p))).Value is { } problem)
            throw new InvalidOperationException(problem);
        return Existing(binaries) ?? throw new InvalidOperationException($"{package} installed, but none of {string.Join(", ", binaries)} exists");
    }

    private static string? Existing(string?[] binaries) => binaries.FirstOrDefault(b => b is { Length: > 0 } && File.Exists(b));

    /// <returns>Null when installed, else why not.</returns>
    private static string? Install(string package)
    {
        if (!File.Exists("/usr/bin/apt-get")) return $"{package} not found and no apt-get to install it: install {package} by hand";
        var sudo = Environment.UserName == "root" || !File.Exists("/usr/bin/sudo") ? "" : "sudo -n ";
        var script = $"export DEBIAN_FRONTEND=noninteractive; {sudo}apt-get install -y -qq {package} || ({sudo}apt-get update -qq && {sudo}apt-get install -y -qq {package})";
        using var process = Process.Start(new ProcessStartInfo("/bin/bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) return $"installing {package} with apt-get took over 10 minutes";
        return process.ExitCode == 0 ? null : $"apt-get install {package} failed ({process.ExitCode}): {error.Result.Trim()}";
    }
}
