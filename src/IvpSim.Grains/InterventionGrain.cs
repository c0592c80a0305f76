using IvpSim.Contracts;
using IvpSim.Model.Interventions;

namespace IvpSim.Grains;

/// <summary>An intervention: resolves its priors and the scenario's uses into planned effects and costs.</summary>
public sealed class InterventionGrain : Grain, IInterventionGrain
{
    public Task<PlannedInterventionMessage> Prepare(InterventionRequest request)
    {
        var (planned, cost) = InterventionPlanning.Plan(request.Intervention, request.Uses, request.Budget, request.Population);
        return Task.FromResult(new PlannedInterventionMessage(planned, cost));
    }
}
