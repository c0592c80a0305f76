using System.Runtime.InteropServices;
using IvpSim.Cli;

// Not disposed: a signal may still arrive while the program ends. Cancelled asynchronously, so that the run's
// shutdown does not happen on the signal's thread.
var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    _ = cancel.CancelAsync();
};
// SIGTERM (systemd, docker stop, kill) stops a silo or a run as Ctrl-C does: cleanly, nothing half-written.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    _ = cancel.CancelAsync();
});
return await CliApp.RunAsync(args, Console.Out, Console.Error, cancel.Token);
