using IvpSim.Contracts;
using IvpSim.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IvpSim.Cli.Output;

/// <summary>
/// Shows a run's progress: a live bar with rate and time left on a terminal; otherwise (a log, a pipe) a line every
/// ten seconds, so that long runs on a cluster are never silent.
/// </summary>
public static class ProgressDisplay
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(10);

    public static async Task<T> Show<T>(IAnsiConsole console, string label, long total, Func<Action<RunProgress>, Task<T>> run)
        where T : class
    {
        if (!console.Profile.Capabilities.Interactive) return await Lines(console, label, total, run);
        T? outcome = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{label}: kalibreren", maxValue: total);
                outcome = await run(p =>
                {
                    task.Description = $"{label}: {p.Phase}{(p.RetriedBatches > 0 ? $" ({p.RetriedBatches} batches opnieuw)" : "")}";
                    task.Value = p.CompletedTrajectories;
                });
                task.Value = task.MaxValue;
            });
        return outcome!;
    }

    private static async Task<T> Lines<T>(IAnsiConsole console, string label, long total, Func<Action<RunProgress>, Task<T>> run)
    {
        var started = DateTime.UtcNow;
        var next = started + LineInterval;
        return await run(p =>
        {
            var now = DateTime.UtcNow;
            if (now < next || p.TotalTrajectories == 0) return;
            next = now + LineInterval;
            var rate = p.CompletedTrajectories / Math.Max((now - started).TotalSeconds, 1e-3);
            var left = rate > 0 ? TimeSpan.FromSeconds((total - p.CompletedTrajectories) / rate) : (TimeSpan?)null;
            console.MarkupLine(Markup.Escape($"  {label}: {p.Phase}, {DutchFormat.Number(p.CompletedTrajectories)} van " +
                $"{DutchFormat.Number(total)} trajecten ({100.0 * p.CompletedTrajectories / total:0}%), " +
                $"{DutchFormat.Number(Math.Round(rate))}/s{(left is { } l ? $", nog {Duration(l)}" : "")}" +
                (p.RetriedBatches > 0 ? $", {p.RetriedBatches} batches opnieuw" : "")));
        });
    }

    private static string Duration(TimeSpan t) => t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min {t.Seconds} s" : $"{t.Seconds} s";

    /// <summary>Trajectories per second, from Spectre's own rolling speed estimate.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{DutchFormat.Number(Math.Round(speed))} traj/s" : "", new Style(Color.Grey));
    }
}
