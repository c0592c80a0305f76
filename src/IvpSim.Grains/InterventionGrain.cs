using IvpSim.Contracts;
using IvpSim.Model.Interventions;

namespace IvpSim.Grains;

/// <summary>
/// An intervention as the catalogue describes it (its key says which entry): resolves its priors and a scenario's uses
/// into planned effects and costs, and keeps the last few for requests with the same uses.
/// </summary>
public sealed class InterventionGrain : Grain, IInterventionGrain
{
    private const int Kept = 16;

    private readonly Dictionary<string, PlannedInterventionMessage> _prepared = [];
    private readonly Queue<string> _order = new();

    public Task<PlannedInterventionMessage> Prepare(InterventionRequest request)
    {
        if (request.Key.Length > 0 && _prepared.TryGetValue(request.Key, out var kept)) return Task.FromResult(kept);
        var (planned, cost) = InterventionPlanning.Plan(request.Intervention, request.Uses, request.Budget, request.Population);
        var message = new PlannedInterventionMessage(planned, cost);
        if (request.Key.Length > 0)
        {
            _prepared[request.Key] = message;
            _order.Enqueue(request.Key);
            if (_order.Count > Kept) _prepared.Remove(_order.Dequeue());
        }
        return Task.FromResult(message);
    }
}
