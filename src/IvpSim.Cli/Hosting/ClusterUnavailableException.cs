namespace IvpSim.Cli.Hosting;

/// <summary>The cluster cannot be reached or lost the run's coordinator: the command line shows one line and exits with code 3.</summary>
public class ClusterUnavailableException(string message) : Exception(message);
