using IvpSim.Data;
using StackExchange.Redis;

namespace IvpSim.Cli.Hosting;

/// <summary>
/// Where a cluster's membership lives: <c>redis://[[user]:password@]host:port</c>. The password is used to connect
/// and nowhere else: <see cref="ToString"/> (logs, run.txt, messages) never shows it.
/// </summary>
public sealed class ClusterAddress
{
    public const int DefaultRedisPort = 6379;

    private ClusterAddress(string host, int port, string? user, string? password)
    {
        Host = host;
        Port = port;
        User = user;
        Password = password;
    }

    public string Host { get; }

    public int Port { get; }

    public string? User { get; }

    private string? Password { get; }

    public static ClusterAddress Parse(string text, string option = "--cluster")
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || string.IsNullOrEmpty(uri.Host))
            throw new InputException(option, null, null, "verwacht redis://HOST:POORT (of redis://:WACHTWOORD@HOST:POORT)");
        if (uri.AbsolutePath is not ("" or "/") || uri.Query.Length > 0)
            throw new InputException(option, null, null, "alleen redis://HOST:POORT, zonder pad of parameters");
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            user = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[..colon]);
            password = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[(colon + 1)..]);
        }
        return new ClusterAddress(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? DefaultRedisPort : uri.Port,
            string.IsNullOrEmpty(user) ? null : user, string.IsNullOrEmpty(password) ? null : password);
    }

    /// <summary>The options to reach Redis with; Orleans and StackExchange.Redis get these, never the text form.</summary>
    public ConfigurationOptions RedisOptions()
    {
        var options = new ConfigurationOptions
        {
            User = User,
            Password = Password,
            AbortOnConnectFail = false,
            ConnectTimeout = 5000,
            ConnectRetry = 2,
        };
        options.EndPoints.Add(Host, Port);
        return options;
    }

    /// <summary>The address as people may see it: a password shows as ***.</summary>
    public override string ToString() =>
        Password is null ? $"redis://{Host}:{Port}" : $"redis://{(User is null ? "" : User)}:***@{Host}:{Port}";
}
