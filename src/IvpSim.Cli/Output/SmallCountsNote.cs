using System.Collections.Immutable;
using IvpSim.Model.Calibration;
using Spectre.Console;

namespace IvpSim.Cli.Output;

/// <summary>Names the municipalities of a cross-section that the local constants leave out for a small count.</summary>
public static class SmallCountsNote
{
    public static void Print(IAnsiConsole console, ImmutableArray<string> municipalities)
    {
        if (municipalities.IsDefaultOrEmpty) return;
        console.MarkupLine($"[yellow]Niet meegeteld voor de lokale constanten ({municipalities.Length}; minder dan " +
            $"{LocalCalibrator.MinimumCount} misdrijven in een van beide jaren, waar de telruis niet meer ongeveer 1/aantal is): " +
            $"{Markup.Escape(string.Join(", ", municipalities))}.[/]");
    }
}
