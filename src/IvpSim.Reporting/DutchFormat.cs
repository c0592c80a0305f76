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

    public static string Number(double value, int decimals = 0) =>
        value.ToString("#,0" + (decimals > 0 ? "." + new string('0', decimals) : ""), Numbers);

    public static string Percent(double probability) => (probability * 100).ToString("0", Numbers) + "%";
}
