using IvpSim.Contracts;
using IvpSim.Model.Interventions;

namespace IvpSim.Grains;

/// <summary>An intervention: resolves its priors and the scenario's uses into a planned intervention.</summary>
public sealed class InterventionGrain : Grain, IInterventionGrain
{
    public Task<PlannedInterventionMessage> Prepare(InterventionRequest request) =>
        Task.FromResult(new PlannedInterventionMessage(PlannedIntervention.Create(request.Intervention, request.Uses)));
}
