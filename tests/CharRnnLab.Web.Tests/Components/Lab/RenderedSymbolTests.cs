using System.Text.Json;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Web.Components.Lab;

namespace CharRnnLab.Web.Tests.Components.Lab;

public sealed class RenderedSymbolTests
{
    /// <summary>What the hover's JSON was before the writer: one serializer call per symbol.</summary>
    private static string Serialized(SampledSymbol symbol) =>
        JsonSerializer.Serialize(symbol.Candidates.Select(c => new object[] { c.Symbol, Math.Round(c.Probability, 4) })
            .Prepend(new object[] { symbol.Symbol, Math.Round(symbol.Probability, 4) }));

    [Fact]
    public void The_candidates_json_equals_serializing_each_symbol()
    {
        string[] texts = ["e", "\"", "\\", "\n", "é", "<", "&", "\u2028", "😀", " "];
        var random = new Random(5);
        var symbols = texts.Select((t, i) => new SampledSymbol(t, i, random.NextSingle(),
            texts.Skip(i).Take(3).Select(c => new Candidate(c, random.NextSingle() / 3)).ToArray())).ToList();
        symbols.Add(new SampledSymbol("x", 0, 1f, []));
        symbols.Add(new SampledSymbol("y", 1, 1e-7f, [new Candidate("z", 0.99995f)]));

        var rendered = RenderedSymbol.All(symbols);

        Assert.Equal(symbols.Select(Serialized), rendered.Select(r => r.Candidates));
        Assert.Equal(symbols.Select(s => s.Symbol), rendered.Select(r => r.Text));
    }
}
