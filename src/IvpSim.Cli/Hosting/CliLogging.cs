using Microsoft.Extensions.Logging;

namespace IvpSim.Cli.Hosting;

/// <summary>
/// Logging for hosts the command line starts: Orleans and the framework only when something is wrong, IvpSim's own
/// lines (a silo's runs) at <c>ivpsim</c>; everything on stderr, so stdout keeps the results.
/// </summary>
internal static class CliLogging
{
    /// <param name="started">Until this says so, Orleans and the framework say nothing: a silo that cannot start says why in one line.</param>
    public static void Configure(ILoggingBuilder logging, LogLevel ivpsim = LogLevel.Warning, LogLevel orleans = LogLevel.Error,
        Func<bool>? started = null)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Trace);
        // One rule for every category (a category rule would win over it, so there are none).
        logging.AddFilter((_, category, level) => category switch
        {
            not null when category.StartsWith("IvpSim", StringComparison.Ordinal) => level >= ivpsim,
            // Start-up notes that are no problem here (no server GC on a CLI; a watchdog's first, meaningless interval).
            "Orleans.Runtime.Silo" or "Orleans.Runtime.Watchdog" => level >= LogLevel.Error && (started?.Invoke() ?? true),
            _ => level >= orleans && (started?.Invoke() ?? true),
        });
    }
}
