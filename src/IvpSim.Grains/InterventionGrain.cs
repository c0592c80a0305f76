using IvpSim.Contracts;
using IvpSim.Model.Interventions;

namespace IvpSim.Grains;

/// <summary>
/// An intervention as the catalogue describes it (its key says which entry): resolves its priors and a scenario's uses
/// into planned effects and costs, and keeps the last few for requests with the same uses.
/// </summary>
public sealed class InterventionGrain : Grain, IInterventionGrain
{
    private readonly KeptResults<PlannedInterventionMessage> _prepared = new(16);

    public Task<PlannedInterventionMessage> Prepare(InterventionRequest request) =>
        Task.FromResult(_prepared.GetOrCompute(request.Key, () =>
        {
            var (planned, cost) = InterventionPlanning.Plan(request.Intervention, request.Uses, request.Budget, request.Population);
            return new PlannedInterventionMessage(planned, cost);
        }));
}
