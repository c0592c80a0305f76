using IvpSim.Model.Results;

namespace IvpSim.Reporting;

/// <summary>The ranges a chance is shown with, in the console and the report alike.</summary>
public static class ChanceText
{
    /// <summary>"30-70% naar modelkeuze; 43-48% naar constanten; " for the ranges a chance has (none for a survey score).</summary>
    public static string Ranges(TargetOutcome o)
    {
        var text = "";
        if (o.PMeetLow is { } low && o.PMeetHigh is { } high)
            text += $"{DutchFormat.Percent(low)[..^1]}-{DutchFormat.Percent(high)} naar modelkeuze; ";
        if (o.PMeetConstantsLow is { } cLow && o.PMeetConstantsHigh is { } cHigh)
            text += $"{DutchFormat.Percent(cLow)[..^1]}-{DutchFormat.Percent(cHigh)} naar constanten; ";
        return text;
    }
}
