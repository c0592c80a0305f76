namespace IvpSim.Data;

/// <summary>
/// Bad input from a user's file. <see cref="Exception.Message"/> is one Dutch line naming the file, the line
/// (and column or field where known) and what is wrong.
/// </summary>
public sealed class InputException(string file, int? line, string? field, string problem)
    : Exception(Format(file, line, field, problem))
{
    public string File { get; } = file;

    public int? Line { get; } = line;

    public string? Field { get; } = field;

    private static string Format(string file, int? line, string? field, string problem)
    {
        var where = line is { } l ? $"{file}:{l}" : file;
        return field is null ? $"{where}: {problem}" : $"{where}: veld '{field}': {problem}";
    }
}
