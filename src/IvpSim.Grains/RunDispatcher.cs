using IvpSim.Contracts;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Simulation;
using Orleans.Runtime.Placement;

namespace IvpSim.Grains;

/// <summary>
/// Hands a run's batches to its workers and gathers what they simulated. Each worker has at most two batches
/// outstanding (one running, one queued behind it), and is collected as soon as nothing is left for it, while the
/// others finish. A worker that is lost (its silo died) loses everything it accumulated: all batches it was given go
/// back in the queue for the others, or for a fresh worker. Merging is exact, so the result is the same as if
/// nothing had been lost.
/// </summary>
/// <param name="places">Where the workers go: one silo per worker (the run's cores); a fresh worker goes to the next of them.</param>
internal sealed class RunDispatcher(SimulationPlan plan, IReadOnlyList<(long First, int Count)> batches,
    Func<int, IRunWorkerGrain> newWorker, IReadOnlyList<SiloAddress> places, Func<Exception, bool> isLostWorker, Action<long, int> progress)
{
    private const int InFlight = 2;

    private sealed class Worker(IRunWorkerGrain grain)
    {
        public IRunWorkerGrain Grain { get; } = grain;
        public List<int> Assigned { get; } = [];
        public int Pending { get; set; }
        public bool Collecting { get; set; }
        public bool Lost { get; set; }
        public Task Prepared { get; set; } = Task.CompletedTask;
    }

    private readonly Queue<int> _queue = new(Enumerable.Range(0, batches.Count));
    private readonly List<Worker> _workers = [];
    private readonly Dictionary<Task, (Worker Worker, int Batch)> _outstanding = [];
    private readonly List<RunAggregate> _collected = [];
    private readonly HashSet<int> _done = [];
    private long _completed;

    /// <summary>The silos that simulated batches which made it into the result.</summary>
    public HashSet<string> Silos { get; } = [];

    /// <summary>Batches that had to be simulated again because their worker was lost.</summary>
    public int Retried { get; private set; }

    public async Task<RunAggregate> RunAsync()
    {
        for (var i = 0; i < places.Count; i++) AddWorker();
        await Task.WhenAll(_workers.Select(w => w.Prepared));
        foreach (var worker in _workers) Fill(worker);
        while (_outstanding.Count > 0)
        {
            var done = await Task.WhenAny(_outstanding.Keys);
            var (worker, batch) = _outstanding[done];
            _outstanding.Remove(done);
            if (done.IsFaulted && isLostWorker(done.Exception!.GetBaseException()))
            {
                Lose(worker);
            }
            else if (worker.Lost)
            {
                // Whatever a lost worker still reports is not part of the result: its batches run again elsewhere.
            }
            else if (batch < 0)
            {
                _collected.Add(((Task<RunAggregate>)done).GetAwaiter().GetResult());
            }
            else
            {
                var result = ((Task<BatchDone>)done).GetAwaiter().GetResult();
                worker.Pending--;
                Silos.Add(result.Silo);
                if (_done.Add(batch)) _completed += result.Trajectories;
                progress(_completed, _done.Count);
                Fill(worker);
            }
            // Batches back in the queue with no worker to take them: a fresh one takes over.
            if (_queue.Count > 0 && !_workers.Any(w => !w.Lost && !w.Collecting))
            {
                var fresh = AddWorker();
                await fresh.Prepared;
                Fill(fresh);
            }
        }
        return _collected.Aggregate(RunAggregate.Empty, (a, b) => a.Merge(b));
    }

    private Worker AddWorker()
    {
        var index = _workers.Count;
        var worker = new Worker(newWorker(index));
        // The call that activates the worker carries a placement hint: the silo it is meant to run on.
        var previous = RequestContext.Get(IPlacementDirector.PlacementHintKey);
        RequestContext.Set(IPlacementDirector.PlacementHintKey, places[index % places.Count]);
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

    /// <summary>Gives a worker batches up to <see cref="InFlight"/>; with nothing left for it, collects it.</summary>
    private void Fill(Worker worker)
    {
        if (worker.Lost || worker.Collecting) return;
        while (worker.Pending < InFlight && _queue.TryDequeue(out var batch))
        {
            var (first, count) = batches[batch];
            worker.Assigned.Add(batch);
            worker.Pending++;
            _outstanding[worker.Grain.Simulate(first, count)] = (worker, batch);
        }
        if (worker.Pending > 0 || _queue.Count > 0) return;
        worker.Collecting = true;
        _outstanding[worker.Grain.Collect()] = (worker, -1);
    }

    /// <summary>A lost worker's batches go back in the queue; the other workers (or a fresh one) take them.</summary>
    private void Lose(Worker worker)
    {
        if (worker.Lost) return;
        worker.Lost = true;
        foreach (var batch in worker.Assigned)
        {
            if (_done.Remove(batch)) _completed -= batches[batch].Count;
            _queue.Enqueue(batch);
            Retried++;
        }
        foreach (var other in _workers) Fill(other);
    }
}
