using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Comparison;

namespace IvpSim.Contracts;

/// <summary>
/// A run's durable progress: what its inputs were (<see cref="Identity"/>, a hash of every input file and setting
/// except the number of runs), the trajectories of the rounds finished so far and of the batches secured in the current
/// round (by first trajectory), and their merged aggregates. Merging is exact, so a run that continues from here ends
/// in the same numbers as one that never stopped.
/// </summary>
/// <param name="RoundStart">The first trajectory of the current round; all before it are in the aggregates.</param>
/// <param name="RoundEnd">The end (exclusive) of the current round.</param>
/// <param name="BatchSize">The batches of the current round; a continuation must cut them the same way.</param>
/// <param name="Finished">The run is complete with <paramref name="RoundEnd"/> trajectories (it can only be extended).</param>
/// <param name="Owner">The coordinator that wrote it: a coordinator whose checkpoint another one took over stops.</param>
[GenerateSerializer, Immutable, Alias("ivpsim.RunCheckpoint")]
public sealed record RunCheckpoint(
    [property: Id(0)] int Version,
    [property: Id(1)] string Identity,
    [property: Id(2)] long RoundStart,
    [property: Id(3)] long RoundEnd,
    [property: Id(4)] int BatchSize,
    [property: Id(5)] ImmutableArray<long> Secured,
    [property: Id(6)] ImmutableArray<RunAggregate> Aggregates,
    [property: Id(7)] ComparisonAggregate Paired,
    [property: Id(8)] bool Finished,
    [property: Id(9)] string Owner = "")
{
    public const int CurrentVersion = 1;

    /// <summary>Trajectories whose results the checkpoint holds.</summary>
    public long Trajectories => Aggregates.IsDefaultOrEmpty ? 0 : Aggregates[0].Trajectories;
}

/// <summary>How a run starts: afresh, or from a checkpoint given with the request, or from the one in the store.</summary>
public enum RunStart
{
    /// <summary>From trajectory 0; an old checkpoint under the same key is overwritten.</summary>
    Fresh,
    /// <summary>From <see cref="CompareRequest.From"/>, given by the client (resume or extend from a file).</summary>
    Given,
    /// <summary>From the checkpoint under <see cref="CompareRequest.CheckpointKey"/> if there is one, else afresh (after a lost coordinator).</summary>
    StoredIfAny,
    /// <summary>From the checkpoint under the key; without one the run is refused.</summary>
    Stored,
}
