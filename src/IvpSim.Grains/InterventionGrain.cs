using IvpSim.Contracts;
using IvpSim.Model.Interventions;
using IvpSim.Model.Budget;

namespace IvpSim.Grains;

/// <summary>An intervention: resolves its priors and the scenario's uses into planned effects and costs.</summary>
public sealed class InterventionGrain : Grain, IInterventionGrain
{
    public Task<PlannedInterventionMessage> Prepare(InterventionRequest request)
    {
        var shares = PlannedCost.UseShares(request.Uses, request.Budget, request.Population);
        return Task.FromResult(new PlannedInterventionMessage(
            PlannedIntervention.Create(request.Intervention, request.Uses, shares),
            PlannedCost.Create(request.Intervention, request.Uses, request.Budget, request.Population)));
    }
}
