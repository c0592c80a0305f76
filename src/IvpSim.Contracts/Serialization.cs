using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace IvpSim.Contracts;

/// <summary>
/// The pure model library knows nothing of Orleans, so its immutable records cross the wire as JSON
/// (System.Text.Json writes doubles so that they read back bit for bit). Every silo and client calls this.
/// </summary>
public static class Serialization
{
    public static IServiceCollection AddIvpSimSerialization(this IServiceCollection services) =>
        services.AddSerializer(builder => builder.AddJsonSerializer(
            isSupported: IsModelType,
            new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals }));

    private static bool IsModelType(Type type) =>
        type.Namespace?.StartsWith("IvpSim.Model", StringComparison.Ordinal) == true;
}
