using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IvpSim.Cli.Hosting;

/// <summary>
/// This process as a client of a cluster whose membership lives in Redis. Connecting waits a bounded time for Redis
/// and for a silo to answer, then gives up with a clear message (<see cref="ClusterUnavailableException"/>).
/// </summary>
public sealed class RemoteCluster : IRunCluster
{
    private readonly IHost _host;

    private RemoteCluster(IHost host, string description)
    {
        _host = host;
        Description = description;
    }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public string Description { get; }

    public static async Task<RemoteCluster> ConnectAsync(ClusterAddress address, string clusterId, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        CliLogging.Configure(builder.Logging, orleans: Microsoft.Extensions.Logging.LogLevel.None);
        builder.UseOrleansClient(client => client.JoinRedisCluster(address, clusterId).UseConnectionRetryFilter(async (_, ct) =>
        {
            // Keep trying (Redis may be starting, a silo may still join) until the deadline.
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            return DateTime.UtcNow < deadline;
        }));
        var host = builder.Build();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await host.StartAsync(bounded.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await Abandon(host);
            var redisUp = await RedisAnswers(address);
            throw new ClusterUnavailableException(redisUp
                ? $"geen silo van cluster '{clusterId}' bereikbaar binnen {timeout.TotalSeconds:0} s (Redis op {address} antwoordt wel). " +
                  $"Start er een met ./run-sim.sh silo --cluster {address} (wachttijd: --cluster-timeout)"
                : $"Redis op {address} is niet bereikbaar (binnen {timeout.TotalSeconds:0} s). Draait redis-server daar, met dat wachtwoord? " +
                  $"(wachttijd: --cluster-timeout; {Reason(e)})");
        }
        catch
        {
            await Abandon(host);
            throw;
        }
        return new RemoteCluster(host, $"{address} (cluster {clusterId})");
    }

    private static string Reason(Exception e) => e is OperationCanceledException ? "geen antwoord" : e.GetBaseException().Message;

    /// <summary>Whether Redis itself answers, to tell the user which half of the cluster is missing.</summary>
    private static async Task<bool> RedisAnswers(ClusterAddress address)
    {
        var options = address.RedisOptions();
        options.ConnectTimeout = 2000;
        options.ConnectRetry = 1;
        options.AbortOnConnectFail = true;
        try
        {
            await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(options);
            await redis.GetDatabase().PingAsync();
            return true;
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task Abandon(IHost host)
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception)
        {
            // A client that never connected has nothing to stop cleanly; the process goes on to report why.
        }
        host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(5));
        _host.Dispose();
    }
}
