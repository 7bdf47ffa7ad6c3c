using System.Text.Json;
using CharRnnLab.Core.Checkpoints;

namespace CharRnnLab.Core.Settings;

/// <summary>
/// A <see cref="RunConfig"/> as JSON: <c>{ "model": {…}, "training": {…} }</c>, with the names and
/// enum spellings a checkpoint's meta.json uses, so a store of runs and a checkpoint hold one shape.
/// </summary>
public static class RunConfigJson
{
    public static string Write(RunConfig config) => JsonSerializer.Serialize(config, CheckpointJson.Compact);

    /// <summary>Reads what <see cref="Write"/> wrote; a missing or null part is a <see cref="JsonException"/> naming it.</summary>
    public static RunConfig Read(string json) =>
        JsonSerializer.Deserialize<RunConfig>(json, CheckpointJson.Compact) ?? throw new JsonException("The run configuration is null.");
}
