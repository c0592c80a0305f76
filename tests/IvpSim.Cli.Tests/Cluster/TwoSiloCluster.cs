namespace IvpSim.Cli.Tests.Cluster;

/// <summary>What the cluster tests share: a Redis, two silo processes in one cluster, and a folder for the outputs.</summary>
internal sealed class TwoSiloCluster : IAsyncDisposable
{
    private TwoSiloCluster(RedisServer redis, string id, CliProcess a, CliProcess b)
    {
        Redis = redis;
        Id = id;
        A = a;
        B = b;
    }

    public RedisServer Redis { get; }

    public string Id { get; }

    public CliProcess A { get; }

    public CliProcess B { get; }

    public TempFolder Root { get; } = new();

    /// <summary>The options that send a command to this cluster.</summary>
    public string[] Args => ["--cluster", Redis.Url, "--cluster-id", Id];

    public static async Task<TwoSiloCluster> StartAsync()
    {
        var redis = await RedisServer.StartAsync();
        var id = $"test-{Guid.NewGuid():N}";
        var a = await CliProcess.SiloAsync(redis.Url, id);
        var b = await CliProcess.SiloAsync(redis.Url, id);
        return new TwoSiloCluster(redis, id, a, b);
    }

    /// <summary>Silos first (they sign off in Redis), then the folder, then Redis.</summary>
    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        Root.Dispose();
        await Redis.DisposeAsync();
    }
}
