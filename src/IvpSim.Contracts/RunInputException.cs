namespace IvpSim.Contracts;

/// <summary>
/// A user's input that a grain could not use (an unknown intervention, an unfit series …), on its way back to the
/// command line, which shows its message on one line and exits with code 2, on one silo or across a cluster.
/// </summary>
[GenerateSerializer, Alias("ivpsim.RunInputException")]
public sealed class RunInputException : Exception
{
    public RunInputException(string message) : base(message)
    {
    }

    public RunInputException()
    {
    }

    public RunInputException(string message, Exception inner) : base(message, inner)
    {
    }
}
