using System.Text.RegularExpressions;
using IvpSim.Cli.Hosting;
using IvpSim.Contracts;

namespace IvpSim.Cli.Tests.Cluster;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    /// <summary>Tests with silo processes run alone: they measure nothing, but share two cores with everything else.</summary>
    public const string Name = "cluster";
}

/// <summary>
/// A real cluster: Redis and silo processes started with 'silo --cluster', the client in this process. One seed
/// gives the same bytes on one process and on two silo processes, also when one is killed (SIGKILL) half-way.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ClusterProcessTests
{
    private const int Runs = 300_000;
    private static readonly string[] Compared = ["projections.csv", "targets.csv", "budget.csv"];

    [Fact]
    public async Task Should_write_the_same_bytes_as_one_process_When_two_silo_processes_run_it_and_one_is_killed_half_way()
    {
        await using var cluster = await TwoSiloCluster.StartAsync();
        var (redis, clusterId, root, a, b) = (cluster.Redis, cluster.Id, cluster.Root, cluster.A, cluster.B);

        var local = await Run(root.Combine("local"));
        var clean = await Run(root.Combine("cluster"), "--cluster", redis.Url, "--cluster-id", clusterId);
        var manifest = File.ReadAllText(Path.Combine(clean, "run.txt"));
        Assert.Contains("silos_used: 2", manifest);
        Assert.Equal(2, Regex.Matches(manifest, @"trajectories_on_silo: \S+ [1-9]\d*").Count);

        // The same run again; the silo without the coordinator is killed once a third of the trajectories are done.
        var killedOut = root.Combine("killed");
        var earlier = Coordinators([a, b]).Select(c => c.RunId).ToHashSet();
        await using var observer = await Observer(redis.Url, clusterId);
        var run = CliRun.Of(RunArgs(killedOut, "--cluster", redis.Url, "--cluster-id", clusterId));
        var (runId, coordinatorSilo) = await NewCoordinator([a, b], earlier);
        var victim = a.Output.Contains($"run {runId}: {Runs} trajecten") ? b : a;
        await KillWhenDone(observer, runId, run, Runs / 3, victim);
        var result = await run;
        Assert.True(result.ExitCode == 0, result.Error);
        var killedManifest = File.ReadAllText(Path.Combine(killedOut, "run.txt"));
        Assert.Matches(@"batches_retried_after_silo_loss: [1-9]", killedManifest);
        // What the killed silo handed over before it died counts; the rest the survivor simulated.
        Assert.Equal(Runs, Regex.Matches(killedManifest, @"trajectories_on_silo: \S+ (\d+)").Sum(m => long.Parse(m.Groups[1].Value)));
        Assert.Contains($"trajectories_on_silo: {coordinatorSilo} ", killedManifest);
        foreach (var file in Compared)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, file)), File.ReadAllBytes(Path.Combine(clean, file)));
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, file)), File.ReadAllBytes(Path.Combine(killedOut, file)));
        }
    }

    [Fact]
    public async Task Should_continue_on_the_other_silo_to_the_same_bytes_When_the_coordinators_silo_is_killed_half_way()
    {
        await using var cluster = await TwoSiloCluster.StartAsync();
        var (redis, clusterId, root, a, b) = (cluster.Redis, cluster.Id, cluster.Root, cluster.A, cluster.B);
        var local = await Run(root.Combine("local"));

        var outDir = root.Combine("coordinator-killed");
        await using var observer = await Observer(redis.Url, clusterId);
        var run = CliRun.Of(RunArgs(outDir, "--cluster", redis.Url, "--cluster-id", clusterId));
        var (runId, _) = await NewCoordinator([a, b], []);
        var (host, survivor) = a.Output.Contains($"run {runId}:") ? (a, b) : (b, a);
        await KillWhenDone(observer, runId, run, Runs / 2, host);

        var result = await run.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.Error);
        // A fresh coordinator on the surviving silo took the run over from its checkpoint in Redis.
        await survivor.WaitForAsync("verder vanaf de tussenstand", TimeSpan.FromSeconds(10));
        foreach (var file in Compared)
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, file)), File.ReadAllBytes(Path.Combine(outDir, file)));
    }

    [Fact]
    public async Task Should_finish_to_the_same_bytes_When_the_client_process_is_killed_and_the_command_is_run_again_with_resume()
    {
        await using var cluster = await TwoSiloCluster.StartAsync();
        var (redis, clusterId, root, a, b) = (cluster.Redis, cluster.Id, cluster.Root, cluster.A, cluster.B);
        var local = await Run(root.Combine("local"));

        var outDir = root.Combine("client-killed");
        string[] args = [.. RunArgs(outDir, "--cluster", redis.Url, "--cluster-id", clusterId)];
        await using (var observer = await Observer(redis.Url, clusterId))
        await using (var client = CliProcess.Start(args))
        {
            var (runId, _) = await NewCoordinator([a, b], []);
            await KillWhenDone(observer, runId, Task.Delay(Timeout.Infinite), Runs * 2 / 5, client);
        }
        Assert.False(Directory.Exists(outDir));

        var resumed = await CliRun.Of([.. args, "--resume"]);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("tussenstand", resumed.Output);
        foreach (var file in Compared)
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, file)), File.ReadAllBytes(Path.Combine(outDir, file)));
    }

    [Fact]
    public async Task Should_cancel_on_every_silo_and_exit_130_When_a_client_process_gets_ctrl_c()
    {
        await using var redis = await RedisServer.StartAsync();
        var clusterId = $"test-{Guid.NewGuid():N}";
        using var root = new TempFolder();
        var dashboard = FreePort.Next();
        await using var silo = await CliProcess.SiloAsync(redis.Url, clusterId, "--dashboard", dashboard.ToString());
        using (var http = new HttpClient())
            Assert.Contains("Orleans Dashboard", await http.GetStringAsync($"http://127.0.0.1:{dashboard}/dashboard/"));
        var outDir = root.Combine("cancelled");
        await using var client = CliProcess.Start("run", RepoRoot.Scenario("baseline.yaml"), "--runs", "50000000", "--out", outDir,
            "--no-charts", "--cluster", redis.Url, "--cluster-id", clusterId);
        await silo.WaitForAsync("coördinator op", TimeSpan.FromSeconds(60));
        client.Interrupt();

        // Generous: on a loaded two-core machine the client once needed more than 20 s to wind down its cluster client.
        Assert.Equal(CliApp.Cancelled, await client.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("afgebroken", client.Output);
        await silo.WaitForAsync("afgebroken door de client", TimeSpan.FromSeconds(30));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Should_never_show_the_redis_password_When_silo_and_client_use_one()
    {
        var password = $"geheim{Guid.NewGuid():N}";
        await using var redis = await RedisServer.StartAsync(password);
        Assert.Contains(password, redis.Url);
        var clusterId = $"test-{Guid.NewGuid():N}";
        using var root = new TempFolder();
        await using var silo = await CliProcess.SiloAsync(redis.Url, clusterId);
        var result = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "--runs", "2000", "--out", root.Path, "--no-charts",
            "--cluster", redis.Url, "--cluster-id", clusterId);

        Assert.True(result.ExitCode == 0, result.Error);
        var manifest = File.ReadAllText(Path.Combine(root.Path, "run.txt"));
        Assert.Contains("cluster: redis://:***@127.0.0.1:", manifest);
        Assert.DoesNotContain(password, manifest);
        Assert.DoesNotContain(password, result.Output + result.Error);
        Assert.DoesNotContain(password, silo.Output);
        Assert.Contains("redis://:***@", silo.Output);
    }

    [Fact]
    public async Task Should_give_up_with_exit_code_3_within_the_timeout_When_redis_or_every_silo_is_missing()
    {
        var nowhere = $"redis://127.0.0.1:{FreePort.Next()}";
        var started = DateTime.UtcNow;
        var noRedis = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "--runs", "100", "--cluster", nowhere, "--cluster-timeout", "2");
        Assert.Equal(3, noRedis.ExitCode);
        Assert.Contains("niet bereikbaar", noRedis.Error);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));

        await using var redis = await RedisServer.StartAsync();
        var noSilo = await CliRun.Of("backtest", "--scenario", RepoRoot.Scenario("baseline.yaml"), "--cluster", redis.Url, "--cluster-id", $"empty-{Guid.NewGuid():N}", "--cluster-timeout", "2");
        Assert.Equal(3, noSilo.ExitCode);
        Assert.Contains("geen silo", noSilo.Error);

        var silo = await CliRun.Of("silo", "--cluster", nowhere, "--cluster-timeout", "2");
        Assert.Equal(3, silo.ExitCode);
        Assert.Single(silo.Error.Trim().Split('\n'));

        var badAddress = await CliRun.Of("run", RepoRoot.Scenario("baseline.yaml"), "--cluster", "http://127.0.0.1:6379");
        Assert.Equal(2, badAddress.ExitCode);
        Assert.Contains("--cluster", badAddress.Error);
    }

    /// <summary>Watches the run's progress from a client of its own and SIGKILLs <paramref name="victim"/> once <paramref name="done"/> trajectories are done.</summary>
    /// <summary>
    /// A client that watches the run's progress, connected before the run starts: a run whose municipalities are
    /// already fitted (the same data ran before on this cluster) is under way within a second.
    /// </summary>
    private static Task<RemoteCluster> Observer(string redis, string clusterId) =>
        RemoteCluster.ConnectAsync(ClusterAddress.Parse(redis), clusterId, TimeSpan.FromSeconds(30), default);

    private static async Task KillWhenDone(RemoteCluster observer, string runId, Task run, long done, CliProcess victim)
    {
        var coordinator = observer.Client.GetGrain<IRunCoordinatorGrain>(runId);
        RunProgress progress;
        do progress = await coordinator.GetProgress();
        while (progress.CompletedTrajectories < done && !run.IsCompleted);
        Assert.True(progress.CompletedTrajectories < Runs, "the run ended before the silo could be killed");
        victim.Kill();
    }

    private static string[] RunArgs(string outDir, params string[] extra) =>
        ["run", RepoRoot.Scenario("ivp-plan.yaml"), "--runs", Runs.ToString(), "--seed", "2024", "--out", outDir, "--no-charts", .. extra];

    private static async Task<string> Run(string outDir, params string[] extra)
    {
        var result = await CliRun.Of(RunArgs(outDir, extra));
        Assert.True(result.ExitCode == 0, result.Error);
        return outDir;
    }

    /// <summary>The run id and silo of a coordinator not in <paramref name="earlier"/>, from the silos' logs.</summary>
    private static async Task<(string RunId, string Silo)> NewCoordinator(CliProcess[] silos, HashSet<string> earlier)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var fresh = Coordinators(silos).Where(c => !earlier.Contains(c.RunId)).ToArray();
            if (fresh.Length > 0) return fresh[0];
            if (DateTime.UtcNow > deadline) throw new TimeoutException("no coordinator started:\n" + string.Join("\n", silos.Select(s => s.Output)));
            await Task.Delay(20);
        }
    }

    private static IEnumerable<(string RunId, string Silo)> Coordinators(CliProcess[] silos) =>
        silos.SelectMany(s => CoordinatorLine().Matches(s.Output)).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    [GeneratedRegex(@"run (\S+): \d+ trajecten .* coördinator op (\S+)")]
    private static partial Regex CoordinatorLine();
}
