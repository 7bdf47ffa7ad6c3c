using System.Buffers;
using System.Text;
using System.Text.Json;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>A generated symbol with its candidates as JSON for the hover tooltip
/// ([["e",0.61],["a",0.12],…]); Blazor attribute-encodes it, sample-hover.js reads it as data.</summary>
internal sealed record RenderedSymbol(string Text, string Candidates)
{
    /// <summary>Written with a reused <see cref="Utf8JsonWriter"/>: a serializer call per symbol (boxed object arrays)
    /// cost more than the rest of the render for a 500-character sample.</summary>
    public static IReadOnlyList<RenderedSymbol> All(IEnumerable<SampledSymbol> symbols)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using var json = new Utf8JsonWriter(buffer);
        var rendered = new List<RenderedSymbol>();
        foreach (var symbol in symbols)
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartArray();
            Write(json, symbol.Symbol, symbol.Probability);
            foreach (var candidate in symbol.Candidates) Write(json, candidate.Symbol, candidate.Probability);
            json.WriteEndArray();
            json.Flush();
            rendered.Add(new RenderedSymbol(symbol.Symbol, Encoding.UTF8.GetString(buffer.WrittenSpan)));
        }
        return rendered;
    }

    private static void Write(Utf8JsonWriter json, string symbol, float probability)
    {
        json.WriteStartArray();
        json.WriteStringValue(symbol);
        json.WriteNumberValue(Math.Round(probability, 4));
        json.WriteEndArray();
    }
}
