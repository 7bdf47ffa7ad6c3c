using System.Text.Json.Serialization;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Web.Contracts;

/// <summary>
/// A run's lifecycle as the lab shows it: the engine's <see cref="TrainingState"/> plus
/// <see cref="Interrupted"/>, for a run that was training when the server stopped.
/// Serialized as lower-case strings ("running", "interrupted", …).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunState>))]
public enum RunState
{
    [JsonStringEnumMemberName("idle")] Idle,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("paused")] Paused,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("interrupted")] Interrupted,
}

public static class RunStates
{
    public static RunState From(TrainingState state) => state switch
    {
        TrainingState.Idle => RunState.Idle,
        TrainingState.Running => RunState.Running,
        TrainingState.Paused => RunState.Paused,
        TrainingState.Completed => RunState.Completed,
        TrainingState.Cancelled => RunState.Cancelled,
        _ => RunState.Failed,
    };

    /// <summary>Holds a training slot (a session exists): running or paused.</summary>
    public static bool IsActive(this RunState state) => state is RunState.Running or RunState.Paused;

    /// <summary>The lower-case name used on the wire and in the database.</summary>
    public static string Wire(this RunState state) => state.ToString().ToLowerInvariant();

    public static RunState Parse(string wire) =>
        Enum.TryParse<RunState>(wire, ignoreCase: true, out var state) ? state : RunState.Failed;
}
