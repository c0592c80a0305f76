using System.Collections.Immutable;
using IvpSim.Contracts;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Comparison;
using Orleans.Serialization;

namespace IvpSim.Grains;

/// <summary>
/// A coordinator's checkpoints: where a run starts (checked: version and inputs must match), and its progress
/// written to the store after hand-overs, at most every <see cref="Interval"/>, and at the end of every round.
/// Without a store or key it keeps nothing.
/// </summary>
internal sealed class CheckpointKeeper(IRunCheckpointStore? store, Serializer serializer, CompareRequest request, string owner)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private DateTime _lastWrite = DateTime.MinValue;
    private string _startedFrom = "";

    private bool Active => store is not null && request.CheckpointKey is not null;

    /// <summary>The checkpoint to continue from, or null for a fresh run; refuses one of another run.</summary>
    public async Task<RunCheckpoint?> StartAsync()
    {
        var stored = Active ? await ReadAsync() : null;
        // Whoever wrote the checkpoint found at the start is this run's past, not a newer coordinator.
        _startedFrom = stored?.Owner ?? "";
        var start = request.Start switch
        {
            RunStart.Given => request.From,
            RunStart.Stored or RunStart.StoredIfAny => stored,
            _ => null,
        };
        if (start is null && request.Start == RunStart.Stored)
            throw new RunInputException("geen tussenstand gevonden om te hervatten (de run is klaar, of nooit zo ver gekomen)");
        if (start is null) return null;
        if (start.Version != RunCheckpoint.CurrentVersion)
            throw new RunInputException($"de tussenstand heeft versie {start.Version}; deze IvpSim leest versie {RunCheckpoint.CurrentVersion}");
        if (start.Identity != request.Identity)
            throw new RunInputException("de tussenstand hoort bij een andere run: scenario, gegevens, catalogus, kalibratie of seed verschillen");
        if (start.Aggregates.Length != request.Scenarios.Length)
            throw new RunInputException("de tussenstand hoort bij een ander aantal scenario's");
        var runs = request.Scenarios[0].Runs;
        // A run the cluster finished after its client was gone (or whose coordinator died before it answered): the result
        // comes back without more work. Only a run handed in to be extended must grow.
        if (start.Finished && start.RoundEnd >= runs && request.Scenarios[0].Precision is null && request.Start == RunStart.Given)
            throw new RunInputException($"de run is al klaar met {start.RoundEnd} trajecten; vraag er meer om hem te verlengen");
        return start;
    }

    /// <summary>Writes the progress when the last write is at least <see cref="Interval"/> ago (or when forced).</summary>
    public async Task WriteAsync(Func<RunCheckpoint> checkpoint, bool force = false)
    {
        if (!Active || (!force && DateTime.UtcNow - _lastWrite < Interval)) return;
        // Another coordinator took this run over (its client came back with --resume, or re-attached): this one stops.
        if (await ReadAsync() is { } stored && stored.Owner != owner && stored.Owner != _startedFrom)
            throw new RunTakenOverException(stored.Owner);
        await store!.WriteAsync(request.CheckpointKey!, serializer.SerializeToArray(checkpoint() with { Owner = owner }));
        _lastWrite = DateTime.UtcNow;
    }

    public RunCheckpoint Create(long roundStart, long roundEnd, int batchSize, ImmutableArray<long> secured,
        IReadOnlyList<RunAggregate> aggregates, ComparisonAggregate paired, bool finished) =>
        new(RunCheckpoint.CurrentVersion, request.Identity, roundStart, roundEnd, batchSize, secured, [.. aggregates], paired, finished);

    private async Task<RunCheckpoint?> ReadAsync()
    {
        var bytes = await store!.ReadAsync(request.CheckpointKey!);
        return bytes is null ? null : serializer.Deserialize<RunCheckpoint>(bytes);
    }
}

/// <summary>A newer coordinator writes this run's checkpoints now: the older one lets go of the run.</summary>
internal sealed class RunTakenOverException(string owner) : OperationCanceledException($"overgenomen door coördinator {owner}")
{
    public string Owner { get; } = owner;
}
