using IvpSim.Contracts;
using IvpSim.Model;

namespace IvpSim.Grains;

/// <summary>
/// A model input error raised in any grain travels back as <see cref="RunInputException"/>, a type every silo and
/// client can read, so that the user sees the same one-line message on one silo or a cluster.
/// </summary>
public sealed class InputErrorFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (ModelInputException e)
        {
            throw new RunInputException(e.Message);
        }
    }
}
