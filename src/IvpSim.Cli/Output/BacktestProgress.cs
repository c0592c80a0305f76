using IvpSim.Contracts;
using Spectre.Console;

namespace IvpSim.Cli.Output;

/// <summary>
/// Runs a backtest and shows its progress lines as they come (learning at each origin takes about a minute, the whole
/// backtest several), so a long backtest is never silent. A silo whose threads are all busy with the backtest may answer
/// late; the lines it did not get to tell come with the result, so every line is shown, in order.
/// </summary>
public static class BacktestProgress
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task<BacktestResult> Follow(IAnsiConsole console, IBacktestGrain grain, BacktestRequest request, CancellationToken ct)
    {
        var running = grain.Run(request, ct);
        var shown = 0;
        var started = DateTime.UtcNow;
        void Show(IReadOnlyList<string> lines)
        {
            var elapsed = DateTime.UtcNow - started;
            foreach (var line in lines) console.MarkupLine($"[grey]  {(int)elapsed.TotalMinutes}:{elapsed.Seconds:00} {Markup.Escape(line)}[/]");
            shown += lines.Count;
        }
        while (await Task.WhenAny(running, Task.Delay(PollInterval, ct)) != running) Show(await Poll(grain, shown));
        var result = await running;
        Show([.. result.Progress.Skip(shown)]);
        return result;
    }

    /// <summary>New lines since <paramref name="from"/>; none when the cluster cannot answer now (the backtest itself decides the outcome).</summary>
    private static async Task<IReadOnlyList<string>> Poll(IBacktestGrain grain, int from)
    {
        try
        {
            return await grain.Progress(from);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or OperationCanceledException)
        {
            return [];
        }
    }
}
