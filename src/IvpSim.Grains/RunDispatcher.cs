using System.Collections.Immutable;
using IvpSim.Contracts;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Comparison;
using IvpSim.Model.Simulation;
using Orleans.Runtime.Placement;

namespace IvpSim.Grains;

/// <summary>
/// Hands a run's batches to its workers and gathers what they simulated. Each worker has at most two batches
/// outstanding (one running, one queued behind it); every <see cref="CheckpointEvery"/> batches it hands over what it
/// accumulated so far, and it is collected as soon as nothing is left for it, while the others finish. A worker that
/// is lost (its silo died) loses what it accumulated since its last hand-over: those batches go back in the queue
/// for the others, or for a fresh worker. Merging is exact, so the result is the same as if nothing had been lost.
/// </summary>
/// <param name="places">Where the first workers go: one silo per worker (the run's cores).</param>
/// <param name="secured">Called after each hand-over: the moment to checkpoint what is secured.</param>
/// <param name="handOverInterval">The least time between a worker's hand-overs (default <see cref="DefaultHandOverInterval"/>).</param>
internal sealed class RunDispatcher(WorkerPlan plan, IReadOnlyList<(long First, int Count)> batches,
    Func<int, IRunWorkerGrain> newWorker, IReadOnlyList<SiloAddress> places, Action<RunDispatcher> progress,
    Func<RunDispatcher, Task>? secured = null, TimeSpan? handOverInterval = null)
{
    private const int InFlight = 2;

    /// <summary>
    /// Batches between hand-overs: a lost worker costs at most this many batches again, and a hand-over (converting
    /// and merging the worker's histograms) stays a small part of the work.
    /// </summary>
    private const int CheckpointEvery = 4;

    /// <summary>
    /// ... and at least this long after the worker's last hand-over: often enough for checkpoints to matter, rarely
    /// enough that converting and merging histograms stays a small part of a long run.
    /// </summary>
    public static readonly TimeSpan DefaultHandOverInterval = TimeSpan.FromSeconds(2);

    private readonly TimeSpan _handOverInterval = handOverInterval ?? DefaultHandOverInterval;

    /// <summary>At most this many fresh workers replace lost ones in one run; beyond that the cluster is failing.</summary>
    private const int MaxFreshWorkers = 64;

    /// <summary>A call in flight to a worker, by kind: a batch, or a hand-over (the last one: a collection).</summary>
    private abstract record Call(Worker Worker);

    private sealed record BatchCall(Worker Worker, int Batch, Task<BatchDone> Done) : Call(Worker);

    private sealed record HandOverCall(Worker Worker, bool Final, Task<WorkerResult> Result) : Call(Worker);

    private sealed class Worker(IRunWorkerGrain grain)
    {
        public IRunWorkerGrain Grain { get; } = grain;

        /// <summary>Batches given to this worker that no hand-over has secured yet: they run again if it is lost.</summary>
        public List<int> Unsecured { get; } = [];

        /// <summary>A hand-over is on its way.</summary>
        public bool Checkpointing { get; set; }

        public int SinceCheckpoint { get; set; }
        public DateTime LastHandOver { get; set; } = DateTime.UtcNow;
        public int Pending { get; set; }
        public bool Collecting { get; set; }
        public bool Lost { get; set; }
        public Task Prepared { get; set; } = Task.CompletedTask;
        public string Silo { get; set; } = "";
    }

    private readonly Queue<int> _queue = new(Enumerable.Range(0, batches.Count));
    private readonly List<Worker> _workers = [];
    private readonly Dictionary<Task, Call> _outstanding = [];
    // Hand-overs fold into the run's aggregate as they arrive, so memory stays flat however many trajectories run.
    private readonly RunAggregate[] _aggregates = [.. plan.Plans.Select(_ => RunAggregate.Empty)];
    private ComparisonAggregate _paired = ComparisonAggregate.Empty;
    private readonly HashSet<int> _done = [];
    private readonly List<long> _securedFirsts = [];
    private readonly Dictionary<string, long> _securedBySilo = [];
    private readonly Dictionary<long, int> _batchByFirst = batches.Select((b, i) => (b.First, i)).ToDictionary(x => x.First, x => x.i);
    private int _fresh;

    /// <summary>Trajectories simulated so far that count: secured, or on workers that are not lost.</summary>
    public long CompletedTrajectories { get; private set; }

    public int CompletedBatches => _done.Count;

    /// <summary>What hand-overs have secured so far: per plan the merged aggregate, and the paired counts.</summary>
    public ImmutableArray<RunAggregate> SecuredAggregates => [.. _aggregates];

    public ComparisonAggregate SecuredPaired => _paired;

    /// <summary>The first trajectories of the batches that hand-overs have secured.</summary>
    public ImmutableArray<long> SecuredBatches => [.. _securedFirsts.Order()];

    /// <summary>Batches that had to be simulated again because their worker was lost.</summary>
    public int Retried { get; private set; }

    /// <summary>The trajectories each silo simulated that made it into the result, by silo name.</summary>
    public ImmutableArray<SiloShare> Silos =>
        [.. _securedBySilo.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new SiloShare(kv.Key, kv.Value))];

    /// <summary>
    /// A worker is lost when its silo is gone (or no longer answers), when a call meant for it reached a fresh
    /// activation without the plan, or when the call expired while the cluster placed it again after a silo died
    /// (an OperationCanceledException while the run itself is not cancelled); its batches are then simulated again elsewhere.
    /// </summary>
    public static bool IsLostWorker(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or WorkerLostException or OperationCanceledException;

    /// <returns>Per plan the merged aggregate, and the paired counts between the plans.</returns>
    public async Task<(ImmutableArray<RunAggregate> Aggregates, ComparisonAggregate Paired)> RunAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < places.Count; i++) AddWorker(places[i]);
        foreach (var worker in _workers.ToArray()) await Prepare(worker);
        foreach (var worker in _workers) Fill(worker, cancellationToken);
        await Replace(cancellationToken);
        while (_outstanding.Count > 0)
        {
            var done = await Task.WhenAny(_outstanding.Keys);
            cancellationToken.ThrowIfCancellationRequested();
            var call = _outstanding[done];
            var worker = call.Worker;
            _outstanding.Remove(done);
            // The run is not cancelled (checked above): a cancelled call expired in the cluster.
            if (done.IsCanceled || (done.IsFaulted && IsLostWorker(done.Exception!.GetBaseException())))
            {
                Lose(worker, cancellationToken);
            }
            else if (worker.Lost)
            {
                // Whatever a lost worker still reports is not part of the result: its unsecured batches run again elsewhere.
            }
            else if (call is HandOverCall handOver)
            {
                Secure(worker, await handOver.Result);
                worker.Checkpointing = false;
                Fill(worker, cancellationToken);
                if (secured is not null) await secured(this);
            }
            else if (call is BatchCall batch)
            {
                var result = await batch.Done;
                worker.Pending--;
                worker.SinceCheckpoint++;
                worker.Silo = result.Silo;
                if (_done.Add(batch.Batch)) CompletedTrajectories += result.Trajectories;
                progress(this);
                Fill(worker, cancellationToken);
            }
            await Replace(cancellationToken);
        }
        // A cancel that came before any batch went out leaves nothing outstanding: that is not a finished run.
        cancellationToken.ThrowIfCancellationRequested();
        if (_queue.Count > 0) throw new InvalidOperationException($"{_queue.Count} batches are left without a worker to run them");
        return ([.. _aggregates], _paired);
    }

    /// <summary>
    /// The run is cancelled: every worker lets go of it. Cancellation also reaches the batches themselves, but a batch
    /// that was queued at a worker is dropped without the worker knowing.
    /// </summary>
    public Task Abandon() => Task.WhenAll(_workers.Select(async w =>
    {
        try
        {
            await w.Grain.Discard();
        }
        catch (Exception e) when (IsLostWorker(e))
        {
            // A worker on a silo that is gone has nothing left to let go of.
        }
    }));

    /// <summary>A hand-over arrived: the batches it names (by their first trajectory) are in the result for good.</summary>
    private void Secure(Worker worker, WorkerResult result)
    {
        for (var p = 0; p < _aggregates.Length; p++) _aggregates[p] = _aggregates[p].Merge(result.Aggregates[p]);
        _paired = _paired.Merge(result.Paired);
        foreach (var first in result.Batches)
        {
            _securedFirsts.Add(first);
            var batch = _batchByFirst[first];
            worker.Unsecured.Remove(batch);
            _securedBySilo[worker.Silo] = _securedBySilo.GetValueOrDefault(worker.Silo) + batches[batch].Count;
        }
    }

    /// <summary>Batches back in the queue with no worker left to take them: a fresh worker takes over.</summary>
    private async Task Replace(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && _queue.Count > 0 && !_workers.Any(w => !w.Lost && !w.Collecting))
        {
            if (++_fresh > MaxFreshWorkers)
                throw new InvalidOperationException($"na {MaxFreshWorkers} verloren workers geen silo meer die de run kan afmaken");
            // No placement hint: the runtime puts it on a silo that is alive.
            var fresh = AddWorker(null);
            await Prepare(fresh);
            Fill(fresh, cancellationToken);
        }
    }

    private static async Task Prepare(Worker worker)
    {
        try
        {
            await worker.Prepared;
        }
        catch (Exception e) when (IsLostWorker(e))
        {
            worker.Lost = true;
        }
    }

    private Worker AddWorker(SiloAddress? place)
    {
        var worker = new Worker(newWorker(_workers.Count));
        // The call that activates the worker carries a placement hint: the silo it is meant to run on.
        var previous = RequestContext.Get(IPlacementDirector.PlacementHintKey);
        if (place is null) RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        else RequestContext.Set(IPlacementDirector.PlacementHintKey, place);
        try
        {
            worker.Prepared = worker.Grain.Prepare(plan);
        }
        finally
        {
            if (previous is null) RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            else RequestContext.Set(IPlacementDirector.PlacementHintKey, previous);
        }
        _workers.Add(worker);
        return worker;
    }

    /// <summary>
    /// Gives a worker batches up to <see cref="InFlight"/>, asks for a hand-over every <see cref="CheckpointEvery"/>
    /// batches, and with nothing left for it, collects it.
    /// </summary>
    private void Fill(Worker worker, CancellationToken cancellationToken)
    {
        if (worker.Lost || worker.Collecting || cancellationToken.IsCancellationRequested) return;
        if (worker.SinceCheckpoint >= CheckpointEvery && !worker.Checkpointing && _queue.Count > 0 &&
            DateTime.UtcNow - worker.LastHandOver >= _handOverInterval)
        {
            worker.Checkpointing = true;
            worker.SinceCheckpoint = 0;
            worker.LastHandOver = DateTime.UtcNow;
            var handOver = worker.Grain.Checkpoint();
            _outstanding[handOver] = new HandOverCall(worker, Final: false, handOver);
        }
        while (worker.Pending < InFlight && _queue.TryDequeue(out var batch))
        {
            var (first, count) = batches[batch];
            worker.Unsecured.Add(batch);
            worker.Pending++;
            var simulated = worker.Grain.Simulate(first, count, cancellationToken);
            _outstanding[simulated] = new BatchCall(worker, batch, simulated);
        }
        if (worker.Pending > 0 || _queue.Count > 0 || worker.Checkpointing) return;
        worker.Collecting = true;
        var collected = worker.Grain.Collect();
        _outstanding[collected] = new HandOverCall(worker, Final: true, collected);
    }

    /// <summary>A lost worker's unsecured batches go back in the queue; the other workers (or a fresh one) take them.</summary>
    private void Lose(Worker worker, CancellationToken cancellationToken)
    {
        if (worker.Lost) return;
        worker.Lost = true;
        foreach (var batch in worker.Unsecured)
        {
            if (_done.Remove(batch)) CompletedTrajectories -= batches[batch].Count;
            _queue.Enqueue(batch);
            Retried++;
        }
        progress(this);
        foreach (var other in _workers) Fill(other, cancellationToken);
    }
}
