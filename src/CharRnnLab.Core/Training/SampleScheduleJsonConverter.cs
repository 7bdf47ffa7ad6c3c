using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharRnnLab.Core.Training;

/// <summary>A <see cref="SampleSchedule"/> as a JSON array of iterations, e.g. <c>[100,300,500]</c>.</summary>
public sealed class SampleScheduleJsonConverter : JsonConverter<SampleSchedule>
{
    public override SampleSchedule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"A sample schedule is an array of iterations such as [100,300,500] (got {reader.TokenType}).");
        var iterations = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int iteration))
                throw new JsonException($"A sample schedule holds whole iterations only (got {reader.TokenType}).");
            iterations.Add(iteration);
        }
        return new SampleSchedule(iterations);
    }

    public override void Write(Utf8JsonWriter writer, SampleSchedule value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (int iteration in value.Iterations) writer.WriteNumberValue(iteration);
        writer.WriteEndArray();
    }
}
