namespace IvpSim.Model;

/// <summary>Input that the model cannot work with; the message is Dutch and meant for the user.</summary>
public sealed class ModelInputException(string message) : Exception(message);
