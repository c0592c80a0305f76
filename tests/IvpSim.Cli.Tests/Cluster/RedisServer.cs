using System.Diagnostics;
using System.Net.Sockets;
using IvpSim.Cli.Hosting;

namespace IvpSim.Cli.Tests.Cluster;

/// <summary>
/// A Redis for cluster tests: the one named by IVPSIM_TEST_REDIS (as .ci/run starts it), or a redis-server of the
/// test's own on a free loopback port (installed with apt when missing).
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process? _process;

    private RedisServer(string url, Process? process)
    {
        Url = url;
        _process = process;
    }

    /// <summary>redis://[:password@]127.0.0.1:port</summary>
    public string Url { get; }

    public static async Task<RedisServer> StartAsync(string? password = null)
    {
        if (password is null && Environment.GetEnvironmentVariable("IVPSIM_TEST_REDIS") is { Length: > 0 } shared)
            return new RedisServer(shared, null);
        var binary = DebianPackages.Require("redis-server", "/usr/bin/redis-server", "/usr/local/bin/redis-server");
        var port = FreePort.Next();
        var args = $"--port {port} --bind 127.0.0.1 --save '' --appendonly no" + (password is null ? "" : $" --requirepass {password}");
        var process = Process.Start(new ProcessStartInfo(binary, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
        return new RedisServer($"redis://{(password is null ? "" : $":{password}@")}127.0.0.1:{port}", process);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
