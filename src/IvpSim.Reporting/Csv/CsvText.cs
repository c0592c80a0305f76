using System.Globalization;

namespace IvpSim.Reporting.Csv;

/// <summary>Invariant, deterministic number formatting for CSV output: same numbers, same bytes.</summary>
internal static class CsvText
{
    public static string Number(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Optional(double? value, int decimals) => value is { } v ? Number(v, decimals) : "";
}
