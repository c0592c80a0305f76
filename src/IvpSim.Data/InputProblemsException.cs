namespace IvpSim.Data;

/// <summary>Several input problems found in one pass; each is one line naming file, line and field.</summary>
public sealed class InputProblemsException(IReadOnlyList<InputException> problems)
    : Exception(string.Join('\n', problems.Select(p => p.Message)))
{
    public IReadOnlyList<InputException> Problems { get; } = problems;
}

/// <summary>Collects problems so that a user sees all of them at once, then fails if there were any.</summary>
public sealed class InputProblems
{
    private readonly List<InputException> _problems = [];

    public int Count => _problems.Count;

    public void Add(InputException problem) => _problems.Add(problem);

    /// <summary>Runs <paramref name="read"/>; a problem it throws is recorded and the result is default.</summary>
    public T? Try<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InputException ex)
        {
            _problems.Add(ex);
            return default;
        }
        catch (InputProblemsException ex)
        {
            _problems.AddRange(ex.Problems);
            return default;
        }
    }

    public void ThrowIfAny()
    {
        if (_problems.Count == 1) throw _problems[0];
        if (_problems.Count > 1) throw new InputProblemsException([.. _problems]);
    }
}
