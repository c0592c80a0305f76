namespace IvpSim.Contracts;

/// <summary>
/// A worker asked for a batch without the run's plan: a fresh activation, after its silo died (Orleans forwards
/// calls that were on their way to it) or after the run was cancelled. Its batches must run elsewhere.
/// </summary>
[GenerateSerializer, Alias("ivpsim.WorkerLostException")]
public sealed class WorkerLostException : Exception
{
    public WorkerLostException(string message) : base(message)
    {
    }

    public WorkerLostException()
    {
    }

    public WorkerLostException(string message, Exception inner) : base(message, inner)
    {
    }
}
