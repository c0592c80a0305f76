using System.Collections.Concurrent;
using System.Net;
using IvpSim.Contracts;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Comparison;

namespace IvpSim.Grains.Tests;

/// <summary>The dispatcher alone, with fake workers: loss and retry, cancel, hand-overs for checkpoints, and continuing.</summary>
public sealed class RunDispatcherTests
{
    /// <summary>
    /// A worker that "simulates" a batch as one histogram entry per trajectory (its index), so a merged result shows
    /// exactly which trajectories it holds. It can be told to die at its n-th batch.
    /// </summary>
    private sealed class FakeWorker(int dieAtBatch = int.MaxValue) : IRunWorkerGrain
    {
        private readonly List<long> _batches = [];
        private readonly List<int> _values = [];
        private int _simulated;

        public int Simulated => _simulated;

        public Task Prepare(WorkerPlan plan) => Task.CompletedTask;

        public async Task<BatchDone> Simulate(long first, int count, CancellationToken cancellationToken)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            if (++_simulated >= dieAtBatch) throw new SiloUnavailableException("fake silo gone");
            lock (_values)
            {
                _batches.Add(first);
                for (var t = first; t < first + count; t++) _values.Add((int)t);
            }
            return new BatchDone(count, "fake");
        }

        public Task Discard() => Task.CompletedTask;

        public Task<WorkerResult> Checkpoint() => Task.FromResult(HandOver());

        public Task<WorkerResult> Collect() => Task.FromResult(HandOver());

        private WorkerResult HandOver()
        {
            lock (_values)
            {
                var aggregate = new RunAggregate(_values.Count, [new SlotHistogram("r", "i", 2024, CountHistogram.Of(_values))], [], [], [], [], []);
                var result = new WorkerResult(_values.Count == 0 ? [RunAggregate.Empty] : [aggregate], ComparisonAggregate.Empty, [.. _batches]);
                _values.Clear();
                _batches.Clear();
                return result;
            }
        }
    }

    private static IReadOnlyList<SiloAddress> Places(int count) =>
        [.. Enumerable.Range(0, count).Select(i => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111 + i), 1))];

    private static RunDispatcher Dispatcher(IReadOnlyList<(long, int)> batches, Func<int, IRunWorkerGrain> workers, int places,
        Func<RunDispatcher, Task>? secured = null) =>
        // One plan slot (the fakes never read the plan itself).
        new(new WorkerPlan([null!]), batches, workers, Places(places), _ => { }, secured, handOverInterval: TimeSpan.Zero);

    private static void AssertExactly(long from, long to, RunAggregate result)
    {
        Assert.Equal(to - from, result.Trajectories);
        var h = result.Slots.Single().Histogram;
        Assert.Equal(Enumerable.Range((int)from, (int)(to - from)), h.Values.ToArray());
        Assert.All(h.Counts, c => Assert.Equal(1, c));
    }

    [Fact]
    public async Task Should_hold_every_trajectory_once_When_all_workers_finish()
    {
        var batches = Model.Simulation.MonteCarlo.Batches(1000, 37);
        var dispatcher = Dispatcher(batches, _ => new FakeWorker(), places: 3);
        var (aggregates, _) = await dispatcher.RunAsync(CancellationToken.None);
        AssertExactly(0, 1000, aggregates.Single());
        Assert.Equal(0, dispatcher.Retried);
        Assert.Equal(batches.Select(b => b.First), dispatcher.SecuredBatches);
    }

    [Fact]
    public async Task Should_run_a_lost_workers_unsecured_batches_again_When_its_silo_dies()
    {
        var made = 0;
        var dying = new FakeWorker(1);
        // The second worker's silo is gone from the start: both batches it was given fail and run again elsewhere.
        var dispatcher = Dispatcher(Model.Simulation.MonteCarlo.Batches(2000, 50), i => Interlocked.Increment(ref made) == 2 ? dying : new FakeWorker(), places: 2);
        var (aggregates, _) = await dispatcher.RunAsync(CancellationToken.None);
        AssertExactly(0, 2000, aggregates.Single());
        Assert.True(dispatcher.Retried == 2, $"retried {dispatcher.Retried}, workers made {made}, the dying one simulated {dying.Simulated}");
    }

    [Fact]
    public async Task Should_throw_and_not_return_a_partial_result_When_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var dispatcher = Dispatcher(Model.Simulation.MonteCarlo.Batches(1000, 100), _ => new FakeWorker(), places: 2);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.RunAsync(cancel.Token));
    }

    [Fact]
    public async Task Should_report_what_is_secured_at_every_hand_over_When_checkpointing()
    {
        var seen = new ConcurrentBag<(long Trajectories, int Batches)>();
        var dispatcher = Dispatcher(Model.Simulation.MonteCarlo.Batches(2000, 50), _ => new FakeWorker(), places: 2, d =>
        {
            seen.Add((d.SecuredAggregates.Single().Trajectories, d.SecuredBatches.Length));
            return Task.CompletedTask;
        });
        await dispatcher.RunAsync(CancellationToken.None);
        // Every checkpoint holds whole batches only: 50 trajectories each.
        // Two final collections and at least one hand-over during the run.
        Assert.True(seen.Count > 2, $"{seen.Count} hand-overs");
        Assert.All(seen, s => Assert.Equal(s.Batches * 50, s.Trajectories));
        Assert.Contains(seen, s => s.Trajectories == 2000);
    }

    [Fact]
    public async Task Should_equal_one_run_When_the_batches_left_after_a_checkpoint_run_on_their_own_and_merge()
    {
        var all = Model.Simulation.MonteCarlo.Batches(1500, 60);
        var first = await Dispatcher([.. all.Take(10)], _ => new FakeWorker(), places: 2).RunAsync(CancellationToken.None);
        var rest = await Dispatcher([.. all.Skip(10)], _ => new FakeWorker(), places: 2).RunAsync(CancellationToken.None);
        AssertExactly(0, 1500, first.Aggregates.Single().Merge(rest.Aggregates.Single()));
    }
}
