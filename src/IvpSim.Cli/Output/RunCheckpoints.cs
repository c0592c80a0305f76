using System.Security.Cryptography;
using System.Text;
using IvpSim.Contracts;
using IvpSim.Data;
using Orleans.Serialization;

namespace IvpSim.Cli.Output;

/// <summary>
/// The command line's side of checkpoints: where a run keeps its progress (a file beside its output, or a key in the
/// cluster's Redis), how it starts (afresh, <c>--resume</c>, <c>--extend</c>), and the finished run's checkpoint that goes
/// into its output folder so that it can be extended later.
/// </summary>
public sealed class RunCheckpoints(Serializer serializer)
{
    /// <summary>Beside a single output folder: <c>out/x</c> keeps <c>out/x.ivpsim-tussenstand</c> while it runs.</summary>
    public const string PendingSuffix = ".ivpsim-tussenstand";

    /// <summary>Inside the output root when several scenarios run into their own folders.</summary>
    public const string PendingName = ".ivpsim-tussenstand";

    /// <summary>The finished run's checkpoint in its output folder.</summary>
    public const string FinishedName = "tussenstand.ivpsim";

    /// <summary>In the cluster's Redis: one key per cluster, run and output folder.</summary>
    public static string RedisKey(string clusterId, string identity, string output) =>
        $"ivpsim:tussenstand:{clusterId}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity + "|" + output)))[..32]}";

    /// <summary>How the run starts: the request with its start and, where the client has it, the checkpoint to continue from.</summary>
    public CompareRequest Start(CompareRequest request, bool resume, string? extend, bool cluster, int runs)
    {
        if (resume && extend is not null) throw new InputException("--extend", null, null, "kies --resume of --extend, niet allebei");
        if (extend is not null)
        {
            var file = Path.Combine(extend, FinishedName);
            if (!File.Exists(file))
                throw new InputException(file, null, null, "geen klare run om te verlengen (de map moet de uitvoer van een run met deze IvpSim zijn)");
            var previous = Read(file);
            if (!previous.Finished) throw new InputException(file, null, null, "deze tussenstand is niet van een klare run; gebruik --resume");
            if (previous.Identity != request.Identity)
                throw new InputException(file, null, null, "hoort bij een andere run: scenario, gegevens, catalogus, kalibratie of seed verschillen");
            if (runs <= previous.RoundEnd)
                throw new InputException("--runs", null, null, $"moet meer zijn dan de {previous.RoundEnd} trajecten van de run in {extend}");
            return request with { Start = RunStart.Given, From = previous };
        }
        if (!resume) return request;
        if (cluster) return request with { Start = RunStart.Stored };
        var pending = request.CheckpointKey!;
        if (!File.Exists(pending))
            throw new InputException(pending, null, null, "geen tussenstand gevonden om te hervatten (de run is klaar, of nooit zo ver gekomen)");
        return request with { Start = RunStart.Given, From = Read(pending) };
    }

    /// <summary>The checkpoint of a finished run, built from its outcome.</summary>
    public static RunCheckpoint Finished(string identity, CompareOutcome outcome)
    {
        var trajectories = outcome.Scenarios[0].Aggregate.Trajectories;
        return new RunCheckpoint(RunCheckpoint.CurrentVersion, identity, trajectories, trajectories, 0, [],
            [.. outcome.Scenarios.Select(s => s.Aggregate)], outcome.Paired, Finished: true);
    }

    public void Save(string folder, RunCheckpoint checkpoint) =>
        File.WriteAllBytes(Path.Combine(folder, FinishedName), serializer.SerializeToArray(checkpoint));

    private RunCheckpoint Read(string file)
    {
        try
        {
            return serializer.Deserialize<RunCheckpoint>(File.ReadAllBytes(file)) ?? throw new InvalidDataException();
        }
        catch (Exception e) when (e is not InputException)
        {
            throw new InputException(file, null, null, "is geen leesbare tussenstand van IvpSim");
        }
    }
}
