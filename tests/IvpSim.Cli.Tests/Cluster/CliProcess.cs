using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace IvpSim.Cli.Tests.Cluster;

/// <summary>
/// The command line as a separate process (a silo, or a client to interrupt), with its output captured, so that it
/// can be killed with SIGKILL or interrupted with SIGINT like a real one.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private const int SigInt = 2, SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    public static CliProcess Start(params string[] args)
    {
        // A test run started in the background (a non-interactive shell's `&`) has SIGINT ignored, and a child inherits
        // that: .NET then never raises Ctrl-C, and the interrupted client runs on. The child gets SIGINT's default back,
        // as in a terminal (coreutils' env, same process id).
        var info = InterruptIgnored()
            ? new ProcessStartInfo("env") { ArgumentList = { "--default-signal=INT", "dotnet" } }
            : new ProcessStartInfo("dotnet");
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = RepoRoot.Path;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ivpsim.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["IVPSIM_HOME"] = RepoRoot.Path;
        return new CliProcess(Process.Start(info)!);
    }

    /// <summary>Starts a silo and waits until it has joined its cluster.</summary>
    public static async Task<CliProcess> SiloAsync(string redis, string clusterId, params string[] extra)
    {
        var silo = Start(["silo", "--cluster", redis, "--cluster-id", clusterId, "--port", Hosting.FreePort.Next().ToString(),
            "--gateway-port", Hosting.FreePort.Next().ToString(), .. extra]);
        await silo.WaitForAsync("doet mee in cluster", TimeSpan.FromSeconds(60));
        return silo;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails with the output so far when it does not come.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
                throw new TimeoutException($"'{text}' did not appear{(_process.HasExited ? " (process ended)" : "")}; output:\n{Output}");
            await Task.Delay(25);
        }
        return Output;
    }

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies on the spot, as in a crash.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGINT, as Ctrl-C in a terminal.</summary>
    public void Interrupt() => Signal(_process.Id, SigInt);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(_process.Id, SigTerm);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Whether this process ignores SIGINT (bit 2 of the SigIgn mask in /proc/self/status).</summary>
    private static bool InterruptIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (SigInt - 1))) != 0;
    }

    private static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
