using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharRnnLab.Core.Checkpoints;

/// <summary>JSON settings for meta.json: camelCase names, enums as lower-case strings, indented for people.</summary>
internal static class CheckpointJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
