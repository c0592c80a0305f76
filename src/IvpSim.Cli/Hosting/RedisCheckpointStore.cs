using IvpSim.Grains;
using StackExchange.Redis;

namespace IvpSim.Cli.Hosting;

/// <summary>
/// Checkpoints in the cluster's Redis, where membership lives too: a coordinator re-activated on another silo after
/// its own died finds its run's progress there. One string value per run, replaced whole; kept for a week.
/// </summary>
public sealed class RedisCheckpointStore(ClusterAddress address) : IRunCheckpointStore, IAsyncDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(address.RedisOptions()));

    public async Task<byte[]?> ReadAsync(string key)
    {
        var value = await (await Database()).StringGetAsync(key);
        return value.IsNull ? null : (byte[])value!;
    }

    public async Task WriteAsync(string key, byte[] checkpoint) => await (await Database()).StringSetAsync(key, checkpoint, KeepFor);

    public async Task DeleteAsync(string key) => await (await Database()).KeyDeleteAsync(key);

    private async Task<IDatabase> Database() => (await _connection.Value).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated) await (await _connection.Value).DisposeAsync();
    }
}
