using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model;
using Microsoft.AspNetCore.Http;

namespace IvpSim.Cli.Web;

/// <summary>Input errors as HTTP 400 with the CLI's one-line Dutch message; the server keeps serving.</summary>
public static class WebErrors
{
    /// <param name="folder">The scenario folder: messages call it scenarios/, not by where it lies on the server.</param>
    public static async Task<IResult> Guard(string folder, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusals (a body over the limit: 413) keep their status.
            return Results.Json(new { error = $"verzoek geweigerd: {e.Message}" }, statusCode: e.StatusCode);
        }
        catch (Exception e) when (Message(e) is { } message)
        {
            return Results.Json(new { error = message.Replace(folder + Path.DirectorySeparatorChar, "scenarios/", StringComparison.Ordinal) },
                statusCode: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The line the CLI would print after "fout: ", for an error that is the input's fault; null for any other.</summary>
    public static string? Message(Exception e) => e switch
    {
        InputException or ModelInputException or RunInputException => e.Message,
        InputProblemsException p => string.Join(" · ", p.Problems.Select(x => x.Message)),
        _ => null,
    };
}
