using System.Net;
using IvpSim.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace IvpSim.Cli.Hosting;

/// <summary>How silos and clients of an IvpSim cluster find each other: membership in Redis, one cluster id.</summary>
public static class RedisCluster
{
    public const string DefaultClusterId = "ivpsim";

    /// <summary>The service id is fixed: grains and their ids belong to IvpSim, whichever cluster runs them.</summary>
    private const string ServiceId = "ivpsim";

    public static ISiloBuilder JoinRedisCluster(this ISiloBuilder silo, ClusterAddress address, string clusterId,
        IPAddress listenOn, int siloPort, int gatewayPort) =>
        silo.UseRedisClustering(o => o.ConfigurationOptions = address.RedisOptions())
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = ServiceId;
            })
            .ConfigureEndpoints(listenOn, siloPort, gatewayPort, listenOnAnyHostAddress: false)
            .ConfigureServices(services => services.AddSingleton<IRunCheckpointStore>(new RedisCheckpointStore(address)))
            .AddIvpSim();

    public static IClientBuilder JoinRedisCluster(this IClientBuilder client, ClusterAddress address, string clusterId) =>
        client.UseRedisClustering(o => o.ConfigurationOptions = address.RedisOptions())
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = ServiceId;
            });
}
