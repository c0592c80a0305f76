using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace IvpSim.Reporting.Csv;

/// <summary>
/// A CSV file being built, written by CsvHelper: a field with a comma, a quote or a line break is quoted, so no value
/// (a name, an id, a path) can break a row. Numbers arrive formatted (invariant, fixed decimals): same numbers,
/// same bytes; lines end in \n on every platform.
/// </summary>
internal sealed class CsvTable
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly CsvWriter _writer;

    /// <param name="header">The column names, comma-separated.</param>
    public CsvTable(string header)
    {
        _writer = new CsvWriter(_text, Configuration);
        Row(header.Split(','));
    }

    public void Row(params string[] fields)
    {
        foreach (var field in fields) _writer.WriteField(field);
        _writer.NextRecord();
    }

    public override string ToString()
    {
        _writer.Flush();
        return _text.ToString();
    }
}
