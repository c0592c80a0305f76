using IvpSim.Model.Backtest;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Reporting;
using Spectre.Console;

namespace IvpSim.Cli.Output;

/// <summary>
/// Warns when a national series the municipalities follow ends in a shock year (such as 2020): the forward backtest
/// found bands too narrow right after such a year, so the reader should know before trusting the band.
/// </summary>
public static class ShockNotice
{
    public static void Write(IAnsiConsole console, IEnumerable<CalibrationSeries> national)
    {
        var shocked = new List<string>();
        foreach (var series in national.Where(ShockYear.EndsIn))
        {
            var change = series.Values[^1] / series.Values[^2] - 1;
            var label = Indicators.LabelNl(series.Indicator);
            shocked.Add($"{label} ({series.LastYear}: {(change >= 0 ? "+" : "")}{DutchFormat.Percent(change)})");
        }
        if (shocked.Count == 0) return;
        console.MarkupLine($"[yellow]Let op:[/] {(shocked.Count == 1 ? "de landelijke reeks" : "de landelijke reeksen")} voor " +
            $"{Markup.Escape(string.Join(", ", shocked))} {(shocked.Count == 1 ? "eindigt" : "eindigen")} met een schokjaar. Direct na zo'n " +
            "jaar bleken de banden in de toets vooruit in de tijd te smal (./run-sim.sh backtest, backtest-after-shock.csv): de " +
            "onzekerheid is groter dan de kansen tonen.");
    }
}
