using System.Globalization;

namespace IvpSim.Reporting;

/// <summary>Dutch number formatting (decimal comma, thousands dot) without depending on OS culture data.</summary>
public static class DutchFormat
{
    public static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
    };

    /// <summary>"1.234,5"; a value that rounds to zero shows as 0, never as "-0".</summary>
    public static string Number(double value, int decimals = 0)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : value).ToString("#,0" + (decimals > 0 ? "." + new string('0', decimals) : ""), Numbers);
    }

    public static string Percent(double probability) => (probability * 100).ToString("0", Numbers) + "%";
}
