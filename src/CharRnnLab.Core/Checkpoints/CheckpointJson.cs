using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharRnnLab.Core.Checkpoints;

/// <summary>
/// JSON settings for meta.json: camelCase names, enums as lower-case strings, indented for people.
/// A field the metadata's types require that is missing or null is an error naming it, never a
/// silent default or a null that surfaces later.
/// </summary>
internal static class CheckpointJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The same on one line, for JSON held inside another format's strings.</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
